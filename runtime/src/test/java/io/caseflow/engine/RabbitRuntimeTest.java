package io.caseflow.engine;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import io.caseflow.CaseflowRuntime;
import io.caseflow.testing.ExternalServices;
import io.caseflow.transport.rabbitmq.RabbitSettings;
import io.caseflow.transport.rabbitmq.RabbitTransport;

/** The runtime contract on PostgreSQL with the RabbitMQ transport (quorum queues). */
class RabbitRuntimeTest extends RuntimeContractTest {
    @Override
    protected CaseflowRuntime.Builder configure(CaseflowRuntime.Builder builder) {
        ExternalServices.requireRabbitMq();
        RabbitSettings settings = RabbitSettings.defaults(ExternalServices.RABBITMQ_URI).withConnectionName("caseflow-test");
        return builder.jdbcUrl(ExternalServices.freshPostgresSchema())
                .transport((outbox, clock, meters) -> new RabbitTransport(settings, outbox, clock, meters));
    }

    @Override
    protected void cleanUp() {
        try {
            ConnectionFactory factory = new ConnectionFactory();
            factory.setUri(ExternalServices.RABBITMQ_URI);
            try (Connection connection = factory.newConnection("caseflow-test-cleanup"); Channel channel = connection.createChannel()) {
                for (String queue : queuesUsed()) {
                    channel.queueDelete(queue);
                }
            }
        } catch (Exception e) {
            System.out.println("NOTICE: could not delete test queues: " + e.getMessage());
        }
    }
}
