package io.caseflow.engine;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import io.caseflow.CaseflowRuntime;
import io.caseflow.message.Queues;
import io.caseflow.testing.ExternalServices;
import io.caseflow.transport.rabbitmq.RabbitSettings;
import io.caseflow.transport.rabbitmq.RabbitTransport;
import java.util.List;

/** Bad input over RabbitMQ: dead-lettered to the broker's dead-letter exchange with the reason, and archived in the store. */
class RabbitBadInputTest extends BadInputContractTest {
    @Override
    protected CaseflowRuntime.Builder configure(CaseflowRuntime.Builder builder) {
        ExternalServices.requireRabbitMq();
        RabbitSettings settings = RabbitSettings.defaults(ExternalServices.RABBITMQ_URI).withConnectionName("caseflow-test");
        return builder.jdbcUrl(ExternalServices.freshPostgresSchema())
                .transport((outbox, clock, meters) -> new RabbitTransport(settings, outbox, clock, meters).archivingDeadLetters());
    }

    @Override
    protected void cleanUp() {
        try {
            ConnectionFactory factory = new ConnectionFactory();
            factory.setUri(ExternalServices.RABBITMQ_URI);
            try (Connection connection = factory.newConnection("caseflow-test-cleanup"); Channel channel = connection.createChannel()) {
                for (String queue : List.of(Queues.innerQ(KEY), Queues.serviceQ(KEY), Queues.serviceRequests(payments))) {
                    channel.queueDelete(queue);
                }
            }
        } catch (Exception e) {
            System.out.println("NOTICE: could not delete test queues: " + e.getMessage());
        }
    }
}
