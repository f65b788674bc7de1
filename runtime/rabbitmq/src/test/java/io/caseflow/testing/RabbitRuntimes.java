package io.caseflow.testing;

import io.caseflow.CaseflowRuntime;
import io.caseflow.transport.TransportFactory;
import io.caseflow.transport.rabbitmq.RabbitSettings;
import io.caseflow.transport.rabbitmq.RabbitTransport;
import java.nio.file.Path;

/** Runtimes for tests on the machine's RabbitMQ, with a fresh PostgreSQL schema or an H2 file. */
public final class RabbitRuntimes {
    private RabbitRuntimes() {
    }

    /** A runtime on a fresh PostgreSQL schema and the machine's RabbitMQ, in this test run's installation. */
    public static CaseflowRuntime.Builder onRabbitMqAndPostgres(CaseflowRuntime.Builder builder, boolean archiveDeadLetters) {
        TransportFactory rabbitMq = onRabbitMq(archiveDeadLetters); // first: no schema is made when RabbitMQ is missing
        return builder.installation(ExternalServices.testInstallation()).jdbcUrl(ExternalServices.freshPostgresSchema())
                .transport(rabbitMq);
    }

    /** A runtime on an H2 file at {@code file} and the machine's RabbitMQ, in this test run's installation. */
    public static CaseflowRuntime.Builder onRabbitMqAndH2(CaseflowRuntime.Builder builder, Path file) {
        return builder.installation(ExternalServices.testInstallation()).h2File(file).transport(onRabbitMq(false));
    }

    private static TransportFactory onRabbitMq(boolean archiveDeadLetters) {
        ExternalServices.requireRabbitMq();
        RabbitSettings settings = RabbitSettings.defaults(ExternalServices.RABBITMQ_URI).withConnectionName("caseflow-test");
        return (installation, outbox, clock, meters) -> {
            RabbitTransport transport = new RabbitTransport(settings, installation, outbox, clock, meters);
            return archiveDeadLetters ? transport.archivingDeadLetters() : transport;
        };
    }
}
