package io.caseflow.testing;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.ConnectionFactory;
import io.caseflow.installation.Installation;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Assumptions;

/**
 * The real PostgreSQL and RabbitMQ of the machine, for tests. Where one is not running, tests that need
 * it are skipped with a printed notice; under CI ({@code CASEFLOW_CI} set) they fail instead.
 */
public final class ExternalServices {
    public static final String POSTGRES_URL = env("CASEFLOW_TEST_POSTGRES_URL", "jdbc:postgresql://127.0.0.1:5432/test");
    public static final String POSTGRES_USER = env("CASEFLOW_TEST_POSTGRES_USER", "postgres");
    public static final String RABBITMQ_URI = env("CASEFLOW_TEST_RABBITMQ_URI", "amqp://guest:guest@127.0.0.1:5672");
    /** Schemas this test JVM made (and those named after them); dropped when it exits, so runs leave nothing behind. */
    private static final Set<String> SCHEMAS_MADE = ConcurrentHashMap.newKeySet();
    private static final AtomicBoolean CLEANUP_REGISTERED = new AtomicBoolean();

    private ExternalServices() {
    }

    /**
     * This test run's own installation on the shared broker: its exchanges, dead letters and work queues
     * carry this prefix, so the suite runs beside any other caseflow (another run, a real installation).
     * Its exchanges and dead-letter queues are deleted when the JVM ends.
     */
    public static Installation testInstallation() {
        return TestRun.INSTALLATION;
    }

    /** A fresh installation name for a test that needs one of its own (e.g. two installations side by side). */
    public static Installation freshInstallation() {
        return Installation.named("cf-test-" + UUID.randomUUID().toString().replace("-", "").substring(0, 12));
    }

    /** Deletes what an installation declared besides work queues: its exchanges and dead-letter queues. */
    public static void deleteInstallation(Installation installation) {
        String prefix = installation.prefix();
        deleteQueues(List.of(prefix + "dead-letters", prefix + "dead-letters.archive"));
        try {
            ConnectionFactory factory = new ConnectionFactory();
            factory.setUri(RABBITMQ_URI);
            try (com.rabbitmq.client.Connection connection = factory.newConnection("caseflow-test-cleanup")) {
                for (String exchange : List.of(installation.name(), prefix + "events", prefix + "dlx")) {
                    try (Channel channel = connection.createChannel()) {
                        channel.exchangeDelete(exchange);
                    }
                }
            }
        } catch (Exception e) {
            System.out.println("NOTICE: could not delete the exchanges of test installation " + installation + ": " + e.getMessage());
        }
    }

    /** Holds the run's installation, created on first use with its clean-up registered once. */
    private static final class TestRun {
        static final Installation INSTALLATION = freshInstallation();

        static {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteInstallation(INSTALLATION), "caseflow-test-cleanup"));
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    public static boolean inCi() {
        String ci = System.getenv("CASEFLOW_CI");
        return ci != null && !ci.isBlank() && !ci.equals("0");
    }

    /** Skips (or, in CI, fails) the calling test when {@code what} is unavailable. */
    public static void require(boolean available, String what, Throwable why) {
        if (available) {
            return;
        }
        String message = what + " is not reachable (" + (why == null ? "unknown" : why.getMessage()) + ")";
        if (inCi()) {
            throw new AssertionError(message + "; CI requires it (CASEFLOW_CI is set)", why);
        }
        System.out.println("NOTICE: skipping a test: " + message);
        Assumptions.abort(message);
    }

    /** The JDBC URL of the test database itself, with no schema chosen (skips or fails the test when unreachable). */
    public static String postgresDatabase() {
        String url = POSTGRES_URL + (POSTGRES_URL.contains("?") ? "&" : "?") + "user=" + POSTGRES_USER;
        try (Connection ignored = DriverManager.getConnection(url)) {
            return url;
        } catch (SQLException e) {
            require(false, "PostgreSQL at " + POSTGRES_URL, e);
            return url;
        }
    }

    /**
     * Drops, when this JVM exits, the schema {@code name} and those named after it ({@code name_svc_payments}, the
     * services' schemas that workers create). For schemas a test's processes create themselves.
     */
    public static void dropOnExit(String name) {
        SCHEMAS_MADE.add(name);
        if (CLEANUP_REGISTERED.compareAndSet(false, true)) {
            Runtime.getRuntime().addShutdownHook(new Thread(ExternalServices::dropSchemasMade, "drop-test-schemas"));
        }
    }

    /** Bounded: a schema still locked by a connection left open is reported, not waited for. */
    private static void dropSchemasMade() {
        try (Connection connection = DriverManager.getConnection(POSTGRES_URL, POSTGRES_USER, "");
             Statement statement = connection.createStatement()) {
            statement.execute("SET lock_timeout = '2s'");
            List<String> schemas = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement("SELECT nspname FROM pg_namespace WHERE nspname = ? "
                    + "OR nspname LIKE ? ESCAPE '!'")) {
                for (String name : SCHEMAS_MADE) {
                    select.setString(1, name);
                    select.setString(2, name.replace("_", "!_") + "!_%");
                    try (ResultSet rs = select.executeQuery()) {
                        while (rs.next()) {
                            schemas.add(rs.getString(1));
                        }
                    }
                }
            }
            for (String schema : schemas) {
                try {
                    statement.execute("DROP SCHEMA IF EXISTS \"" + schema + "\" CASCADE");
                } catch (SQLException e) {
                    System.out.println("NOTICE: test schema " + schema + " left in place: " + e.getMessage());
                }
            }
        } catch (SQLException e) {
            System.out.println("NOTICE: could not drop test schemas " + SCHEMAS_MADE + ": " + e.getMessage());
        }
    }

    /** A JDBC URL of a fresh, empty PostgreSQL schema (created now, dropped when this JVM exits). */
    public static String freshPostgresSchema() {
        String schema = "cf_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        try (Connection connection = DriverManager.getConnection(POSTGRES_URL, POSTGRES_USER, "");
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            require(false, "PostgreSQL at " + POSTGRES_URL, e);
        }
        dropOnExit(schema);
        return POSTGRES_URL + (POSTGRES_URL.contains("?") ? "&" : "?") + "currentSchema=" + schema + "&user=" + POSTGRES_USER;
    }

    /** Deletes queues a test declared on the shared broker; a failure is only reported. */
    public static void deleteQueues(Collection<String> queues) {
        try {
            ConnectionFactory factory = new ConnectionFactory();
            factory.setUri(RABBITMQ_URI);
            try (com.rabbitmq.client.Connection connection = factory.newConnection("caseflow-test-cleanup")) {
                for (String queue : queues) {
                    try (Channel channel = connection.createChannel()) {
                        channel.queueDelete(queue);
                    }
                }
            }
        } catch (Exception e) {
            System.out.println("NOTICE: could not delete test queues " + queues + ": " + e.getMessage());
        }
    }

    public static void requireRabbitMq() {
        try {
            ConnectionFactory factory = new ConnectionFactory();
            factory.setUri(RABBITMQ_URI);
            factory.setConnectionTimeout(3000);
            try (com.rabbitmq.client.Connection ignored = factory.newConnection("caseflow-test-probe")) {
                return;
            }
        } catch (Exception e) {
            require(false, "RabbitMQ at " + RABBITMQ_URI, e);
        }
    }
}
