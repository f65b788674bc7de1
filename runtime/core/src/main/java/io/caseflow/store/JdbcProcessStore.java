package io.caseflow.store;

import io.caseflow.commit.ClaimPolicy;
import io.caseflow.commit.Commit;
import io.caseflow.commit.CommitResult;
import io.caseflow.commit.InputChecksum;
import io.caseflow.commit.NewProcess;
import io.caseflow.commit.StageRunWrite;
import io.caseflow.commit.StartOutcome;
import io.caseflow.commit.StoredMessage;
import io.caseflow.commit.WriteBatch;
import io.caseflow.definition.CaseKey;
import io.caseflow.json.JsonFields;
import io.caseflow.message.OutboxMessage;
import io.caseflow.process.IdempotencyConflictException;
import io.caseflow.process.ProcessSnapshot;
import io.caseflow.process.StageResults;
import io.caseflow.process.StageRun;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Processes and the commit of transitions with the step fence, on JDBC. Thread-safe; every method is
 * one transaction. What processes carry is cached per step ({@link PayloadCache}): a transition reads
 * the small process row, and the input, data and results only when this node did not just write them.
 */
public final class JdbcProcessStore implements ProcessStore {
    private final Database database;
    private final Clock clock;
    private final PayloadCache payloads;
    private final boolean soleWriter;

    /** A store that shares its database with other writers: every read of a process row goes to the database. */
    public JdbcProcessStore(Database database, Clock clock) {
        this(database, clock, PayloadCache.DEFAULT_MAX_BYTES, false);
    }

    /**
     * {@code soleWriter}: nothing but this store writes process rows to this database (an embedded runtime, which owns
     * its database), so {@link #findAt} may answer from the row this store committed last instead of reading it again.
     */
    public JdbcProcessStore(Database database, Clock clock, boolean soleWriter) {
        this(database, clock, PayloadCache.DEFAULT_MAX_BYTES, soleWriter);
    }

    /** With a payload cache of at most {@code cacheBytes} of JSON text (0: none), sharing its database. */
    public JdbcProcessStore(Database database, Clock clock, long cacheBytes) {
        this(database, clock, cacheBytes, false);
    }

    private JdbcProcessStore(Database database, Clock clock, long cacheBytes, boolean soleWriter) {
        this.database = database;
        this.clock = clock;
        this.payloads = new PayloadCache(cacheBytes);
        this.soleWriter = soleWriter;
    }

    /** Creates one process in its own transaction; see {@link #commit(WriteBatch, ClaimPolicy)} for batches. */
    public StartOutcome insert(ProcessSnapshot process, OutboxMessage first, ClaimPolicy claims) {
        CommitResult result = commit(new WriteBatch(List.of(), List.of(new NewProcess(process, first)), List.of(), List.of()), claims);
        return result.started().get(0);
    }

    private StartOutcome start(Connection connection, NewProcess start, ClaimPolicy claims, List<OutboxMessage> messages)
            throws SQLException {
        ProcessSnapshot process = start.process();
        if (process.idempotencyKey() != null) {
            Optional<ProcessSnapshot> existing = findByIdempotencyKey(connection, process.caseKey(), process.idempotencyKey());
            if (existing.isPresent()) {
                if (!InputChecksum.matches(inputChecksum(connection, existing.get().id()), process.input().tree())) {
                    return new StartOutcome(existing.get(), false,
                            new IdempotencyConflictException(process.idempotencyKey(), existing.get().id()));
                }
                return new StartOutcome(existing.get(), false, null);
            }
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO process (" + ProcessRows.COLUMNS
                + ", input_checksum) VALUES (" + Jdbc.placeholders(22) + ")");
             PreparedStatement input = connection.prepareStatement("INSERT INTO process_payload (process_id, input) VALUES (?, ?)");
             PreparedStatement data = connection.prepareStatement("INSERT INTO process_data (process_id, data) VALUES (?, ?)")) {
            int i = ProcessRows.bind(insert, process);
            insert.setString(i, start.inputChecksum());
            insert.executeUpdate();
            ProcessStatusRows.insert(connection, process);
            ProcessRows.bindPayload(input, data, start, database.dialect());
            input.executeUpdate();
            data.executeUpdate();
        }
        if (process.idempotencyKey() != null) {
            // Unique per case api: of two nodes starting the same key at once, the second's batch fails here and is
            // retried item by item, and then finds the first's process above.
            try (PreparedStatement key = connection.prepareStatement("INSERT INTO process_idempotency (case_name, case_api, "
                    + "idempotency_key, process_id) VALUES (" + Jdbc.placeholders(4) + ")")) {
                key.setString(1, process.caseKey().name());
                key.setString(2, process.caseKey().api());
                key.setString(3, process.idempotencyKey());
                key.setString(4, process.id());
                key.executeUpdate();
            }
        }
        messages.add(start.first());
        return new StartOutcome(process, true, null);
    }

