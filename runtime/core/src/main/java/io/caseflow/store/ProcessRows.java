package io.caseflow.store;

import com.fasterxml.jackson.databind.JsonNode;
import io.caseflow.commit.NewProcess;
import io.caseflow.definition.CaseKey;
import io.caseflow.json.Json;
import io.caseflow.json.JsonFields;
import io.caseflow.json.JsonText;
import io.caseflow.process.Failure;
import io.caseflow.process.FailureKind;
import io.caseflow.process.ProcessSnapshot;
import io.caseflow.process.ProcessStatus;
import io.caseflow.process.StageResults;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;

/**
 * How a process is written to and read from its rows: the small {@code process} row every transition
 * updates, the {@code process_payload} row with its input (migration V4) and the {@code process_data} row with its
 * free data (V10, so a data change does not rewrite the input). Its results are read from its stage runs
 * ({@link ProcessResults}).
 */
final class ProcessRows {
    /** The process row's columns, in {@link #bind} order. */
    static final String COLUMNS = "id, case_name, case_api, case_version, status, current_stage, previous_stage, "
            + "step, attempt, run_step, wait_task_id, pending_request, result, error_stage, error_kind, "
            + "error_message, error_trace, error_at, idempotency_key, created_at, updated_at";
    /** What a read selects, {@link #FROM} the three rows. */
    static final String SELECTED = "p.id, p.case_name, p.case_api, p.case_version, p.status, p.current_stage, p.previous_stage, "
            + "p.step, p.attempt, p.run_step, p.wait_task_id, p.pending_request, i.input, d.data, p.result, p.error_stage, p.error_kind, "
            + "p.error_message, p.error_trace, p.error_at, p.idempotency_key, p.created_at, p.updated_at";
    /** Joins a process row ({@code p}) to its input ({@code i}) and free data ({@code d}). */
    static final String JOIN_PAYLOAD = " JOIN process_payload i ON i.process_id = p.id JOIN process_data d ON d.process_id = p.id";
    static final String FROM = " FROM process p" + JOIN_PAYLOAD;

    private ProcessRows() {
    }

    static int bind(PreparedStatement statement, ProcessSnapshot p) throws SQLException {
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
        statement.setString(13, resultColumn(p));
        bindFailure(statement, 14, p.failure());
        statement.setString(19, p.idempotencyKey());
        Jdbc.setInstant(statement, 20, p.createdAt());
        Jdbc.setInstant(statement, 21, p.updatedAt());
        return 22;
    }

    /**
     * What the process row's {@code result} column keeps: nothing when the result is the end stage's result, which
     * that stage's run already keeps (see {@link ProcessSnapshot}); rows written before keep theirs.
     */
    static String resultColumn(ProcessSnapshot p) {
        if (p.resultIsEndStageResult()) {
            return null;
        }
        JsonNode result = p.result();
        return result == null ? null : Json.write(result);
    }

    /** Binds the payload row (id, input) and the data row (id, data) of a new process. */
    static void bindPayload(PreparedStatement input, PreparedStatement data, NewProcess start, SqlDialect dialect) throws SQLException {
        input.setString(1, start.process().id());
        dialect.bindJson(input, 2, start.inputJson());
        data.setString(1, start.process().id());
        dialect.bindJson(data, 2, start.dataJson());
    }

    static void bindFailure(PreparedStatement statement, int start, Failure failure) throws SQLException {
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

    /** A process from a select of {@link #SELECTED} {@link #FROM}; its results come from {@link ProcessResults}. */
    static ProcessSnapshot process(ResultSet rs, SqlDialect dialect) throws SQLException {
        return read(rs, input(dialect.readJson(rs, "input")), data(dialect.readJson(rs, "data")));
    }

    /** The input column as the process keeps it: its text, not parsed (a handler that asks for it parses it). */
    static JsonText input(byte[] column) {
        return column == null || column.length == 0 ? JsonText.emptyObject() : JsonText.ofEncoded(column);
    }

    /**
     * The data column as the process keeps it: each field's text, cut out without a tree. Data that is not a JSON
     * object is reported naming the column, as a malformed one is.
     */
    static JsonFields data(byte[] column) {
        try {
            return JsonFields.parse(column);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("process data: " + e.getMessage(), e);
        }
    }

    /**
     * A process as a read of its row would return it: timestamps rounded to the microseconds the columns keep (H2 and
     * PostgreSQL both round), so a snapshot held since the commit equals one read back.
     */
    static ProcessSnapshot asRead(ProcessSnapshot p) {
        Failure failure = p.failure() == null ? null : new Failure(p.failure().stage(), p.failure().kind(), p.failure().message(),
                p.failure().stackTrace(), Jdbc.asStored(p.failure().at()));
        return new ProcessSnapshot(p.id(), p.caseKey(), p.caseVersion(), p.status(), p.currentStage(), p.previousStage(), p.step(),
                p.attempt(), p.runStep(), p.waitTaskId(), p.pendingRequest(), p.input(), p.data(), p.results(),
                p.resultIsEndStageResult() ? null : p.result(), failure,
                p.idempotencyKey(), Jdbc.asStored(p.createdAt()), Jdbc.asStored(p.updatedAt()));
    }

    /** A process from a select of {@link #COLUMNS} alone: input and data left empty, for the caller to fill in. */
    static ProcessSnapshot head(ResultSet rs) throws SQLException {
        return read(rs, JsonText.emptyObject(), JsonFields.empty());
    }

    private static ProcessSnapshot read(ResultSet rs, JsonText input, JsonFields data) throws SQLException {
        String errorKind = rs.getString("error_kind");
        Failure failure = errorKind == null ? null : new Failure(rs.getString("error_stage"), FailureKind.valueOf(errorKind),
                rs.getString("error_message"), rs.getString("error_trace"), Jdbc.getInstant(rs, "error_at"));
        return new ProcessSnapshot(rs.getString("id"), new CaseKey(rs.getString("case_name"), rs.getString("case_api")),
                rs.getInt("case_version"), ProcessStatus.valueOf(rs.getString("status")), rs.getString("current_stage"),
                rs.getString("previous_stage"), rs.getLong("step"), rs.getInt("attempt"), Jdbc.getLongOrNull(rs, "run_step"),
                rs.getString("wait_task_id"), rs.getString("pending_request"), input,
                data, StageResults.empty(),
                Json.parse(rs.getString("result")), failure, rs.getString("idempotency_key"),
                Jdbc.getInstant(rs, "created_at"), Jdbc.getInstant(rs, "updated_at"));
    }
}
