package io.caseflow.retention.sweep;

import io.caseflow.definition.CaseKey;
import io.caseflow.process.ProcessStatus;
import io.caseflow.retention.CaseRetention;
import io.caseflow.retention.RetentionPeriod;
import io.caseflow.retention.RetentionPolicy;
import io.caseflow.retention.RetentionStatus;
import io.caseflow.store.Database;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * Retention policies, the sweeper's lease and record, and the batch delete, on the process store's database
 * (tables {@code retention_policy} and {@code retention_sweep}, migration V6). Thread-safe; every method is one
 * transaction.
 *
 * <pre>{@code
 * RetentionStore store = new RetentionStore(database, clock);
 * store.setPolicy("orders", null, RetentionPeriod.parse("P30D"));   // every api of orders
 * RetentionStatus status = store.status();
 * }</pre>
 */
public final class RetentionStore {
    /** What counts as finished: terminal and never changed again. FAILED waits for an operator and is never deleted. */
    public static final List<ProcessStatus> FINISHED = Arrays.stream(ProcessStatus.values()).filter(ProcessStatus::isFinished).toList();
    static final String EVERY_API = "*";
    /** The columns of the status row's index by case (V11), in its order; changed_at of a finished process is when it finished. */
    private static final String FINISHED_ORDER = "case_name, case_api, status, changed_at";
    private static final int MAX_POLICIES = 10_000;
    private static final int MAX_CASE_KEYS = 10_000;

    private final Database database;
    private final Clock clock;

    public RetentionStore(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    /** What one batch deleted: processes and every dependent row, by table ({@code payloads}: status, input and data rows). */
    public record Deleted(int processes, int payloads, int stageRuns, int outboxRows, int deadLetters) {
        static final Deleted NONE = new Deleted(0, 0, 0, 0, 0);

        public int rows() {
            return processes + payloads + stageRuns + outboxRows + deadLetters;
        }
    }

    /** Sets (or replaces) the period of {@code caseName}/{@code api}, or of every api of the case when {@code api} is null. */
    public RetentionPolicy setPolicy(String caseName, String api, RetentionPeriod period) {
        RetentionPolicy policy = new RetentionPolicy(caseName, api, period, clock.instant());
        database.inTransaction("set the retention of " + policy.target(), connection -> {
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM retention_policy WHERE case_name = ? AND case_api = ?");
                 PreparedStatement insert = connection.prepareStatement("INSERT INTO retention_policy (case_name, case_api, period, "
                         + "updated_at) VALUES (?, ?, ?, ?)")) {
                delete.setString(1, caseName);
                delete.setString(2, api == null ? EVERY_API : api);
                delete.executeUpdate();
                insert.setString(1, caseName);
                insert.setString(2, api == null ? EVERY_API : api);
                insert.setString(3, period.toString());
                setInstant(insert, 4, policy.updatedAt());
                insert.executeUpdate();
            }
            return null;
        });
        return policy;
    }

