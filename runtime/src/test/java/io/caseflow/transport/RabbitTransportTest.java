package io.caseflow.transport;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
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
                outbox, Clock.systemUTC(), meters()).archivingDeadLetters();
    }

    @Override
    protected void cleanUp() {
        try {
            ConnectionFactory factory = new ConnectionFactory();
            factory.setUri(ExternalServices.RABBITMQ_URI);
            try (Connection connection = factory.newConnection("caseflow-test-cleanup"); Channel channel = connection.createChannel()) {
                channel.queueDelete(queue);
            }
        } catch (Exception e) {
            System.out.println("NOTICE: could not delete the test queue: " + e.getMessage());
        }
    }
}
