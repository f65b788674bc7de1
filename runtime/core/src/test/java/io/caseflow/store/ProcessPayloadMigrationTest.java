package io.caseflow.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.caseflow.process.ProcessSnapshot;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/** A store written before migration V4 (input, data and results in the process row) reads the same after it and V9. */
class ProcessPayloadMigrationTest {

    @Test
    void a_process_from_before_v4_keeps_its_input_data_and_results() throws Exception {
        String url = "jdbc:h2:mem:v4-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        Flyway.configure().dataSource(url, null, null).locations("classpath:io/caseflow/store/migration")
                .table("caseflow_schema_history").placeholders(SqlDialect.H2.migrationPlaceholders()).target("3").load().migrate();
        try (Connection db = DriverManager.getConnection(url); Statement statement = db.createStatement()) {
            statement.execute("INSERT INTO process (id, case_name, case_api, case_version, status, current_stage, step, attempt, "
                    + "input, data, results, input_checksum, created_at, updated_at) VALUES ('p-1', 'orders', 'v1', 1, 'RUNNING', "
                    + "'ship', 2, 1, '{\"order\":7}', '{\"note\":\"fragile — 東京 😀\"}', '{\"reserve\":{\"ok\":true}}', 'x', "
                    + "CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)");
            statement.execute("INSERT INTO stage_run (process_id, step, stage, attempt, status, output) VALUES "
                    + "('p-1', 0, 'reserve', 1, 'COMPLETED', '{\"ok\":true}'), ('p-1', 1, 'charge', 1, 'FAILED', NULL)");
        }
        try (Database database = Database.open(url, 2)) {
            ProcessSnapshot process = new JdbcProcessStore(database, Clock.systemUTC()).find("p-1").orElseThrow();
            assertThat(process.input().path("order").asInt()).isEqualTo(7);
            assertThat(process.data().path("note").asText()).as("text kept through V9's change to UTF-8 bytes")
                    .isEqualTo("fragile — 東京 😀");
            assertThat(process.results().path("reserve").path("ok").asBoolean()).isTrue();
            assertThat(process.results().has("charge")).as("a failed run has no result").isFalse();
            assertThat(process.currentStage()).isEqualTo("ship");
        }
    }
}
