package io.caseflow.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.caseflow.definition.CaseKey;
import io.caseflow.json.Json;
import io.caseflow.process.Failure;
import io.caseflow.process.FailureKind;
import io.caseflow.process.ProcessSnapshot;
import io.caseflow.process.ProcessStatus;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;

/** How a process is written to and read from a row of the {@code process} table. */
final class ProcessRows {
    static final String COLUMNS = "id, case_name, case_api, case_version, status, current_stage, previous_stage, "
            + "step, attempt, run_step, wait_task_id, pending_request, input, data, results, result, error_stage, error_kind, "
            + "error_message, error_trace, error_at, idempotency_key, created_at, updated_at";

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
}
