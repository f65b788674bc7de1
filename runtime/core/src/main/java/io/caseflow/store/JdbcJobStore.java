package io.caseflow.store;

import com.fasterxml.jackson.databind.JsonNode;
import io.caseflow.commit.InputChecksum;
import io.caseflow.job.ItemState;
import io.caseflow.job.JobItem;
import io.caseflow.job.JobKind;
import io.caseflow.job.JobRequest;
import io.caseflow.job.JobRequestException;
import io.caseflow.job.JobSelection;
import io.caseflow.job.JobSnapshot;
import io.caseflow.job.JobState;
import io.caseflow.json.Json;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Bulk jobs in the store (migration V5): a {@code bulk_job} row per job and a {@code bulk_job_item} row per
 * process it selected, with the process's step at selection. Selection is one {@code INSERT … SELECT} in the
 * database (never a list in memory), in the same transaction as the job row, so a job exists with all its
 * items or not at all. A node runs a job's batches under a lease, claimed with the dialect's
 * {@code FOR UPDATE SKIP LOCKED}, like the outbox relay claims rows. Thread-safe.
 */
public final class JdbcJobStore {
    private static final String JOB_COLUMNS = "id, kind, request, requested_by, state, total, created_at, updated_at";
    private static final int ID_CHUNK = 500;

    private final Database database;

    public JdbcJobStore(Database database) {
        this.database = database;
    }

    /** A job just created, or the one an earlier request with the same idempotency key created. */
    public record Created(JobSnapshot job, boolean created) {
    }

    /**
     * Creates a job and selects its processes. With an idempotency key, a repeat of the same request returns
     * the job the first one created; the same key with another request is refused ({@link JobRequestException}
     * on {@code Idempotency-Key}). More than {@code maxItems} selected processes: refused, nothing written.
     */
    public Created create(String id, JobRequest request, String requestedBy, String idempotencyKey, Instant now, int maxItems) {
        String requestJson = Json.write(request.toJson());
        String hash = InputChecksum.of(request.toJson());
        try {
            return database.inTransaction("create a " + request.kind().jsonName() + " job", connection -> {
                Optional<Created> existing = existing(connection, idempotencyKey, hash);
                if (existing.isPresent()) {
                    return existing.get();
                }
                try (PreparedStatement insert = connection.prepareStatement("INSERT INTO bulk_job (id, kind, request, request_hash, "
                        + "idempotency_key, requested_by, state, total, created_at, updated_at) VALUES (" + Jdbc.placeholders(10) + ")")) {
                    insert.setString(1, id);
                    insert.setString(2, request.kind().name());
                    insert.setString(3, requestJson);
                    insert.setString(4, hash);
                    insert.setString(5, idempotencyKey);
                    insert.setString(6, requestedBy);
                    insert.setString(7, JobState.RUNNING.name());
                    insert.setInt(8, 0);
                    Jdbc.setInstant(insert, 9, now);
                    Jdbc.setInstant(insert, 10, now);
                    insert.executeUpdate();
                }
                long total = request.selection().byIds() ? selectIds(connection, id, request.selection().ids(), now)
                        : selectByQuery(connection, id, request.selection());
                if (total > maxItems) {
                    throw new JobRequestException("query", "the query selects " + total + " processes, more than the " + maxItems
                            + " one job may act on; narrow it (stage, errorContains, since/until) and run several jobs");
                }
                try (PreparedStatement update = connection.prepareStatement("UPDATE bulk_job SET total = ? WHERE id = ?")) {
                    update.setLong(1, total);
                    update.setString(2, id);
                    update.executeUpdate();
                }
                return new Created(load(connection, id).orElseThrow(), true);
            });
        } catch (StoreException e) {
            if (idempotencyKey != null && isUniqueViolation(e)) {
                // Another request with the same key won the race: answer with its job.
                return database.read("read the job of idempotency key", connection -> existing(connection, idempotencyKey, hash))
                        .orElseThrow(() -> e);
            }
            throw e;
        }
    }

    private Optional<Created> existing(Connection connection, String idempotencyKey, String hash) throws SQLException {
        if (idempotencyKey == null) {
            return Optional.empty();
        }
        try (PreparedStatement select = connection.prepareStatement("SELECT id, request_hash FROM bulk_job WHERE idempotency_key = ?")) {
            select.setString(1, idempotencyKey);
            try (ResultSet rs = select.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                String jobId = rs.getString(1);
                if (!rs.getString(2).equals(hash)) {
                    throw new JobRequestException("Idempotency-Key", "the Idempotency-Key '" + idempotencyKey + "' was already used for job "
                            + jobId + " with a different request");
                }
                return Optional.of(new Created(load(connection, jobId).orElseThrow(), false));
            }
        }
    }

