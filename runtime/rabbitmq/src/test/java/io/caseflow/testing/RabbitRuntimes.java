package io.caseflow.testing;

import io.caseflow.CaseflowRuntime;
import io.caseflow.transport.rabbitmq.RabbitSettings;
import io.caseflow.transport.rabbitmq.RabbitTransport;
import java.nio.file.Path;

/** Runtimes for tests on the machine's RabbitMQ, with a fresh PostgreSQL schema or an H2 file. */
public final class RabbitRuntimes {
    private RabbitRuntimes() {
    }

    /** A runtime on a fresh PostgreSQL schema and the machine's RabbitMQ, in this test run's installation. */
    public static CaseflowRuntime.Builder onRabbitMqAndPostgres(CaseflowRuntime.Builder builder, boolean archiveDeadLetters) {
        ExternalServices.requireRabbitMq();
        RabbitSettings settings = RabbitSettings.defaults(ExternalServices.RABBITMQ_URI).withConnectionName("caseflow-test");
        return builder.installation(ExternalServices.testInstallation()).jdbcUrl(ExternalServices.freshPostgresSchema())
                .transport((installation, outbox, clock, meters) -> {
            RabbitTransport transport = new RabbitTransport(settings, installation, outbox, clock, meters);
            return archiveDeadLetters ? transport.archivingDeadLetters() : transport;
        });
    }

    /** A runtime on an H2 file at {@code file} and the machine's RabbitMQ, in this test run's installation. */
    public static CaseflowRuntime.Builder onRabbitMqAndH2(CaseflowRuntime.Builder builder, Path file) {
        ExternalServices.requireRabbitMq();
        RabbitSettings settings = RabbitSettings.defaults(ExternalServices.RABBITMQ_URI).withConnectionName("caseflow-test");
        return builder.installation(ExternalServices.testInstallation()).h2File(file)
                .transport((installation, outbox, clock, meters) -> new RabbitTransport(settings, installation, outbox, clock, meters));
    }
}