    /** Removes the policy of exactly this target; true if there was one. */
    public boolean clearPolicy(String caseName, String api) {
        return database.inTransaction("clear the retention of " + caseName + (api == null ? "" : "/" + api), connection -> {
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM retention_policy WHERE case_name = ? AND case_api = ?")) {
                delete.setString(1, caseName);
                delete.setString(2, api == null ? EVERY_API : api);
                return delete.executeUpdate() > 0;
            }
        });
    }

    public List<RetentionPolicy> policies() {
        return database.read("read retention policies", RetentionStore::policies);
    }

    /** Every case api ever deployed (processes exist only for deployed ones). */
    public List<CaseKey> caseKeys() {
        return database.read("list case apis", RetentionStore::caseKeys);
    }

    /** Policies, what applies to each deployed case api, the sweeper's record and the oldest finished process kept. */
    public RetentionStatus status() {
        return database.read("read the retention status", connection -> {
            RetentionStatus.Sweep sweep = null;
            RetentionPeriod defaultPeriod = null;
            try (PreparedStatement select = connection.prepareStatement("SELECT lease_owner, lease_until, default_period, last_started_at, "
                    + "last_finished_at, last_deleted, deleted_total, largest_batch, last_error FROM retention_sweep WHERE id = 1");
                 ResultSet rs = select.executeQuery()) {
                if (rs.next()) {
                    String stored = rs.getString("default_period");
                    defaultPeriod = stored == null ? null : RetentionPeriod.parse("default", stored);
                    sweep = new RetentionStatus.Sweep(rs.getString("lease_owner"), getInstant(rs, "lease_until"),
                            getInstant(rs, "last_started_at"), getInstant(rs, "last_finished_at"), rs.getLong("last_deleted"),
                            rs.getLong("deleted_total"), rs.getInt("largest_batch"), rs.getString("last_error"));
                }
            }
            List<RetentionPolicy> policies = policies(connection);
            List<CaseRetention> cases = new ArrayList<>();
            Instant oldest = null;
            for (CaseKey key : caseKeys(connection)) {
                Instant kept = oldestFinished(connection, key);
                cases.add(RetentionPolicy.resolve(policies, key, defaultPeriod).withOldestFinishedKept(kept));
                if (kept != null && (oldest == null || kept.isBefore(oldest))) {
                    oldest = kept;
                }
            }
            return new RetentionStatus(defaultPeriod, policies, cases, sweep, oldest);
        });
    }

    /**
     * Takes the sweeper's lease for {@code owner} until {@code until} if nobody else holds it now (a lease that ran
     * out is free), recording {@code defaultPeriod} (null: none) and that a sweep starts. True if taken.
     */
    public boolean takeLease(String owner, Instant until, RetentionPeriod defaultPeriod) {
        Instant now = clock.instant();
        return database.inTransaction("take the retention lease", connection -> {
            try (PreparedStatement update = connection.prepareStatement("UPDATE retention_sweep SET lease_owner = ?, lease_until = ?, "
                    + "default_period = ?, last_started_at = ?, last_deleted = 0, last_error = NULL "
                    + "WHERE id = 1 AND (lease_owner IS NULL OR lease_owner = ? OR lease_until < ?)")) {
                update.setString(1, owner);
                setInstant(update, 2, until);
                update.setString(3, defaultPeriod == null ? null : defaultPeriod.toString());
                setInstant(update, 4, now);
                update.setString(5, owner);
                setInstant(update, 6, now);
                return update.executeUpdate() == 1;
            }
        });
    }

    /** Ends a sweep: records when and why it stopped early (null: it did not) and gives the lease back. */
    public void finishSweep(String owner, String error) {
        Instant now = clock.instant();
        database.inTransaction("finish the retention sweep", connection -> {
            try (PreparedStatement update = connection.prepareStatement("UPDATE retention_sweep SET lease_owner = NULL, lease_until = NULL, "
                    + "last_finished_at = ?, last_error = ? WHERE id = 1 AND lease_owner = ?")) {
                setInstant(update, 1, now);
                update.setString(2, error == null ? null : error.substring(0, Math.min(error.length(), 1000)));
                update.setString(3, owner);
                update.executeUpdate();
            }
            return null;
        });
    }

    /**
     * Deletes up to {@code limit} processes of {@code key} in {@code status} (one of {@link #FINISHED}) that
     * finished before {@code cutoff}, oldest first, with all their rows, in one transaction; the sweep record's
     * counts and the lease (to {@code leaseUntil}) are updated in the same transaction. Empty if {@code owner} no
     * longer holds the lease: then nothing is deleted.
     */
    public Optional<Deleted> deleteBatch(String owner, Instant leaseUntil, CaseKey key, ProcessStatus status, Instant cutoff, int limit) {
        if (!status.isFinished()) {
            throw new IllegalArgumentException("only finished processes are deleted (" + FINISHED + "), not " + status);
        }
        if (limit < 1 || limit > RetentionSweeper.MAX_BATCH) {
            throw new IllegalArgumentException("limit must be 1 to " + RetentionSweeper.MAX_BATCH + ", was " + limit);
        }
        return database.inTransaction("delete finished processes of " + key, connection -> {
            List<String> ids = new ArrayList<>(limit);
            // Ordered by all of process_status_by_case's columns, so both databases read the oldest rows straight from the
            // index instead of sorting every expired one. (The status is a literal from the enum.)
            try (PreparedStatement select = connection.prepareStatement("SELECT process_id FROM process_status WHERE case_name = ? "
                    + "AND case_api = ? AND status = '" + status.name() + "' AND changed_at < ? ORDER BY " + FINISHED_ORDER + " LIMIT ?")) {
                select.setString(1, key.name());
                select.setString(2, key.api());
                setInstant(select, 3, cutoff);
                select.setInt(4, limit);
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getString(1));
                    }
                }
            }
            List<String> keys = ids.isEmpty() ? List.of() : idempotencyKeys(connection, ids);
            // The process and payload rows by their unique key, IN lists; the others (several rows per process, a non-unique
            // key) one id per statement in one JDBC batch: with statistics older than a bulk load PostgreSQL guessed thousands
            // of stage runs per id and scanned the whole table for an IN list of 500 (1 to 3 s a batch at 1M processes).
            // By id alone: the ids were read as finished in this transaction, and nothing changes a finished process again.
            Deleted deleted = ids.isEmpty() ? Deleted.NONE : new Deleted(
                    deleteIn(connection, "process", "id", ids),
                    deleteIn(connection, "process_status", "process_id", ids) + deleteIn(connection, "process_payload", "process_id", ids)
                            + deleteIn(connection, "process_data", "process_id", ids),
                    deleteEach(connection, "stage_run", ids),
                    deleteEach(connection, "outbox", ids),
                    deleteEach(connection, "dead_letter", ids));
            deleteIdempotencyKeys(connection, key, keys);
            try (PreparedStatement update = connection.prepareStatement("UPDATE retention_sweep SET lease_until = ?, "
                    + "last_deleted = last_deleted + ?, deleted_total = deleted_total + ?, "
                    + "largest_batch = CASE WHEN largest_batch < ? THEN ? ELSE largest_batch END WHERE id = 1 AND lease_owner = ?")) {
                setInstant(update, 1, leaseUntil);
                update.setLong(2, deleted.processes());
                update.setLong(3, deleted.processes());
                update.setInt(4, deleted.processes());
                update.setInt(5, deleted.processes());
                update.setString(6, owner);
                if (update.executeUpdate() != 1) {
                    connection.rollback(); // another node took the lease: leave everything to it
                    return Optional.<Deleted>empty();
                }
            }
            return Optional.of(deleted);
        });
    }

    /** The idempotency keys of those of {@code ids} that were started with one. */
    private static List<String> idempotencyKeys(Connection connection, List<String> ids) throws SQLException {
        List<String> keys = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT idempotency_key FROM process WHERE id IN ("
                + String.join(", ", Collections.nCopies(ids.size(), "?")) + ") AND idempotency_key IS NOT NULL")) {
            for (int i = 0; i < ids.size(); i++) {
                select.setString(i + 1, ids.get(i));
            }
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    keys.add(rs.getString(1));
                }
            }
        }
        return keys;
    }

    /** The deleted processes' idempotency keys: a later start with one of them begins a new process. */
    private static void deleteIdempotencyKeys(Connection connection, CaseKey key, List<String> keys) throws SQLException {
        if (keys.isEmpty()) {
            return;
        }
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM process_idempotency WHERE case_name = ? "
                + "AND case_api = ? AND idempotency_key = ?")) {
            for (String idempotencyKey : keys) {
                delete.setString(1, key.name());
                delete.setString(2, key.api());
                delete.setString(3, idempotencyKey);
                delete.addBatch();
            }
            delete.executeBatch();
        }
    }

    /** Rows whose unique key is one of {@code ids}. (No foreign keys tie a process's rows together: order does not matter.) */
    private static int deleteIn(Connection connection, String table, String column, List<String> ids) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM " + table + " WHERE " + column + " IN ("
                + String.join(", ", Collections.nCopies(ids.size(), "?")) + ")")) {
            for (int i = 0; i < ids.size(); i++) {
                delete.setString(i + 1, ids.get(i));
            }
            return delete.executeUpdate();
        }
    }

    /** Every row of {@code table} whose {@code process_id} is one of {@code ids}, one lookup per id, in one round trip. */
    private static int deleteEach(Connection connection, String table, List<String> ids) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM " + table + " WHERE process_id = ?")) {
            for (String id : ids) {
                delete.setString(1, id);
                delete.addBatch();
            }
            int total = 0;
            for (int count : delete.executeBatch()) {
                total += Math.max(count, 0);
            }
            return total;
        }
    }

    private static Instant oldestFinished(Connection connection, CaseKey key) throws SQLException {
        Instant oldest = null;
        for (ProcessStatus status : FINISHED) {
            // One index lookup per status (process_status_by_case), never a scan of the table.
            try (PreparedStatement select = connection.prepareStatement("SELECT changed_at AS oldest FROM process_status WHERE case_name = ? "
                    + "AND case_api = ? AND status = '" + status.name() + "' ORDER BY " + FINISHED_ORDER + " LIMIT 1")) {
                select.setString(1, key.name());
                select.setString(2, key.api());
                try (ResultSet rs = select.executeQuery()) {
                    Instant value = rs.next() ? getInstant(rs, "oldest") : null;
                    if (value != null && (oldest == null || value.isBefore(oldest))) {
                        oldest = value;
                    }
                }
            }
        }
        return oldest;
    }

    private static List<RetentionPolicy> policies(Connection connection) throws SQLException {
        List<RetentionPolicy> policies = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT case_name, case_api, period, updated_at FROM retention_policy "
                + "ORDER BY case_name, case_api")) {
            select.setMaxRows(MAX_POLICIES);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    String api = rs.getString("case_api");
                    policies.add(new RetentionPolicy(rs.getString("case_name"), EVERY_API.equals(api) ? null : api,
                            RetentionPeriod.parse(rs.getString("period")), getInstant(rs, "updated_at")));
                }
            }
        }
        return policies;
    }

    private static List<CaseKey> caseKeys(Connection connection) throws SQLException {
        List<CaseKey> keys = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT DISTINCT case_name, case_api FROM case_definition "
                + "ORDER BY case_name, case_api")) {
            select.setMaxRows(MAX_CASE_KEYS);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    keys.add(new CaseKey(rs.getString(1), rs.getString(2)));
                }
            }
        }
        return keys;
    }

    private static void setInstant(PreparedStatement statement, int index, Instant value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            statement.setObject(index, OffsetDateTime.ofInstant(value, ZoneOffset.UTC));
        }
    }

    private static Instant getInstant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
