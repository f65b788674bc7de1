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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.Deflater;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code caseflow bench} as its users run it: a small run with each option of the flat-cost grid, and bad options. */
class BenchCommandTest {
    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int bench(String... args) {
        return new CommandLine(new BenchCommand()).setOut(new PrintWriter(out)).setErr(new PrintWriter(err)).execute(args);
    }

    @Test
    void a_run_with_finished_processes_and_a_limit_in_flight_prints_its_settings_figures_and_table() throws Exception {
        int code = bench("--threads", "1,2", "--processes", "40", "--warmup", "10", "--stages", "3", "--in-flight", "4",
                "--finished", "250", "--payload-bytes", "100", "--heap-processes", "30", "--warmup-until-quiet", "0", "--dir", dir.toString());

        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString())
                .contains("3-stage linear case, 40 processes per run, 10 warm-up")
                .contains("in flight: at most 4; finished processes in the store: 250")
                .containsPattern("warm-up +10 processes in [0-9.]+ s; JIT compiler busy [0-9.]+ % of the last round\\R")
                .contains("1 worker thread(s):")
                .containsPattern("stage-to-stage latency, one process at a time: +p50 [0-9.]+ ms")
                .contains("2 worker thread(s):")
                .containsPattern("heap +[0-9.]+ MB live when idle; -?[0-9.]+ KB more per process in flight")
                .containsPattern("(?m)^store +threads +transitions/s +idle p50 ms +idle p99 ms +loaded p50 ms +loaded p99 ms +heap idle MB "
                        + "+heap/process KB$")
                .containsPattern("(?m)^H2 +1 +[0-9,]+ +[0-9.]+ +[0-9.]+ +[0-9.]+ +[0-9.]+ +[0-9.]+ +-?[0-9.]+$")
                .containsPattern("(?m)^H2 +2 +[0-9,]+ ")
                .containsPattern("CPU +caseflow \\(this JVM\\) [0-9]+, broker [0-9]+, database [0-9]+, rest of the machine [0-9]+ microseconds of CPU "
                        + "per transition; machine idle [0-9]+ %")
                .containsPattern("(?m)^store +threads +this JVM +broker +database +rest +machine idle$")
                .containsPattern("(?m)^heap per worker thread \\(idle runtime, 2 vs 1 threads\\): -?[0-9.]+ KB$");
        // What the store holds afterwards: the finished processes put in first, then the warm-up, the run and the
        // one-at-a-time processes and those held in flight for the heap figure, all completed.
        try (Connection connection = DriverManager.getConnection(Database.h2File(dir.resolve("threads-1").resolve("bench")));
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT status, COUNT(*) FROM process GROUP BY status")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("COMPLETED");
            assertThat(rs.getLong(2)).isEqualTo(250 + 10 + 40 + 100 + 2 * 30);
            assertThat(rs.next()).as("only completed processes").isFalse();
        }
    }

    @Test
    void repeated_runs_take_turns_and_end_with_the_median_and_range_of_each_thread_count() {
        int code = bench("--threads", "1,2", "--runs", "2", "--processes", "20", "--warmup", "5", "--stages", "3", "--heap-processes", "5",
                "--warmup-until-quiet", "0");

        assertThat(code).as(err.toString()).isZero();
        String text = out.toString();
        assertThat(text.indexOf("1 worker thread(s), run 1 of 2:")).isLessThan(text.indexOf("2 worker thread(s), run 1 of 2:"));
        assertThat(text.indexOf("2 worker thread(s), run 1 of 2:")).isLessThan(text.indexOf("1 worker thread(s), run 2 of 2:"));
        assertThat(text).containsPattern("(?m)^1 worker thread\\(s\\), 2 runs: median [0-9,]+ transitions/s, range [0-9,]+-[0-9,]+ ")
                .containsPattern("(?m)^2 worker thread\\(s\\), 2 runs: median ");
        assertThat(text.lines().filter(line -> line.matches("^H2 +1 +[0-9,]+ +[0-9]+\\.[0-9]{2} .*"))).as("rows of the main table").hasSize(2);
        assertThat(text.lines().filter(line -> line.matches("^H2 +1 +[0-9]+ +[0-9]+ +[0-9]+ +[0-9]+ +[0-9]+%$"))).as("rows of the CPU table")
                .hasSize(2);
        assertThat(BenchCommand.spread(4, new double[] {90, 100, 130})).isEqualTo(
                "4 worker thread(s), 3 runs: median 100 transitions/s, range 90-130 (-10 % / +30 %)");
        assertThat(BenchCommand.spread(4, new double[] {100, 200})).contains("median 150");
    }

    @Test
    void the_warm_up_goes_on_in_rounds_until_the_jit_compiler_is_quiet_or_its_time_is_up() throws Exception {
        int code = bench("--threads", "1", "--processes", "20", "--warmup", "10", "--stages", "3", "--heap-processes", "5",
                "--warmup-until-quiet", "3", "--dir", dir.toString());

        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).contains("10 warm-up and more until the JIT compiler is quiet (at most 3 s)");
        Matcher warmUp = Pattern.compile("warm-up +([0-9,]+) processes in ([0-9.]+) s; JIT compiler busy ([0-9.]+) % of the last round "
                + "\\((quiet|NOT quiet: the time limit ended the warm-up)\\)").matcher(out.toString());
        assertThat(warmUp.find()).as(out.toString()).isTrue();
        long warmedUp = Long.parseLong(warmUp.group(1).replace(",", ""));
        double busyPercent = Double.parseDouble(warmUp.group(3));
        if (warmUp.group(4).equals("quiet")) {
            assertThat(busyPercent).isLessThanOrEqualTo(100 * JitActivity.QUIET_SHARE);
        } else {
            assertThat(busyPercent).isGreaterThan(100 * JitActivity.QUIET_SHARE);
            assertThat(Double.parseDouble(warmUp.group(2))).as("went on until the limit").isGreaterThanOrEqualTo(3.0);
        }
        // Rounds of at least 1,000 after the first 10 (a fresh JVM's compiler is never quiet after 10 processes); what
        // the line reports is what the store holds: warm-up, run, one-at-a-time and held processes.
        assertThat((warmedUp - 10) % 1_000).isZero();
        try (Connection connection = DriverManager.getConnection(Database.h2File(dir.resolve("threads-1").resolve("bench")));
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT COUNT(*) FROM process WHERE status = 'COMPLETED'")) {
            rs.next();
            assertThat(rs.getLong(1)).isEqualTo(warmedUp + 20 + 100 + 2 * 5);
        }
    }

    @Test
    void the_processes_held_for_the_heap_figure_fit_in_a_quarter_of_the_heap() {
        long fourGb = 4L << 30;
        assertThat(CaseBenchmark.heldForHeapFigure(10_000, CaseBenchmark.Payload.NONE, fourGb)).isEqualTo(10_000);
        // 256 KB of input and 256 KB of data: 10,000 twice would be 10 GB; a quarter of 4 GB holds about 500 twice
        int held = CaseBenchmark.heldForHeapFigure(10_000, new CaseBenchmark.Payload(262_144, 100, 262_144), fourGb);
        assertThat(held).isBetween(400, 600);
        assertThat(2L * held * 2 * (262_144 + 262_144)).isLessThanOrEqualTo(fourGb / 4);
        assertThat(CaseBenchmark.heldForHeapFigure(10_000, new CaseBenchmark.Payload(4 << 20, 0, 4 << 20), 256L << 20)).isEqualTo(50);
        assertThat(CaseBenchmark.heldForHeapFigure(30, new CaseBenchmark.Payload(4 << 20, 0, 4 << 20), 256L << 20)).isEqualTo(30);
    }

    @Test
    void a_document_payload_is_an_item_list_of_about_the_size_asked_that_deflates_like_real_json() {
        for (int bytes : new int[] {1, 1_024, 16_384, 262_144}) {
            byte[] json = Json.writeBytes(PayloadDocument.ofAbout(bytes));
            // Longer by less than one item (each is under 400 bytes), never shorter.
            assertThat(json.length).as("%d bytes asked", bytes).isBetween(bytes, bytes + 400);
            assertThat(PayloadDocument.ofAbout(bytes)).as("the same each time").isEqualTo(PayloadDocument.ofAbout(bytes));
        }
        byte[] json = Json.writeBytes(PayloadDocument.ofAbout(16_384));
        double ratio = (double) json.length / deflated(json);
        // A repeated letter deflates over 100x; JSON replies of words, codes and numbers 2-5x.
        assertThat(ratio).isBetween(2.0, 5.0);
        assertThat(PayloadDocument.ofAbout(16_384).get("items").get(0).fieldNames()).toIterable()
                .contains("sku", "name", "description", "qty", "price", "status", "tags");
        assertThat(PayloadDocument.ofAbout(0)).isNull();
    }

    private static int deflated(byte[] bytes) {
        Deflater deflater = new Deflater();
        deflater.setInput(bytes);
        deflater.finish();
        byte[] buffer = new byte[bytes.length + 64];
        int length = deflater.deflate(buffer);
        deflater.end();
        return length;
    }

    @Test
    void a_run_carrying_documents_stores_them_as_each_stage_returned_them() throws Exception {
        int code = bench("--threads", "1", "--processes", "20", "--warmup", "5", "--stages", "3", "--heap-processes", "5",
                "--warmup-until-quiet", "0", "--payload-bytes", "4096", "--payload-shape", "DOCUMENT", "--dir", dir.toString());

        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).contains("payload: input 4 KB, each stage's result 4 KB, free data 4 KB (documents: item lists of words and numbers)");
        try (Connection connection = DriverManager.getConnection(Database.h2File(dir.resolve("threads-1").resolve("bench")));
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT output FROM stage_run ORDER BY process_id, step LIMIT 1")) {
            assertThat(rs.next()).isTrue();
            assertThat(Json.parse(rs.getBytes(1)).get("reply")).isEqualTo(PayloadDocument.ofAbout(4096));
        }
    }

    @Test
    void bad_options_are_refused_naming_them() {
        assertThat(bench("--in-flight", "-1")).isEqualTo(2);
        assertThat(err.toString()).contains("--in-flight");
        assertThat(bench("--heap-processes", "0")).isEqualTo(2);
        assertThat(err.toString()).contains("--heap-processes");
        assertThat(bench("--warmup-until-quiet", "-1")).isEqualTo(2);
        assertThat(err.toString()).contains("--warmup-until-quiet");
        assertThat(bench("--runs", "0")).isEqualTo(2);
        assertThat(err.toString()).contains("--runs");
        assertThat(bench("--stages", "1")).isEqualTo(2);
        assertThat(err.toString()).contains("--stages");
        assertThat(bench("--payload-bytes", "99999999")).isEqualTo(2);
        assertThat(err.toString()).contains("payload sizes must be 0 to");
        assertThat(bench("--payload-shape", "PDF")).isEqualTo(2);
        assertThat(err.toString()).contains("--payload-shape").contains("TEXT, DOCUMENT");
    }
}
