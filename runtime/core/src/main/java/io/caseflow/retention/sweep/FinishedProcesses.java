package io.caseflow.retention.sweep;

import io.caseflow.definition.CaseKey;
import io.caseflow.process.ProcessIds;
import io.caseflow.process.ProcessStatus;
import io.caseflow.store.Database;
import io.caseflow.store.SqlDialect;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Writes many finished processes at once, as the engine would have left them (process and status rows, input and data rows, one
 * completed stage run per stage with its output), with multi-row inserts: for tests and benchmarks of retention,
 * which need 100k to 1M of them in minutes. Not used by the runtime.
 *
 * <pre>{@code
 * List<String> ids = FinishedProcesses.of(key).stages(3).payloadBytes(200).insert(database, 100_000, finishedAt, ProcessStatus.COMPLETED);
 * }</pre>
 */
public final class FinishedProcesses {
    private static final int CHUNK = 200;

    private final CaseKey key;
    private final int stages;
    private final int payloadBytes;

    private FinishedProcesses(CaseKey key, int stages, int payloadBytes) {
        this.key = key;
        this.stages = stages;
        this.payloadBytes = payloadBytes;
    }

    /** Processes of {@code key} version 1 with 3 stages and 100 bytes of input, data and each result. */
    public static FinishedProcesses of(CaseKey key) {
        return new FinishedProcesses(key, 3, 100);
    }

    /** Stage runs per process (1 to 50), named {@code s1}, {@code s2}, ... */
    public FinishedProcesses stages(int value) {
        if (value < 1 || value > 50) {
            throw new IllegalArgumentException("stages must be 1 to 50, was " + value);
        }
        return new FinishedProcesses(key, value, payloadBytes);
    }

    /** Bytes of input, of free data and of each stage's output (0 to 64 KB). */
    public FinishedProcesses payloadBytes(int value) {
        if (value < 0 || value > 65_536) {
            throw new IllegalArgumentException("payloadBytes must be 0 to 65536, was " + value);
        }
        return new FinishedProcesses(key, stages, value);
    }

    /**
     * Inserts {@code count} processes in {@code status} that finished at {@code finishedAt} (each a millisecond
     * apart, going back), committing every few thousand; returns their ids.
     */
    public List<String> insert(Database database, int count, Instant finishedAt, ProcessStatus status) {
        if (!status.isTerminal()) {
            throw new IllegalArgumentException("status must be terminal, was " + status);
        }
        String text = "x".repeat(payloadBytes);
        String json = "{\"text\":\"" + text + "\"}";
        List<String> ids = new ArrayList<>(count);
        for (int done = 0; done < count; ) {
            int transaction = Math.min(count - done, CHUNK * 10);
            int first = done;
            database.inTransaction("insert finished processes", connection -> {
                for (int offset = 0; offset < transaction; offset += CHUNK) {
                    int size = Math.min(CHUNK, transaction - offset);
                    List<String> chunk = new ArrayList<>(size);
                    for (int i = 0; i < size; i++) {
                        chunk.add(ProcessIds.next());
                    }
                    insertChunk(connection, database.dialect(), chunk, finishedAt.minusMillis(first + offset), status, json);
                    ids.addAll(chunk);
                }
                return null;
            });
            done += transaction;
        }
        return ids;
    }

    private void insertChunk(Connection connection, SqlDialect dialect, List<String> ids, Instant finishedAt, ProcessStatus status,
                             String json)
            throws SQLException {
        String last = "s" + stages;
        byte[] utf8 = json.getBytes(StandardCharsets.UTF_8);
        try (PreparedStatement process = connection.prepareStatement("INSERT INTO process (id, case_name, case_api, case_version, status, "
                + "current_stage, previous_stage, step, attempt, result, error_stage, error_kind, error_message, error_at, input_checksum, "
                + "created_at, updated_at) VALUES " + rows(ids.size(), 17))) {
            int p = 1;
            for (int i = 0; i < ids.size(); i++) {
                Instant ended = finishedAt.minusMillis(i);
                boolean failed = status == ProcessStatus.FAILED;
                process.setString(p++, ids.get(i));
                process.setString(p++, key.name());
                process.setString(p++, key.api());
                process.setInt(p++, 1);
                process.setString(p++, status.name());
                process.setString(p++, last);
                process.setString(p++, stages > 1 ? "s" + (stages - 1) : null);
                process.setLong(p++, stages);
                process.setInt(p++, 1);
                process.setString(p++, status == ProcessStatus.COMPLETED ? json : null);
                process.setString(p++, failed ? last : null);
                process.setString(p++, failed ? "HANDLER_FAILED" : null);
                process.setString(p++, failed ? "filled in as failed" : null);
                process.setObject(p++, failed ? utc(ended) : null);
                process.setString(p++, "0".repeat(64));
                process.setObject(p++, utc(ended.minus(Duration.ofSeconds(stages))));
                process.setObject(p++, utc(ended));
            }
            process.executeUpdate();
        }
        try (PreparedStatement row = connection.prepareStatement("INSERT INTO process_status (process_id, case_name, case_api, status, "
                + "stage, changed_at) VALUES " + rows(ids.size(), 6))) {
            int p = 1;
            for (int i = 0; i < ids.size(); i++) {
                row.setString(p++, ids.get(i));
                row.setString(p++, key.name());
                row.setString(p++, key.api());
                row.setString(p++, status.name());
                row.setString(p++, last);
                row.setObject(p++, utc(finishedAt.minusMillis(i)));
            }
            row.executeUpdate();
        }
        try (PreparedStatement payload = connection.prepareStatement("INSERT INTO process_payload (process_id, input) VALUES "
                + rows(ids.size(), 2));
             PreparedStatement data = connection.prepareStatement("INSERT INTO process_data (process_id, data) VALUES "
                     + rows(ids.size(), 2))) {
            int p = 1;
            for (String id : ids) {
                payload.setString(p, id);
                dialect.bindJson(payload, p + 1, utf8);
                data.setString(p, id);
                dialect.bindJson(data, p + 1, utf8);
                p += 2;
            }
            payload.executeUpdate();
            data.executeUpdate();
        }
        try (PreparedStatement run = connection.prepareStatement("INSERT INTO stage_run (process_id, step, stage, attempt, status, "
                + "started_at, ended_at, outcome, output) VALUES " + rows(ids.size() * stages, 9))) {
            int p = 1;
            for (int i = 0; i < ids.size(); i++) {
                Instant ended = finishedAt.minusMillis(i);
                for (int s = 1; s <= stages; s++) {
                    Instant at = ended.minus(Duration.ofSeconds(stages - s));
                    run.setString(p++, ids.get(i));
                    run.setLong(p++, s);
                    run.setString(p++, "s" + s);
                    run.setInt(p++, 1);
                    run.setString(p++, "COMPLETED");
                    run.setObject(p++, utc(at.minusMillis(5)));
                    run.setObject(p++, utc(at));
                    run.setString(p++, "default");
                    dialect.bindJson(run, p++, utf8);
                }
            }
            run.executeUpdate();
        }
    }

    private static String rows(int count, int columns) {
        String row = "(" + String.join(", ", Collections.nCopies(columns, "?")) + ")";
        return String.join(", ", Collections.nCopies(count, row));
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
