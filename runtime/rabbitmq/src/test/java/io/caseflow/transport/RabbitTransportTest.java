package io.caseflow.transport;

import io.caseflow.store.OutboxStore;
import io.caseflow.testing.ExternalServices;
import io.caseflow.transport.rabbitmq.RabbitSettings;
import io.caseflow.transport.rabbitmq.RabbitTransport;
import java.time.Clock;

class RabbitTransportTest extends TransportContractTest {
    @Override
    protected Transport newTransport(OutboxStore outbox) {
        ExternalServices.requireRabbitMq();
        return new RabbitTransport(RabbitSettings.defaults(ExternalServices.RABBITMQ_URI).withConnectionName("caseflow-contract"),
                ExternalServices.testInstallation(), outbox, Clock.systemUTC(), meters()).archivingDeadLetters();
    }

    @Override
    protected void cleanUp() {
        ExternalServices.deleteQueues(java.util.List.of(queue));
    }
}