    private static boolean isUniqueViolation(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("23")) {
                return true;
            }
        }
        return false;
    }

    private static long selectByQuery(Connection connection, String jobId, JobSelection selection) throws SQLException {
        // Status and case select on the indexed status row (s), the rest on the process row (p) it joins.
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        List<Object> params = new ArrayList<>();
        params.add(jobId);
        params.add(ItemState.PENDING.name());
        if (!selection.statuses().isEmpty()) {
            where.append(" AND s.status IN (").append(Jdbc.placeholders(selection.statuses().size())).append(')');
            selection.statuses().stream().sorted().forEach(s -> params.add(s.name()));
        }
        condition(where, params, "s.case_name = ?", selection.caseName());
        condition(where, params, "s.case_api = ?", selection.caseApi());
        condition(where, params, "p.case_version = ?", selection.caseVersion());
        condition(where, params, "p.current_stage = ?", selection.stage());
        if (selection.errorContains() != null) {
            where.append(" AND LOWER(p.error_message) LIKE ? ESCAPE '\\'");
            params.add("%" + selection.errorContains().toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%")
                    .replace("_", "\\_") + "%");
        }
        if (selection.since() != null) {
            where.append(" AND p.updated_at >= ?");
            params.add(selection.since());
        }
        if (selection.until() != null) {
            where.append(" AND p.updated_at < ?");
            params.add(selection.until());
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO bulk_job_item (job_id, process_id, step, state) "
                + "SELECT ?, p.id, p.step, ?" + ProcessStatusRows.FROM + where)) {
            bind(insert, params);
            return insert.executeUpdate();
        }
    }

    private static void condition(StringBuilder where, List<Object> params, String sql, Object value) {
        if (value != null) {
            where.append(" AND ").append(sql);
            params.add(value);
        }
    }

    private static long selectIds(Connection connection, String jobId, List<String> ids, Instant now) throws SQLException {
        long total = 0;
        Set<String> found = new HashSet<>();
        for (int from = 0; from < ids.size(); from += ID_CHUNK) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + ID_CHUNK));
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO bulk_job_item (job_id, process_id, step, state) "
                    + "SELECT ?, id, step, ? FROM process WHERE id IN (" + Jdbc.placeholders(chunk.size()) + ")")) {
                insert.setString(1, jobId);
                insert.setString(2, ItemState.PENDING.name());
                Jdbc.bindAll(insert, 3, chunk);
                total += insert.executeUpdate();
            }
            try (PreparedStatement select = connection.prepareStatement("SELECT process_id FROM bulk_job_item WHERE job_id = ? "
                    + "AND process_id IN (" + Jdbc.placeholders(chunk.size()) + ")")) {
                select.setString(1, jobId);
                Jdbc.bindAll(select, 2, chunk);
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        found.add(rs.getString(1));
                    }
                }
            }
        }
        // Ids that name no process are part of the answer, as not found.
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO bulk_job_item (job_id, process_id, step, state, message, "
                + "done_at) VALUES (?, ?, -1, ?, ?, ?)")) {
            int missing = 0;
            for (String id : ids) {
                if (!found.contains(id)) {
                    insert.setString(1, jobId);
                    insert.setString(2, id);
                    insert.setString(3, ItemState.NOT_FOUND.name());
                    insert.setString(4, "no process " + id);
                    Jdbc.setInstant(insert, 5, now);
                    insert.addBatch();
                    missing++;
                }
            }
            if (missing > 0) {
                insert.executeBatch();
                total += missing;
            }
        }
        return total;
    }

    public Optional<JobSnapshot> find(String id) {
        return database.read("read job " + id, connection -> load(connection, id));
    }

    /** The newest jobs first, at most {@code limit}. */
    public List<JobSnapshot> list(int limit) {
        return database.read("list jobs", connection -> {
            List<String> ids = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement("SELECT id FROM bulk_job ORDER BY created_at DESC, id DESC LIMIT ?")) {
                select.setInt(1, limit);
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getString(1));
                    }
                }
            }
            List<JobSnapshot> jobs = new ArrayList<>();
            for (String id : ids) {
                load(connection, id).ifPresent(jobs::add);
            }
            return jobs;
        });
    }

    /** A job's items in process id order, after {@code afterProcessId} (null: from the first), optionally of one state. */
    public List<JobItem> items(String jobId, ItemState state, String afterProcessId, int limit) {
        return database.read("list items of job " + jobId, connection -> {
            List<JobItem> items = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement("SELECT process_id, step, state, message, done_at FROM bulk_job_item "
                    + "WHERE job_id = ?" + (state == null ? "" : " AND state = ?") + (afterProcessId == null ? "" : " AND process_id > ?")
                    + " ORDER BY process_id LIMIT ?")) {
                int i = 1;
                select.setString(i++, jobId);
                if (state != null) {
                    select.setString(i++, state.name());
                }
                if (afterProcessId != null) {
                    select.setString(i++, afterProcessId);
                }
                select.setInt(i, limit);
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        items.add(new JobItem(rs.getString(1), rs.getLong(2), ItemState.valueOf(rs.getString(3)), rs.getString(4),
                                Jdbc.getInstant(rs, "done_at")));
                    }
                }
            }
            return items;
        });
    }

    /** Cancels a running job: its pending items become cancelled. False when it had ended already. */
    public boolean cancel(String id, Instant now) {
        return database.inTransaction("cancel job " + id, connection -> {
            try (PreparedStatement update = connection.prepareStatement("UPDATE bulk_job SET state = ?, updated_at = ?, lease_owner = NULL, "
                    + "lease_until = NULL WHERE id = ? AND state = ?")) {
                update.setString(1, JobState.CANCELLED.name());
                Jdbc.setInstant(update, 2, now);
                update.setString(3, id);
                update.setString(4, JobState.RUNNING.name());
                if (update.executeUpdate() == 0) {
                    return false;
                }
            }
            try (PreparedStatement items = connection.prepareStatement("UPDATE bulk_job_item SET state = ?, message = ?, done_at = ? "
                    + "WHERE job_id = ? AND state = ?")) {
                items.setString(1, ItemState.CANCELLED.name());
                items.setString(2, "the job was cancelled before it reached this process");
                Jdbc.setInstant(items, 3, now);
                items.setString(4, id);
                items.setString(5, ItemState.PENDING.name());
                items.executeUpdate();
            }
            return true;
        });
    }

    /**
     * Claims the oldest running job nobody holds (or whose holder's lease ran out, or that {@code owner} holds
     * already) for {@code owner} until {@code leaseUntil}; empty when there is none.
     */
    public Optional<String> claim(String owner, Instant now, Instant leaseUntil) {
        return database.inTransaction("claim a job", connection -> {
            String id;
            try (PreparedStatement select = connection.prepareStatement("SELECT id FROM bulk_job WHERE state = ? AND (lease_owner IS NULL "
                    + "OR lease_owner = ? OR lease_until < ?) ORDER BY created_at, id LIMIT 1" + database.dialect().lockForClaim())) {
                select.setString(1, JobState.RUNNING.name());
                select.setString(2, owner);
                Jdbc.setInstant(select, 3, now);
                try (ResultSet rs = select.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    id = rs.getString(1);
                }
            }
            try (PreparedStatement update = connection.prepareStatement("UPDATE bulk_job SET lease_owner = ?, lease_until = ? WHERE id = ?")) {
                update.setString(1, owner);
                Jdbc.setInstant(update, 2, leaseUntil);
                update.setString(3, id);
                update.executeUpdate();
            }
            return Optional.of(id);
        });
    }

    /** Up to {@code limit} pending items of a job, in process id order. */
    public List<JobItem> pending(String jobId, int limit) {
        return items(jobId, ItemState.PENDING, null, limit);
    }

    /**
     * Records results and extends {@code owner}'s lease, in one transaction. A result is recorded even if the
     * job was cancelled meanwhile (the action did happen). Returns false when the job is no longer running under
     * this owner's lease (cancelled, or another node took it over): stop working on it.
     */
    public boolean record(String jobId, String owner, Map<String, JobItem> results, Instant now, Instant leaseUntil) {
        return database.inTransaction("record " + results.size() + " result(s) of job " + jobId, connection -> {
            if (!results.isEmpty()) {
                try (PreparedStatement update = connection.prepareStatement("UPDATE bulk_job_item SET state = ?, message = ?, done_at = ? "
                        + "WHERE job_id = ? AND process_id = ? AND state IN (?, ?)")) {
                    for (JobItem item : results.values()) {
                        update.setString(1, item.state().name());
                        update.setString(2, truncate(item.message()));
                        Jdbc.setInstant(update, 3, now);
                        update.setString(4, jobId);
                        update.setString(5, item.processId());
                        update.setString(6, ItemState.PENDING.name());
                        update.setString(7, ItemState.CANCELLED.name());
                        update.addBatch();
                    }
                    update.executeBatch();
                }
            }
            try (PreparedStatement lease = connection.prepareStatement("UPDATE bulk_job SET lease_until = ?, updated_at = ? "
                    + "WHERE id = ? AND lease_owner = ? AND state = ?")) {
                Jdbc.setInstant(lease, 1, leaseUntil);
                Jdbc.setInstant(lease, 2, now);
                lease.setString(3, jobId);
                lease.setString(4, owner);
                lease.setString(5, JobState.RUNNING.name());
                return lease.executeUpdate() == 1;
            }
        });
    }

    /** Marks a job done once none of its items is pending; returns whether it did. */
    public boolean finish(String jobId, String owner, Instant now) {
        return database.inTransaction("finish job " + jobId, connection -> {
            try (PreparedStatement update = connection.prepareStatement("UPDATE bulk_job SET state = ?, updated_at = ?, lease_owner = NULL, "
                    + "lease_until = NULL WHERE id = ? AND lease_owner = ? AND state = ? AND NOT EXISTS (SELECT 1 FROM bulk_job_item "
                    + "WHERE job_id = ? AND state = ?)")) {
                update.setString(1, JobState.DONE.name());
                Jdbc.setInstant(update, 2, now);
                update.setString(3, jobId);
                update.setString(4, owner);
                update.setString(5, JobState.RUNNING.name());
                update.setString(6, jobId);
                update.setString(7, ItemState.PENDING.name());
                return update.executeUpdate() == 1;
            }
        });
    }

    /** Gives a job's lease back (a node stopping cleanly), so another node takes it over at once. */
    public void release(String jobId, String owner) {
        database.inTransaction("release job " + jobId, connection -> {
            try (PreparedStatement update = connection.prepareStatement("UPDATE bulk_job SET lease_owner = NULL, lease_until = NULL "
                    + "WHERE id = ? AND lease_owner = ?")) {
                update.setString(1, jobId);
                update.setString(2, owner);
                update.executeUpdate();
            }
            return null;
        });
    }

    private static Optional<JobSnapshot> load(Connection connection, String id) throws SQLException {
        String kind;
        JsonNode request;
        String requestedBy;
        JobState state;
        long total;
        Instant created;
        Instant updated;
        try (PreparedStatement select = connection.prepareStatement("SELECT " + JOB_COLUMNS + " FROM bulk_job WHERE id = ?")) {
            select.setString(1, id);
            try (ResultSet rs = select.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                kind = rs.getString("kind");
                request = Json.parse(rs.getString("request"));
                requestedBy = rs.getString("requested_by");
                state = JobState.valueOf(rs.getString("state"));
                total = rs.getLong("total");
                created = Jdbc.getInstant(rs, "created_at");
                updated = Jdbc.getInstant(rs, "updated_at");
            }
        }
        Map<ItemState, Long> counts = new EnumMap<>(ItemState.class);
        try (PreparedStatement count = connection.prepareStatement("SELECT state, COUNT(*) FROM bulk_job_item WHERE job_id = ? GROUP BY state")) {
            count.setString(1, id);
            try (ResultSet rs = count.executeQuery()) {
                while (rs.next()) {
                    counts.put(ItemState.valueOf(rs.getString(1)), rs.getLong(2));
                }
            }
        }
        return Optional.of(new JobSnapshot(id, JobKind.valueOf(kind), JobRequest.fromJson(request), requestedBy, state, total, counts,
                created, updated));
    }

    private static String truncate(String message) {
        return message == null || message.length() <= 1000 ? message : message.substring(0, 997) + "...";
    }

    private static void bind(PreparedStatement statement, List<Object> params) throws SQLException {
        int i = 1;
        for (Object param : params) {
            if (param instanceof Instant instant) {
                Jdbc.setInstant(statement, i++, instant);
            } else {
                statement.setObject(i++, param);
            }
        }
    }
}
