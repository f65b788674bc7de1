package io.caseflow.service;

import io.caseflow.fault.CrashPoint;
import io.caseflow.fault.CrashPoints;
import io.caseflow.message.MalformedMessageException;
import io.caseflow.message.Messages;
import io.caseflow.message.ServiceReply;
import io.caseflow.message.ServiceRequest;
import io.caseflow.store.SqlDialect;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * The seed's Case 4, for Java services: apply a command at most once per task id, inside the
 * service's own database transaction, and answer a repeat with the reply stored the first time.
 *
 * <pre>{@code
 * IdempotentInbox inbox = IdempotentInbox.create(dataSource, "jdbc:h2:...");
 * Handled handled = inbox.handle(request, (tx, req) -> {
 *     try (var update = tx.prepareStatement("UPDATE stock SET reserved = reserved + ? WHERE sku = ?")) { ... }
 *     return CommandResult.ok(Map.of("reservationId", id));
 * });
 * }</pre>
 *
 * <p>How: insert the task id first (a repeat, even a concurrent one, hits the primary key and waits
 * for or sees the first), apply the command through the same connection, store the reply, commit.
 * A crash before the commit applies nothing; a crash after it makes the redelivered request a repeat.
 * Thread-safe.
 */
public final class IdempotentInbox {
    private final DataSource dataSource;
    private final Clock clock;
    private final SqlDialect dialect;

    private IdempotentInbox(DataSource dataSource, Clock clock, SqlDialect dialect) {
        this.dataSource = dataSource;
        this.clock = clock;
        this.dialect = dialect;
    }

    /** Creates the inbox table in the service's database if needed (its own migration history). */
    public static IdempotentInbox create(DataSource dataSource, String jdbcUrl, Clock clock) {
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:io/caseflow/service/migration")
                .table("caseflow_inbox_schema_history")
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .placeholders(SqlDialect.fromJdbcUrl(jdbcUrl).migrationPlaceholders())
                .load()
                .migrate();
        return new IdempotentInbox(dataSource, clock, SqlDialect.fromJdbcUrl(jdbcUrl));
    }

    /** The reply to send, and whether the request was a repeat of one applied before. */
    public record Handled(ServiceReply reply, boolean repeat) {
    }

    public Handled handle(ServiceRequest request, CommandHandler handler) throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            boundLocks(connection);
            if (!claim(connection, request)) {
                connection.rollback();
                return new Handled(storedReply(connection, request.taskId()), true);
            }
            ServiceReply reply;
            try {
                CommandResult result = handler.apply(connection, request);
                reply = result.accepted()
                        ? ServiceReply.ok(request.taskId(), result.outcome(), result.payload())
                        : ServiceReply.error(request.taskId(), result.reason());
                try (PreparedStatement update = connection.prepareStatement("UPDATE caseflow_inbox SET reply = ? WHERE task_id = ?")) {
                    update.setString(1, Messages.write(reply));
                    update.setString(2, request.taskId());
                    update.executeUpdate();
                }
                connection.commit();
            } catch (Exception e) {
                connection.rollback();
                throw e;
            }
            CrashPoints.reach(CrashPoint.SERVICE_AFTER_APPLY_BEFORE_REPLY);
            return new Handled(reply, false);
        }
    }

    /** How many distinct task ids were applied, and how many repeats were recognised; for ledgers and tests. */
    public record Counts(long applied, long repeats) {
    }

    public Counts counts() throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT COUNT(*), COALESCE(SUM(repeats), 0) FROM caseflow_inbox");
             ResultSet rs = select.executeQuery()) {
            rs.next();
            long applied = rs.getLong(1);
            long repeats = rs.getLong(2);
            return new Counts(applied, repeats);
        }
    }

    /**
     * A repeat of a request waits on the first one's inbox row until that transaction ends. If the first
     * handler's process froze mid-transaction, the wait must not last forever: on PostgreSQL its session
     * ends after 15 s idle, and nobody waits more than 5 s (the request is then delivered again).
     */
    private void boundLocks(Connection connection) throws SQLException {
        if (dialect == SqlDialect.POSTGRESQL) {
            try (var statement = connection.createStatement()) {
                statement.execute("SET LOCAL lock_timeout = '5s'");
                statement.execute("SET LOCAL idle_in_transaction_session_timeout = '15s'");
            }
        }
    }

    /** Inserts the task id; false if it is already there (the command was applied before). */
    private boolean claim(Connection connection, ServiceRequest request) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO caseflow_inbox (task_id, command, applied_at, repeats) VALUES (?, ?, ?, 0)")) {
            insert.setString(1, request.taskId());
            insert.setString(2, request.command());
            insert.setObject(3, OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC));
            insert.executeUpdate();
            return true;
        } catch (SQLException e) {
            if (isDuplicateKey(e)) {
                return false;
            }
            throw e;
        }
    }

    private ServiceReply storedReply(Connection connection, String taskId) throws SQLException {
        String json;
        try (PreparedStatement update = connection.prepareStatement("UPDATE caseflow_inbox SET repeats = repeats + 1 WHERE task_id = ?")) {
            update.setString(1, taskId);
            update.executeUpdate();
        }
        try (PreparedStatement select = connection.prepareStatement("SELECT reply FROM caseflow_inbox WHERE task_id = ?")) {
            select.setString(1, taskId);
            try (ResultSet rs = select.executeQuery()) {
                rs.next();
                json = rs.getString(1);
            }
        }
        connection.commit();
        try {
            return Messages.parseReply(json);
        } catch (MalformedMessageException e) {
            throw new SQLException("the stored reply for task " + taskId + " cannot be read: " + e.getMessage(), e);
        }
    }

    private static boolean isDuplicateKey(SQLException e) {
        // 23505: unique violation, the same code on H2 and PostgreSQL.
        for (SQLException s = e; s != null; s = s.getNextException()) {
            if ("23505".equals(s.getSQLState())) {
                return true;
            }
        }
        return e.getCause() instanceof SQLException cause && "23505".equals(cause.getSQLState());
    }
}
