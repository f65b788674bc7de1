package io.caseflow.samples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.caseflow.cli.CaseflowCli;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class DemoCommandTest {

    @Test
    void the_demo_runs_its_orders_to_the_end_and_reports_services_and_throughput(@TempDir Path dir) {
        StringWriter out = new StringWriter();
        CommandLine cli = CaseflowCli.commandLine();
        cli.setOut(new PrintWriter(out));
        int exit = cli.execute("demo", "--processes", "40", "--db", dir.toString(), "--seed", "3");
        String text = out.toString();
        assertThat(exit).as(text).isZero();
        assertThat(text).contains("all orders ended", "completed", "duplicates dropped", "warehouse", "payments", "shipping",
                "transitions/s");
        assertThat(cli.getSubcommands()).containsKey("demo");
    }
}
