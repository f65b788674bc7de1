package io.caseflow.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.caseflow.definition.CaseKey;
import io.caseflow.engine.Commit;
import io.caseflow.message.OutboxMessage;
import io.caseflow.engine.StageRunWrite;
import io.caseflow.json.Json;
import io.caseflow.process.Failure;
import io.caseflow.process.FailureKind;
import io.caseflow.process.ProcessSnapshot;
import io.caseflow.process.ProcessStatus;
import io.caseflow.process.StageRun;
import io.caseflow.process.StageRunStatus;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Processes, their stage-run history, and the commit of transitions with the step fence. Thread-safe;
 * every method is one transaction.
 */
public final class ProcessStore {
    static final String PROCESS_COLUMNS = "id, case_name, case_api, case_version, status, current_stage, previous_stage, "
            + "step, attempt, run_step, wait_task_id, pending_request, input, data, results, result, error_stage, error_kind, "
            + "error_message, error_trace, error_at, idempotency_key, created_at, updated_at";

    private final Database database;
    private final Clock clock;
    public ProcessStore(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    /** A process to create, with the message that runs its first stage. */
    public record NewProcess(ProcessSnapshot process, OutboxMessage first) {
    }

    /**
     * What became of a {@link NewProcess}: created now, or an existing process with the same
     * idempotency key and input ({@code created} false), or refused because that key was used with
     * another input ({@code conflict} set).
     */
    public record Started(ProcessSnapshot process, boolean created, IdempotencyConflictException conflict) {
    }

    /** Creates one process in its own transaction; see {@link #commit(WriteBatch, ClaimPolicy)} for batches. */
    public Started insert(ProcessSnapshot process, OutboxMessage first, ClaimPolicy claims) {
        CommitResult result = commit(new WriteBatch(List.of(), List.of(new NewProcess(process, first)), List.of(), List.of()), claims);
        return result.started().get(0);
    }

    /**
     * Everything one group commit writes: transitions, new processes, messages that belong to no
     * transition (a service's reply), and acknowledged outbox rows to delete.
     */
    public record WriteBatch(List<Commit> commits, List<NewProcess> starts, List<OutboxMessage> appends, List<Long> acks) {
        public boolean isEmpty() {
            return commits.isEmpty() && starts.isEmpty() && appends.isEmpty() && acks.isEmpty();
        }

        public int size() {
            return commits.size() + starts.size() + appends.size() + acks.size();
        }
    }

    private Started start(Connection connection, NewProcess start, ClaimPolicy claims, List<OutboxMessage> messages)
            throws SQLException {
        ProcessSnapshot process = start.process();
        String inputChecksum = checksum(Json.write(process.input()));
        if (process.idempotencyKey() != null) {
            Optional<ProcessSnapshot> existing = findByIdempotencyKey(connection, process.caseKey(), process.idempotencyKey());
            if (existing.isPresent()) {
                if (!inputChecksum(connection, existing.get().id()).equals(inputChecksum)) {
                    return new Started(existing.get(), false,
                            new IdempotencyConflictException(process.idempotencyKey(), existing.get().id()));
                }
                return new Started(existing.get(), false, null);
            }
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO process (" + PROCESS_COLUMNS
                + ", input_checksum) VALUES (" + Jdbc.placeholders(25) + ")")) {
            int i = bindProcess(insert, process);
            insert.setString(i, inputChecksum);
            insert.executeUpdate();
        }
        messages.add(start.first());
        return new Started(process, true, null);
    }

    public Optional<ProcessSnapshot> find(String processId) {
        return database.inTransaction("read process " + processId, connection -> find(connection, processId));
    }

    /** Several processes at once, in one round trip; missing ids are simply absent. */
    public Map<String, ProcessSnapshot> findAll(List<String> processIds) {
        if (processIds.isEmpty()) {
            return Map.of();
        }
        return database.inTransaction("read processes", connection -> {
            Map<String, ProcessSnapshot> result = new LinkedHashMap<>();
            try (PreparedStatement select = connection.prepareStatement("SELECT " + PROCESS_COLUMNS
                    + " FROM process WHERE id IN (" + Jdbc.placeholders(processIds.size()) + ")")) {
                Jdbc.bindAll(select, 1, processIds);
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        ProcessSnapshot p = process(rs);
                        result.put(p.id(), p);
                    }
                }
            }
            return result;
        });
    }

    /**
     * Creates processes and applies transitions in one transaction. Each transition is written only if
     * its process is still at the expected step; one that is not is skipped (a duplicate) and reported
     * as not applied. Outbox rows the policy claims are written claimed by that owner.
     */
    public CommitResult commit(WriteBatch batch, ClaimPolicy claims) {
        List<Commit> commits = batch.commits();
        List<NewProcess> starts = batch.starts();
        return database.inTransaction("commit " + commits.size() + " transition(s), " + starts.size() + " start(s), "
                + batch.appends().size() + " message(s) and " + batch.acks().size() + " acknowledgement(s)", connection -> {
            List<OutboxMessage> messages = new ArrayList<>(batch.appends());
            List<Started> started = new ArrayList<>(starts.size());
            for (NewProcess start : starts) {
                started.add(start(connection, start, claims, messages));
            }
            List<Boolean> applied = commits.isEmpty() ? List.of() : fence(connection, commits);
            List<StageRunWrite.Insert> inserts = new ArrayList<>();
            List<StageRunWrite.Finish> finishes = new ArrayList<>();
            List<String> cancelTimers = new ArrayList<>();
            for (int i = 0; i < commits.size(); i++) {
                if (!applied.get(i)) {
                    continue;
                }
                Commit commit = commits.get(i);
                for (StageRunWrite write : commit.runWrites()) {
                    if (write instanceof StageRunWrite.Insert insert) {
                        inserts.add(insert);
                    } else {
                        finishes.add((StageRunWrite.Finish) write);
                    }
                }
                if (commit.cancelTimers()) {
                    cancelTimers.add(commit.processId());
                }
                messages.addAll(commit.messages());
            }
            finishRuns(connection, finishes);
            insertRuns(connection, inserts);
            deleteTimers(connection, cancelTimers);
            List<StoredMessage> stored = insertMessages(connection, messages, claims);
            deleteMessages(connection, batch.acks());
            return new CommitResult(applied, started, stored);
        });
    }

    public List<StageRun> stageRuns(String processId) {
        return database.inTransaction("read history of " + processId, connection -> {
            List<StageRun> runs = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT process_id, step, stage, attempt, status, started_at, ended_at, outcome, output, task_id, error, error_trace "
                            + "FROM stage_run WHERE process_id = ? ORDER BY step")) {
                select.setString(1, processId);
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        runs.add(new StageRun(rs.getString("process_id"), rs.getLong("step"), rs.getString("stage"),
                                rs.getInt("attempt"), StageRunStatus.valueOf(rs.getString("status")),
                                Jdbc.getInstant(rs, "started_at"), Jdbc.getInstant(rs, "ended_at"), rs.getString("outcome"),
                                Json.parse(rs.getString("output")), rs.getString("task_id"), rs.getString("error"),
                                rs.getString("error_trace")));
                    }
                }
            }
            return runs;
        });
    }

    public ProcessPage list(ProcessQuery query) {
        return database.inTransaction("list processes", connection -> {
            StringBuilder where = new StringBuilder(" WHERE 1 = 1");
            List<Object> params = new ArrayList<>();
            if (!query.statuses().isEmpty()) {
                where.append(" AND status IN (").append(Jdbc.placeholders(query.statuses().size())).append(')');
                query.statuses().forEach(s -> params.add(s.name()));
            }
            if (query.caseName() != null) {
                where.append(" AND case_name = ?");
                params.add(query.caseName());
            }
            if (query.caseApi() != null) {
                where.append(" AND case_api = ?");
                params.add(query.caseApi());
            }
            if (query.caseVersion() != null) {
                where.append(" AND case_version = ?");
                params.add(query.caseVersion());
            }
            if (query.stage() != null) {
                where.append(" AND current_stage = ?");
                params.add(query.stage());
            }
            if (query.text() != null && !query.text().isBlank()) {
                where.append(" AND (LOWER(id) LIKE ? OR LOWER(CAST(data AS VARCHAR(1000000))) LIKE ?)");
                String pattern = "%" + query.text().toLowerCase(java.util.Locale.ROOT).replace("%", "\\%").replace("_", "\\_") + "%";
                params.add(pattern);
                params.add(pattern);
            }
            long total;
            try (PreparedStatement count = connection.prepareStatement("SELECT COUNT(*) FROM process" + where)) {
                bind(count, params);
                try (ResultSet rs = count.executeQuery()) {
                    rs.next();
                    total = rs.getLong(1);
                }
            }
            List<ProcessSnapshot> page = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement("SELECT " + PROCESS_COLUMNS + " FROM process" + where
                    + " ORDER BY id DESC LIMIT ? OFFSET ?")) {
                int next = bind(select, params);
                select.setInt(next, query.limit());
                select.setInt(next + 1, query.offset());
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        page.add(process(rs));
                    }
                }
            }
            return new ProcessPage(page, total, query.offset());
        });
    }

    /** How many processes of a case are at each stage, by status: what the monitor draws on the graph. */
    public Map<String, Map<ProcessStatus, Long>> countsByStage(CaseKey key) {
        return database.inTransaction("count processes of " + key, connection -> {
            Map<String, Map<ProcessStatus, Long>> counts = new LinkedHashMap<>();
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT current_stage, status, COUNT(*) FROM process WHERE case_name = ? AND case_api = ? GROUP BY current_stage, status")) {
                select.setString(1, key.name());
                select.setString(2, key.api());
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        counts.computeIfAbsent(rs.getString(1), s -> new EnumMap<>(ProcessStatus.class))
                                .put(ProcessStatus.valueOf(rs.getString(2)), rs.getLong(3));
                    }
                }
            }
            return counts;
        });
    }

    public Map<ProcessStatus, Long> countsByStatus() {
        return database.inTransaction("count processes", connection -> {
            Map<ProcessStatus, Long> counts = new EnumMap<>(ProcessStatus.class);
            try (PreparedStatement select = connection.prepareStatement("SELECT status, COUNT(*) FROM process GROUP BY status");
                 ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    counts.put(ProcessStatus.valueOf(rs.getString(1)), rs.getLong(2));
                }
            }
            return counts;
        });
    }

    private List<Boolean> fence(Connection connection, List<Commit> commits) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE process SET status = ?, current_stage = ?, "
                + "previous_stage = ?, step = ?, attempt = ?, run_step = ?, wait_task_id = ?, pending_request = ?, data = ?, "
                + "results = ?, result = ?, error_stage = ?, error_kind = ?, error_message = ?, error_trace = ?, error_at = ?, "
                + "updated_at = ? WHERE id = ? AND step = ?")) {
            for (Commit commit : commits) {
                ProcessSnapshot p = commit.next();
                update.setString(1, p.status().name());
                update.setString(2, p.currentStage());
                update.setString(3, p.previousStage());
                update.setLong(4, p.step());
                update.setInt(5, p.attempt());
                Jdbc.setLongOrNull(update, 6, p.runStep());
                update.setString(7, p.waitTaskId());
                update.setString(8, p.pendingRequest());
                update.setString(9, Json.write(p.data()));
                update.setString(10, Json.write(p.results()));
                update.setString(11, p.result() == null ? null : Json.write(p.result()));
                bindFailure(update, 12, p.failure());
                Jdbc.setInstant(update, 17, p.updatedAt());
                update.setString(18, p.id());
                update.setLong(19, commit.expectedStep());
                update.addBatch();
            }
            int[] counts = update.executeBatch();
            List<Boolean> applied = new ArrayList<>(counts.length);
            for (int count : counts) {
                applied.add(count == 1);
            }
            return applied;
        }
    }

    private void insertRuns(Connection connection, List<StageRunWrite.Insert> inserts) throws SQLException {
        if (inserts.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO stage_run (process_id, step, stage, attempt, "
                + "status, started_at, ended_at, outcome, output, task_id, error, error_trace) VALUES (" + Jdbc.placeholders(12) + ")")) {
            for (StageRunWrite.Insert write : inserts) {
                StageRun run = write.run();
                insert.setString(1, run.processId());
                insert.setLong(2, run.step());
                insert.setString(3, run.stage());
                insert.setInt(4, run.attempt());
                insert.setString(5, run.status().name());
                Jdbc.setInstant(insert, 6, run.startedAt());
                Jdbc.setInstant(insert, 7, run.endedAt());
                insert.setString(8, run.outcome());
                insert.setString(9, run.output() == null ? null : Json.write(run.output()));
                insert.setString(10, run.taskId());
                insert.setString(11, run.error());
                insert.setString(12, run.errorTrace());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private void finishRuns(Connection connection, List<StageRunWrite.Finish> finishes) throws SQLException {
        if (finishes.isEmpty()) {
            return;
        }
        try (PreparedStatement update = connection.prepareStatement("UPDATE stage_run SET status = ?, ended_at = ?, outcome = ?, "
                + "output = ?, error = ?, error_trace = ? WHERE process_id = ? AND step = ?")) {
            for (StageRunWrite.Finish finish : finishes) {
                update.setString(1, finish.status().name());
                Jdbc.setInstant(update, 2, finish.endedAt());
                update.setString(3, finish.outcome());
                update.setString(4, finish.output() == null ? null : Json.write(finish.output()));
                update.setString(5, finish.error());
                update.setString(6, finish.errorTrace());
                update.setString(7, finish.processId());
                update.setLong(8, finish.step());
                update.addBatch();
            }
            update.executeBatch();
        }
    }

    private void deleteTimers(Connection connection, List<String> processIds) throws SQLException {
        if (processIds.isEmpty()) {
            return;
        }
        // Only unclaimed rows: a claimed one is being delivered right now and its ack removes it.
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM outbox WHERE process_id = ? "
                + "AND kind IN ('STAGE_DUE', 'REPLY_TIMEOUT') AND claimed_by IS NULL")) {
            for (String id : processIds) {
                delete.setString(1, id);
                delete.addBatch();
            }
            delete.executeBatch();
        }
    }

    static void deleteMessages(Connection connection, java.util.Collection<Long> ids) throws SQLException {
        if (ids.isEmpty()) {
            return;
        }
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM outbox WHERE id = ?")) {
            for (long id : ids) {
                delete.setLong(1, id);
                delete.addBatch();
            }
            delete.executeBatch();
        }
    }

    List<StoredMessage> insertMessages(Connection connection, List<OutboxMessage> messages, ClaimPolicy claims)
            throws SQLException {
        if (messages.isEmpty()) {
            return List.of();
        }
        Instant now = clock.instant();
        List<StoredMessage> stored = new ArrayList<>(messages.size());
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO outbox (destination, kind, process_id, body, "
                + "available_at, deliveries, claimed_by, claimed_until, created_at) VALUES (" + Jdbc.placeholders(9) + ")",
                new String[] {"id"})) {
            List<String> owners = new ArrayList<>(messages.size());
            for (OutboxMessage message : messages) {
                String owner = message.availableAt().isAfter(now) ? null : claims.ownerFor(message);
                owners.add(owner);
                insert.setString(1, message.destination());
                insert.setString(2, message.kind().name());
                insert.setString(3, message.processId());
                insert.setString(4, message.body());
                Jdbc.setInstant(insert, 5, message.availableAt());
                insert.setInt(6, owner == null ? 0 : 1);
                insert.setString(7, owner);
                Jdbc.setInstant(insert, 8, owner == null ? null : now.plus(claims.lease()));
                Jdbc.setInstant(insert, 9, now);
                insert.addBatch();
            }
            insert.executeBatch();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                int i = 0;
                while (keys.next()) {
                    OutboxMessage message = messages.get(i);
                    stored.add(new StoredMessage(keys.getLong(1), message.destination(), message.kind(), message.processId(),
                            message.body(), message.availableAt(), owners.get(i) == null ? 0 : 1));
                    i++;
                }
                if (i != messages.size()) {
                    throw new SQLException("the database returned " + i + " keys for " + messages.size() + " outbox rows");
                }
            }
            List<StoredMessage> claimed = new ArrayList<>();
            for (int i = 0; i < stored.size(); i++) {
                if (owners.get(i) != null) {
                    claimed.add(stored.get(i));
                }
            }
            return claimed;
        }
    }

    private Optional<ProcessSnapshot> find(Connection connection, String processId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT " + PROCESS_COLUMNS + " FROM process WHERE id = ?")) {
            select.setString(1, processId);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? Optional.of(process(rs)) : Optional.empty();
            }
        }
    }

    private Optional<ProcessSnapshot> findByIdempotencyKey(Connection connection, CaseKey key, String idempotencyKey)
            throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT " + PROCESS_COLUMNS
                + " FROM process WHERE case_name = ? AND case_api = ? AND idempotency_key = ?")) {
            select.setString(1, key.name());
            select.setString(2, key.api());
            select.setString(3, idempotencyKey);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? Optional.of(process(rs)) : Optional.empty();
            }
        }
    }

    private String inputChecksum(Connection connection, String processId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT input_checksum FROM process WHERE id = ?")) {
            select.setString(1, processId);
            try (ResultSet rs = select.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    private static int bindProcess(PreparedStatement statement, ProcessSnapshot p) throws SQLException {
        statement.setString(1, p.id());
        statement.setString(2, p.caseKey().name());
        statement.setString(3, p.caseKey().api());
        statement.setInt(4, p.caseVersion());
        statement.setString(5, p.status().name());
        statement.setString(6, p.currentStage());
        statement.setString(7, p.previousStage());
        statement.setLong(8, p.step());
        statement.setInt(9, p.attempt());
        Jdbc.setLongOrNull(statement, 10, p.runStep());
        statement.setString(11, p.waitTaskId());
        statement.setString(12, p.pendingRequest());
        statement.setString(13, Json.write(p.input()));
        statement.setString(14, Json.write(p.data()));
        statement.setString(15, Json.write(p.results()));
        statement.setString(16, p.result() == null ? null : Json.write(p.result()));
        bindFailure(statement, 17, p.failure());
        statement.setString(22, p.idempotencyKey());
        Jdbc.setInstant(statement, 23, p.createdAt());
        Jdbc.setInstant(statement, 24, p.updatedAt());
        return 25;
    }

    private static void bindFailure(PreparedStatement statement, int start, Failure failure) throws SQLException {
        if (failure == null) {
            for (int i = 0; i < 4; i++) {
                statement.setNull(start + i, Types.VARCHAR);
            }
            Jdbc.setInstant(statement, start + 4, null);
            return;
        }
        statement.setString(start, failure.stage());
        statement.setString(start + 1, failure.kind().name());
        statement.setString(start + 2, failure.message());
        statement.setString(start + 3, failure.stackTrace());
        Jdbc.setInstant(statement, start + 4, failure.at());
    }

    static ProcessSnapshot process(ResultSet rs) throws SQLException {
        String errorKind = rs.getString("error_kind");
        Failure failure = errorKind == null ? null : new Failure(rs.getString("error_stage"), FailureKind.valueOf(errorKind),
                rs.getString("error_message"), rs.getString("error_trace"), Jdbc.getInstant(rs, "error_at"));
        JsonNode data = Json.parse(rs.getString("data"));
        JsonNode results = Json.parse(rs.getString("results"));
        return new ProcessSnapshot(rs.getString("id"), new CaseKey(rs.getString("case_name"), rs.getString("case_api")),
                rs.getInt("case_version"), ProcessStatus.valueOf(rs.getString("status")), rs.getString("current_stage"),
                rs.getString("previous_stage"), rs.getLong("step"), rs.getInt("attempt"), Jdbc.getLongOrNull(rs, "run_step"),
                rs.getString("wait_task_id"), rs.getString("pending_request"), Json.parse(rs.getString("input")),
                data instanceof ObjectNode o ? o : Json.object(), results instanceof ObjectNode r ? r : Json.object(),
                Json.parse(rs.getString("result")), failure, rs.getString("idempotency_key"),
                Jdbc.getInstant(rs, "created_at"), Jdbc.getInstant(rs, "updated_at"));
    }

    private static int bind(PreparedStatement statement, List<Object> params) throws SQLException {
        int i = 1;
        for (Object param : params) {
            statement.setObject(i++, param);
        }
        return i;
    }

    static String checksum(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
