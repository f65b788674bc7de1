package io.caseflow.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.caseflow.json.Json;
import io.caseflow.store.Database;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code caseflow bench-floor}: the bytes it writes are the ones the runtime's benchmark carries, and its report. */
class PayloadFloorTest {
    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int floor(String... args) {
        return new CommandLine(new PayloadFloorCommand()).setOut(new PrintWriter(out)).setErr(new PrintWriter(err)).execute(args);
    }

    @Test
    void each_process_writes_its_input_its_data_and_every_stage_result_as_the_runtime_would_get_them() throws Exception {
        CaseBenchmark.Payload payload = new CaseBenchmark.Payload(3000, 2000, 1000, CaseBenchmark.Payload.Shape.DOCUMENT);

        PayloadFloor.Result result = new PayloadFloor(payload).run(dir, 6, 3, 2, 0, 4);

        assertThat(result.transitions()).isEqualTo(18);
        assertThat(result.transitionsPerSecond()).isPositive();
        try (Connection connection = DriverManager.getConnection(Database.h2File(dir.resolve("floor")));
             Statement statement = connection.createStatement()) {
            try (ResultSet rs = statement.executeQuery("SELECT id, input, data FROM floor_process ORDER BY id")) {
                for (int id = 0; id < 6; id++) {
                    assertThat(rs.next()).as("process %d committed", id).isTrue();
                    assertThat(rs.getLong(1)).isEqualTo(id);
                    assertThat(Json.parse(rs.getBytes(2))).isEqualTo(Json.tree(java.util.Map.of("n", id,
                            "document", PayloadDocument.ofAbout(3000))));
                    assertThat(Json.parse(rs.getBytes(3)).get("document")).isEqualTo(PayloadDocument.ofAbout(1000));
                }
                assertThat(rs.next()).isFalse();
            }
            try (ResultSet rs = statement.executeQuery("SELECT COUNT(*), MIN(LENGTH(output)), COUNT(DISTINCT process_id) FROM floor_stage_run")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getInt(1)).isEqualTo(18);
                assertThat(rs.getInt(2)).isGreaterThanOrEqualTo(2000);
                assertThat(rs.getInt(3)).isEqualTo(6);
            }
        }
    }

    @Test
    void carrying_nothing_writes_the_same_rows_without_the_bytes() throws Exception {
        new PayloadFloor(CaseBenchmark.Payload.NONE).run(dir, 3, 2, 1, 0, 1);

        try (Connection connection = DriverManager.getConnection(Database.h2File(dir.resolve("floor")));
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT (SELECT COUNT(*) FROM floor_process WHERE data IS NULL AND LENGTH(input) < 20), "
                     + "(SELECT COUNT(*) FROM floor_stage_run WHERE output IS NULL)")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getInt(1)).isEqualTo(3);
            assertThat(rs.getInt(2)).isEqualTo(6);
        }
    }

    @Test
    void a_run_prints_both_rates_of_each_pair_the_bytes_cost_and_the_bound_it_puts_on_a_runtime() {
        int code = floor("--processes", "20", "--warmup", "0", "--stages", "3", "--runs", "2", "--payload-bytes", "1000",
                "--runtime-rate", "20000");

        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString())
                .contains("a start and 3 stages a process, 4 steps a commit, 2 writer thread(s), 20 processes per run")
                .contains("payload: input 1000 B, each stage's result 1000 B, free data 1000 B")
                .containsPattern("(?m)^nothing carried +[0-9,]+ transitions/s +[0-9.]+ µs of machine time each .*\\(warm-up pair, not counted\\)$")
                .containsPattern("(?m)^carrying the payload +[0-9,]+ transitions/s +[0-9.]+ µs of machine time each +\\(this JVM [0-9]+ µs CPU")
                .containsPattern("the bytes' least cost: -?[0-9.]+ µs of machine time per transition \\(mean of 2 pair\\(s\\)\\)")
                .containsPattern("a runtime at 20,000 transitions/s carrying nothing can carry this at most at [0-9,]+ transitions/s "
                        + "\\([0-9.]+ of its rate\\)");
        assertThat(out.toString().lines().filter(line -> line.startsWith("carrying the payload"))).hasSize(3);
    }

    @Test
    void bad_options_are_refused_naming_them() {
        assertThat(floor("--steps-per-commit", "0")).isEqualTo(2);
        assertThat(err.toString()).contains("--steps-per-commit");
        assertThat(floor("--runtime-rate", "-5")).isEqualTo(2);
        assertThat(err.toString()).contains("--runtime-rate");
        assertThat(floor("--input-bytes", "99999999")).isEqualTo(2);
        assertThat(err.toString()).contains("payload sizes must be 0 to");
    }
}
