package io.caseflow.cli;

import io.caseflow.CaseflowRuntime;
import io.caseflow.config.Settings;
import io.caseflow.installation.Installation;
import io.caseflow.registry.WorkerRegistration;
import io.caseflow.store.Database;
import io.caseflow.transport.rabbitmq.RabbitSettings;
import io.caseflow.transport.rabbitmq.RabbitTransport;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/** Where a server or worker keeps its processes and which broker it uses; flags override env and file. */
final class RuntimeOptions {
    @Option(names = "--config", paramLabel = "FILE", description = "A properties file (keys like jdbc.url, broker.uri, api.token).")
    Path config;

    @Option(names = "--installation", paramLabel = "NAME",
            description = "Which installation this node belongs to: the prefix of its queues and exchanges and its store schema, "
                    + "so installations sharing a broker or database stay apart (default caseflow; env CASEFLOW_INSTALLATION).")
    String installation;

    @Option(names = "--jdbc-url", paramLabel = "URL", description = "Process store, e.g. jdbc:postgresql://db:5432/caseflow (env CASEFLOW_JDBC_URL).")
    String jdbcUrl;

    @Option(names = "--jdbc-user", paramLabel = "USER", description = "Database user (env CASEFLOW_JDBC_USER).")
    String jdbcUser;

    @Option(names = "--broker-uri", paramLabel = "URI", description = "RabbitMQ, e.g. amqp://user:pass@rabbit:5672 (env CASEFLOW_BROKER_URI).")
    String brokerUri;

    @Option(names = "--heartbeat-seconds", paramLabel = "SECONDS",
            description = "How often this node refreshes its record in the worker registry; it counts as gone after 3 missed "
                    + "(default 5; env CASEFLOW_REGISTRY_HEARTBEAT_SECONDS).")
    Integer heartbeatSeconds;

    @Option(names = "--classic-queues", description = "Declare classic queues instead of quorum queues (only where quorum queues are unavailable).")
    boolean classicQueues;

    Settings settings() {
        return Settings.load(config, System.getenv());
    }

    /** A runtime on the configured store and broker. The database password and task id key come only from env or file. */
    CaseflowRuntime.Builder runtime(Settings settings, String connectionName, boolean archiveDeadLetters) {
        String url = settings.get(Settings.JDBC_URL, jdbcUrl, Database.h2File(Database.DEFAULT_H2_PATH));
        String broker = settings.require(Settings.BROKER_URI, brokerUri, "--broker-uri");
        boolean quorum = !classicQueues && Boolean.parseBoolean(settings.get(Settings.BROKER_QUORUM, null, "true"));
        RabbitSettings rabbit = RabbitSettings.defaults(broker).withQuorumQueues(quorum).withConnectionName(connectionName)
                .withHeartbeat(Duration.ofSeconds(settings.getInt(Settings.BROKER_HEARTBEAT, null,
                        (int) RabbitSettings.DEFAULT_HEARTBEAT.toSeconds())));
        CaseflowRuntime.Builder builder = CaseflowRuntime.builder().installation(installation(settings)).jdbcUrl(url)
                .credentials(settings.get(Settings.JDBC_USER, jdbcUser).orElse(null), settings.get(Settings.JDBC_PASSWORD, null).orElse(null))
                .transport((installation, outbox, clock, meters) -> archiveDeadLetters
                        ? new RabbitTransport(rabbit, installation, outbox, clock, meters).archivingDeadLetters()
                        : new RabbitTransport(rabbit, installation, outbox, clock, meters));
        settings.get(Settings.TASK_ID_KEY, null).ifPresent(key -> builder.taskIdKey(Base64.getDecoder().decode(key)));
        int poolSize = settings.getInt(Settings.JDBC_POOL_SIZE, null, Database.DEFAULT_POOL_SIZE);
        if (poolSize < 2 || poolSize > 200) {
            throw new IllegalArgumentException(Settings.JDBC_POOL_SIZE + " must be 2 to 200, was " + poolSize);
        }
        builder.poolSize(poolSize);
        builder.openTelemetry(TracingSetup.fromEnvironment(System.getenv(), connectionName));
        return builder;
    }

    Installation installation(Settings settings) {
        return Installation.named(settings.get(Settings.INSTALLATION, installation, Installation.DEFAULT_NAME));
    }

    /** How this node enters the worker registry, as {@code kind}. */
    WorkerRegistration registration(Settings settings, String kind) {
        int seconds = settings.getInt(Settings.REGISTRY_HEARTBEAT, heartbeatSeconds, (int) WorkerRegistration.DEFAULT_HEARTBEAT.toSeconds());
        if (seconds < 1 || seconds > WorkerRegistration.MAX_HEARTBEAT.toSeconds()) {
            throw new IllegalArgumentException(Settings.REGISTRY_HEARTBEAT + " must be 1 to " + WorkerRegistration.MAX_HEARTBEAT.toSeconds()
                    + ", was " + seconds);
        }
        return WorkerRegistration.as(kind).withHeartbeat(Duration.ofSeconds(seconds));
    }

    Map<String, String> effective(Settings settings) {
        Map<String, String> effective = new LinkedHashMap<>();
        effective.put(Settings.INSTALLATION, installation(settings).name());
        effective.put(Settings.JDBC_URL, settings.get(Settings.JDBC_URL, jdbcUrl, Database.h2File(Database.DEFAULT_H2_PATH)));
        effective.put(Settings.BROKER_URI, settings.get(Settings.BROKER_URI, brokerUri).orElse(null));
        effective.put(Settings.TASK_ID_KEY, settings.get(Settings.TASK_ID_KEY, null).map(k -> "set").orElse("stored in the database"));
        return effective;
    }
}