    @Override
    public Optional<ProcessSnapshot> find(String processId) {
        return database.read("read process " + processId, connection -> find(connection, processId));
    }

    /**
     * As the last commit left it, when this store is the only writer and that commit put the process at {@code step}:
     * the read a message's handling starts with was a third of the engine threads' time (issue 14). Otherwise read.
     */
    @Override
    public Optional<ProcessSnapshot> findAt(String processId, long step) {
        if (soleWriter) {
            PayloadCache.Entry entry = payloads.get(processId, step);
            if (entry != null && entry.head() != null) {
                return Optional.of(entry.head().withPayload(entry.input(), entry.data(), entry.results()));
            }
        }
        return find(processId);
    }

    /** Several processes at once, in one round trip; missing ids are simply absent. */
    @Override
    public Map<String, ProcessSnapshot> findAll(List<String> processIds) {
        if (processIds.isEmpty()) {
            return Map.of();
        }
        return database.read("read processes", connection -> {
            List<ProcessSnapshot> heads = new ArrayList<>(processIds.size());
            try (PreparedStatement select = connection.prepareStatement("SELECT " + ProcessRows.COLUMNS
                    + " FROM process WHERE id IN (" + Jdbc.placeholders(processIds.size()) + ")")) {
                Jdbc.bindAll(select, 1, processIds);
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        heads.add(ProcessRows.head(rs));
                    }
                }
            }
            Map<String, ProcessSnapshot> result = new LinkedHashMap<>();
            for (ProcessSnapshot p : withPayload(connection, heads)) {
                result.put(p.id(), p);
            }
            return result;
        });
    }

    /** Fills in what the processes carry at their steps: from the cache, else from the payload rows and stage runs. */
    private List<ProcessSnapshot> withPayload(Connection connection, List<ProcessSnapshot> heads) throws SQLException {
        List<ProcessSnapshot> complete = new ArrayList<>(heads.size());
        // Looked up once: asking the cache again below could miss an entry evicted in between, with no row read for it.
        Map<String, PayloadCache.Entry> hits = new HashMap<>();
        List<String> misses = new ArrayList<>();
        for (ProcessSnapshot head : heads) {
            PayloadCache.Entry hit = payloads.get(head.id(), head.step());
            if (hit != null) {
                hits.put(head.id(), hit);
            } else {
                misses.add(head.id());
            }
        }
        Map<String, byte[][]> rows = misses.isEmpty() ? Map.of() : payloadRows(connection, misses);
        Map<String, StageResults> results = misses.isEmpty() ? Map.of() : ProcessResults.read(connection, misses, database.dialect());
        for (ProcessSnapshot head : heads) {
            PayloadCache.Entry cached = hits.get(head.id());
            if (cached == null) {
                byte[][] row = rows.get(head.id());
                if (row == null) {
                    continue; // deleted between the two reads
                }
                cached = PayloadCache.Entry.of(head.step(), ProcessRows.input(row[0]), ProcessRows.data(row[1]),
                        results.getOrDefault(head.id(), StageResults.empty()), null);
                payloads.put(head.id(), cached);
            }
            complete.add(head.withPayload(cached.input(), cached.data(), cached.results()));
        }
        return complete;
    }

    private Map<String, byte[][]> payloadRows(Connection connection, List<String> ids) throws SQLException {
        Map<String, byte[][]> rows = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT i.process_id, i.input, d.data FROM process_payload i "
                + "JOIN process_data d ON d.process_id = i.process_id WHERE i.process_id IN (" + Jdbc.placeholders(ids.size()) + ")")) {
            Jdbc.bindAll(select, 1, ids);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    byte[][] row = {database.dialect().readJson(rs, 2), database.dialect().readJson(rs, 3)};
                    rows.put(rs.getString(1), row);
                }
            }
        }
        return rows;
    }

    /**
     * Creates processes and applies transitions in one transaction. Each transition is written only if
     * its process is still at the expected step; one that is not is skipped (a duplicate) and reported
     * as not applied. Outbox rows the policy claims are written claimed by that owner.
     */
    @Override
    public CommitResult commit(WriteBatch batch, ClaimPolicy claims) {
        List<Commit> commits = batch.commits();
        List<NewProcess> starts = batch.starts();
        CommitResult result;
        try {
            result = write(batch, claims);
        } catch (RuntimeException e) {
            // Whether the transaction reached the disk is unknown: nothing this batch touched is answered from memory.
            commits.forEach(commit -> payloads.remove(commit.processId()));
            throw e;
        }
        remember(commits, result);
        return result;
    }

    private CommitResult write(WriteBatch batch, ClaimPolicy claims) {
        List<Commit> commits = batch.commits();
        List<NewProcess> starts = batch.starts();
        return database.inTransaction("commit " + commits.size() + " transition(s), " + starts.size() + " start(s), "
                + batch.appends().size() + " message(s) and " + batch.acks().size() + " acknowledgement(s)", connection -> {
            List<OutboxMessage> messages = new ArrayList<>(batch.appends());
            List<StartOutcome> started = new ArrayList<>(starts.size());
            for (NewProcess start : starts) {
                started.add(start(connection, start, claims, messages));
            }
            List<Boolean> applied = commits.isEmpty() ? List.of() : fence(connection, commits);
            ProcessStatusRows.follow(connection, commits, applied);
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
            writeData(connection, commits, applied);
            finishRuns(connection, finishes);
            insertRuns(connection, inserts);
            deleteTimers(connection, cancelTimers);
            List<StoredMessage> stored = OutboxRows.insert(connection, messages, claims, clock.instant());
            OutboxRows.delete(connection, batch.acks());
            return new CommitResult(applied, started, stored);
        });
    }

    /** After the commit (never before: a rolled-back step must not be cached), what each process now carries. */
    private void remember(List<Commit> commits, CommitResult result) {
        for (StartOutcome start : result.started()) {
            if (start.created()) {
                ProcessSnapshot p = start.process();
                payloads.put(p.id(), PayloadCache.Entry.of(p.step(), p.input(), p.data(), p.results(), headToKeep(p)));
            }
        }
        for (int i = 0; i < commits.size(); i++) {
            Commit commit = commits.get(i);
            if (!result.applied().get(i)) {
                // Refused: the row is not at the step this node last saw. Whatever is held may be stale; read it next time.
                payloads.remove(commit.processId());
                continue;
            }
            if (commit.next().status().isTerminal()) {
                // Stopped: no transition follows soon (a failed one waits for an operator), and a finished process held
                // here would crowd out one in flight. A read, or a retry, reads it.
                payloads.remove(commit.processId());
                continue;
            }
            PayloadCache.Entry before = payloads.get(commit.processId(), commit.expectedStep());
            if (before == null) {
                continue; // an unknown size is read (and cached) next time
            }
            // Built from what was written, as a read would see it, not from what the snapshot claims.
            StageResults results = before.results();
            for (StageRunWrite write : commit.runWrites()) {
                if (write instanceof StageRunWrite.Finish finish && finish.outputJson() != null) {
                    results = results.with(finish.stage(), finish.outputJson()); // a service's reply
                }
                if (write instanceof StageRunWrite.Insert insert && insert.outputJson() != null) {
                    results = results.with(insert.run().stage(), insert.outputJson());
                }
            }
            JsonFields data = commit.writesData() ? commit.next().data() : before.data();
            payloads.put(commit.processId(), before.next(commit.next().step(), data, results, headToKeep(commit.next())));
        }
    }

    /**
     * The row as committed, for {@link #findAt}: only by a sole writer, and only while the process is in flight (no
     * message expects a step of a failed or finished one, and retention may delete a finished one).
     */
    private ProcessSnapshot headToKeep(ProcessSnapshot committed) {
        if (!soleWriter || committed.status().isTerminal()) {
            return null;
        }
        return ProcessRows.asRead(committed);
    }

    private List<Boolean> fence(Connection connection, List<Commit> commits) throws SQLException {
        // Only the small process row: input and data live in process_payload and process_data, results in stage runs, so a
        // transition's cost does not grow with what the process carries.
        try (PreparedStatement update = connection.prepareStatement("UPDATE process SET status = ?, current_stage = ?, "
                + "previous_stage = ?, step = ?, attempt = ?, run_step = ?, wait_task_id = ?, pending_request = ?, "
                + "result = ?, error_stage = ?, error_kind = ?, error_message = ?, error_trace = ?, "
                + "error_at = ?, updated_at = ?, case_version = ? WHERE id = ? AND step = ?")) {
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
                update.setString(9, ProcessRows.resultColumn(p));
                ProcessRows.bindFailure(update, 10, p.failure());
                Jdbc.setInstant(update, 15, p.updatedAt());
                update.setInt(16, p.caseVersion());
                update.setString(17, p.id());
                update.setLong(18, commit.expectedStep());
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

    /** The free data of applied commits whose stage changed it; the others leave the data row alone. */
    private void writeData(Connection connection, List<Commit> commits, List<Boolean> applied) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE process_data SET data = ? WHERE process_id = ?")) {
            boolean any = false;
            for (int i = 0; i < commits.size(); i++) {
                Commit commit = commits.get(i);
                if (applied.get(i) && commit.writesData()) {
                    database.dialect().bindJson(update, 1, commit.dataJson());
                    update.setString(2, commit.processId());
                    update.addBatch();
                    any = true;
                }
            }
            if (any) {
                update.executeBatch();
            }
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
                database.dialect().bindJson(insert, 9, write.outputJson());
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
                + "output = ?, error = ?, error_trace = ?, stage = ? WHERE process_id = ? AND step = ?")) {
            for (StageRunWrite.Finish finish : finishes) {
                update.setString(1, finish.status().name());
                Jdbc.setInstant(update, 2, finish.endedAt());
                update.setString(3, finish.outcome());
                database.dialect().bindJson(update, 4, finish.outputJson());
                update.setString(5, finish.error());
                update.setString(6, finish.errorTrace());
                update.setString(7, finish.stage());
                update.setString(8, finish.processId());
                update.setLong(9, finish.step());
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

    private Optional<ProcessSnapshot> find(Connection connection, String processId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT " + ProcessRows.COLUMNS + " FROM process WHERE id = ?")) {
            select.setString(1, processId);
            try (ResultSet rs = select.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return withPayload(connection, List.of(ProcessRows.head(rs))).stream().findFirst();
            }
        }
    }

    private Optional<ProcessSnapshot> findByIdempotencyKey(Connection connection, CaseKey key, String idempotencyKey)
            throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT " + ProcessRows.SELECTED + ProcessRows.FROM
                + " JOIN process_idempotency k ON k.process_id = p.id WHERE k.case_name = ? AND k.case_api = ? AND k.idempotency_key = ?")) {
            select.setString(1, key.name());
            select.setString(2, key.api());
            select.setString(3, idempotencyKey);
            try (ResultSet rs = select.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                SqlDialect dialect = database.dialect();
                return Optional.of(ProcessResults.attach(connection, ProcessRows.process(rs, dialect), dialect));
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
}
