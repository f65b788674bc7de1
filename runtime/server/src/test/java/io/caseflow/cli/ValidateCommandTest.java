package io.caseflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ValidateCommandTest {
    @TempDir
    Path dir;

    private record Run(int exit, String out, String err) {
    }

    private Run caseflow(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = CaseflowCli.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int exit = cli.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void a_valid_file_is_ok() throws Exception {
        Path file = Files.writeString(dir.resolve("ok.case.json"), """
                {"name": "c", "api": "v1", "startStage": "a",
                 "stages": [{"name": "a", "handler": "h"}, {"name": "z", "kind": "end"}],
                 "transitions": [{"from": "a", "to": "z"}]}""");
        Run run = caseflow("validate", file.toString());
        assertThat(run.exit()).isZero();
        assertThat(run.out()).contains("OK " + file + ": case c/v1, 2 stages, 1 transitions");
    }

    @Test
    void problems_are_printed_one_a_line_and_fail_the_command() throws Exception {
        Path file = Files.writeString(dir.resolve("bad.case.json"), """
                {"name": "c", "api": "v1", "startStage": "a",
                 "stages": [{"name": "a", "handler": "h"}, {"name": "b", "kind": "service"}],
                 "transitions": [{"from": "a", "to": "nowhere"}]}""");
        Run run = caseflow("validate", file.toString());
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out()).contains("ERROR " + file + ": transition #1 (a → nowhere): it leads to 'nowhere', which is not a stage")
                .contains("stage 'b': a service stage needs a service")
                .contains("the case has no end stage");
    }

    @Test
    void a_malformed_file_gives_line_and_column_not_a_stack_trace() throws Exception {
        Path file = Files.writeString(dir.resolve("broken.case.json"), "{\n \"name\": \"c\",,\n}");
        Run run = caseflow("validate", file.toString());
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out()).startsWith("ERROR " + file + ":2:").doesNotContain("Exception", "\tat ");
    }

    @Test
    void every_command_has_help() {
        for (String command : new String[] {"validate", "server", "worker", "deploy", "processes"}) {
            Run run = caseflow(command, "--help");
            assertThat(run.exit()).as(command).isZero();
            assertThat(run.out()).as(command).contains("Usage: caseflow " + command);
        }
        assertThat(caseflow("--help").out()).contains("validate", "server", "worker", "deploy", "processes")
                .doesNotContain("bench"); // the benchmark ships only in caseflow-bench.jar
    }
}
