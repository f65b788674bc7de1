package io.caseflow.samples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.caseflow.cli.CaseflowCli;
import io.caseflow.samples.jvm.WorkerProcess;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code caseflow demo --db DIR} killed with kill -9 and run again on the same DIR reports what it found and finishes. */
class DemoRerunTest {
    private static final String ORDERS = "300";

    @Test
    void a_rerun_after_kill_9_reports_what_it_found_and_finishes(@TempDir Path dir) throws Exception {
        WorkerProcess first = WorkerProcess.start(CaseflowCli.class, List.of(), dir.resolve("first.log"),
                "demo", "--processes", ORDERS, "--db", dir.resolve("db").toString(), "--seed", "5");
        assertThat(first.awaitLine("caseflow demo:", Duration.ofSeconds(60))).as(first.output().toString()).isPresent();
        Thread.sleep(1500); // some orders done, some in flight
        first.kill9();

        StringWriter out = new StringWriter();
        CommandLine cli = CaseflowCli.commandLine();
        cli.setOut(new PrintWriter(out));
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        PrintStream originalErr = System.err;
        int exit;
        System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
        try {
            exit = cli.execute("demo", "--processes", ORDERS, "--db", dir.resolve("db").toString(), "--seed", "5", "--timeout", "PT40S");
        } finally {
            System.setErr(originalErr);
        }
        String text = out.toString();
        String errors = stderr.toString(StandardCharsets.UTF_8);
        assertThat(errors).doesNotContain("IdempotencyConflictException").doesNotContain("Exception in thread");
        assertThat(exit).as(text).isZero();
        assertThat(text).contains("all orders ended");
        Matcher found = Pattern.compile("found (\\d+) already done, (\\d+) resumed, (\\d+) started").matcher(text);
        assertThat(found.find()).as(text).isTrue();
        int total = Integer.parseInt(found.group(1)) + Integer.parseInt(found.group(2)) + Integer.parseInt(found.group(3));
        assertThat(total).as(text).isEqualTo(Integer.parseInt(ORDERS));
        assertThat(Integer.parseInt(found.group(3))).as("the first run started some orders before it was killed").isLessThan(300);
    }
}
