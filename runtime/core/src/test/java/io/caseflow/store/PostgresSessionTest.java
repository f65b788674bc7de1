package io.caseflow.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.caseflow.testing.ExternalServices;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Pooled PostgreSQL sessions carry caseflow's bounded lock waits from their start, and a connection
 * resting in the pool is never "idle in transaction", so PostgreSQL's idle-in-transaction timeout never
 * ends a healthy pooled session.
 */
class PostgresSessionTest {
    private static final int POOL = 3;
    private final String applicationName = "cf_session_" + UUID.randomUUID().toString().substring(0, 8);

    @Test
    void pooled_connections_rest_outside_a_transaction_and_outlive_the_idle_in_transaction_timeout() throws Exception {
        try (Database database = Database.open(ExternalServices.freshPostgresSchema() + "&ApplicationName=" + applicationName, POOL)) {
            // The pool opens its idle connections by itself; nobody has used them yet.
            await().atMost(Duration.ofSeconds(10)).until(() -> sessions().size() >= 2);
            Thread.sleep(300);
            assertThat(sessions().values()).as("states of the untouched pool's sessions").doesNotContain("idle in transaction");
            Set<Integer> resting = sessions().keySet();

            Thread.sleep(Duration.ofSeconds(16).toMillis()); // past the 15 s idle-in-transaction timeout
            assertThat(useEveryConnection(database)).as("the resting sessions were not ended by the timeout and replaced")
                    .containsAll(resting);
        }
    }

    @Test
    void every_pooled_session_has_the_lock_and_idle_timeouts() throws Exception {
        try (Database database = Database.open(ExternalServices.freshPostgresSchema(), POOL);
             Connection connection = database.dataSource().getConnection();
             Statement statement = connection.createStatement()) {
            connection.rollback(); // settings made inside a transaction would go with it
            assertThat(show(statement, "lock_timeout")).isEqualTo("5s");
            assertThat(show(statement, "idle_in_transaction_session_timeout")).isEqualTo("15s");
        }
    }

    @Test
    void options_in_the_url_are_kept_and_may_tune_a_setting() throws Exception {
        try (Database database = Database.open(ExternalServices.freshPostgresSchema() + "&options=-c%20lock_timeout%3D7s", POOL);
             Connection connection = database.dataSource().getConnection();
             Statement statement = connection.createStatement()) {
            assertThat(show(statement, "lock_timeout")).isEqualTo("7s");
            assertThat(show(statement, "idle_in_transaction_session_timeout")).isEqualTo("15s");
        }
    }

    @Test
    void a_read_runs_without_a_transaction_block_and_leaves_its_connection_in_manual_commit() throws Exception {
        // Flyway needs two connections to migrate; one is held aside below, so the read and the transaction after it share the other.
        try (Database database = Database.open(ExternalServices.freshPostgresSchema(), 2);
             Connection heldAside = database.dataSource().getConnection()) {
            database.inTransaction("create a table", connection -> {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("CREATE TABLE probe (id INTEGER)");
                }
                return null;
            });
            // Inside a transaction now() stays at its start; in autocommit each statement is its own transaction.
            boolean ownTransaction = database.read("probe", connection -> {
                try (Statement statement = connection.createStatement()) {
                    return !transactionStart(statement).equals(transactionStart(statement));
                }
            });
            assertThat(ownTransaction).as("the second statement of a read started its own transaction").isTrue();

            // The same connection again: a transaction that fails must leave nothing behind.
            assertThatThrownBy(() -> database.inTransaction("insert, then fail", connection -> {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("INSERT INTO probe VALUES (1)");
                }
                throw new SQLException("failing on purpose");
            })).isInstanceOf(StoreException.class);
            int rows = database.read("count", connection -> {
                try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery("SELECT COUNT(*) FROM probe")) {
                    rs.next();
                    return rs.getInt(1);
                }
            });
            assertThat(rows).as("rows left by the failed transaction after a read used the connection").isZero();
        }
    }

    private static String transactionStart(Statement statement) throws SQLException {
        try (ResultSet rs = statement.executeQuery("SELECT now()::text")) {
            rs.next();
            return rs.getString(1);
        }
    }

    /** Holds every pooled connection at once and returns their backend ids. */
    private static Set<Integer> useEveryConnection(Database database) throws SQLException {
        List<Connection> held = new ArrayList<>();
        Set<Integer> pids = new TreeSet<>();
        try {
            for (int i = 0; i < POOL; i++) {
                Connection connection = database.dataSource().getConnection();
                held.add(connection);
                try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery("SELECT pg_backend_pid()")) {
                    rs.next();
                    pids.add(rs.getInt(1));
                }
                connection.commit();
            }
        } finally {
            for (Connection connection : held) {
                connection.close();
            }
        }
        return pids;
    }

    /** This test's sessions: backend id to state. */
    private Map<Integer, String> sessions() throws SQLException {
        try (Connection connection = DriverManager.getConnection(ExternalServices.POSTGRES_URL, ExternalServices.POSTGRES_USER, "");
             PreparedStatement select = connection.prepareStatement("SELECT pid, state FROM pg_stat_activity WHERE application_name = ?")) {
            select.setString(1, applicationName);
            Map<Integer, String> sessions = new TreeMap<>();
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    sessions.put(rs.getInt(1), rs.getString(2));
                }
            }
            return sessions;
        }
    }

    private static String show(Statement statement, String setting) throws SQLException {
        try (ResultSet rs = statement.executeQuery("SHOW " + setting)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
