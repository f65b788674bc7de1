package io.caseflow.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.caseflow.CaseflowRuntime;
import io.caseflow.definition.CaseDefinition;
import io.caseflow.definition.CaseKey;
import io.caseflow.definition.StageDefinition;
import io.caseflow.handler.HandlerRegistry;
import io.caseflow.http.ApiTokens;
import io.caseflow.http.HttpApi;
import io.caseflow.process.ProcessStatus;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code caseflow processes migrate} against a real server: preview, move, refuse, repeat. */
class MigrateCommandTest {
    private static final String ADMIN = "admin-token-0123456789";
    private static final String READER = "reader-token-0123456789";
    private static final CaseKey KEY = new CaseKey("orders", "v1");

    @TempDir
    Path dir;
    private CaseflowRuntime runtime;
    private HttpApi api;
    private final List<String> ids = new ArrayList<>();

    @BeforeEach
    void start() {
        HandlerRegistry handlers = new HandlerRegistry().register("check", ctx -> ctx.next())
                .register("ask", ctx -> ctx.callService(Map.of()));
        runtime = CaseflowRuntime.builder().h2File(dir.resolve("db")).handlers(handlers).build().start();
        api = HttpApi.start(runtime, new ApiTokens(ADMIN, READER), () -> "", "127.0.0.1", 0);
        runtime.deploy(version("reserve", "done"));
        for (int i = 0; i < 3; i++) {
            ids.add(runtime.startProcess(KEY, Map.of("n", i)).id());
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> ids.stream().allMatch(id -> runtime.process(id).status() == ProcessStatus.WAITING));
        runtime.deploy(version("hold", "held"));
    }

    @AfterEach
    void stop() {
        api.close();
        runtime.close();
    }

    private static CaseDefinition version(String serviceStage, String end) {
        return CaseDefinition.builder(KEY.name(), KEY.api())
                .stage(StageDefinition.task("check", "check"))
                .stage(StageDefinition.service(serviceStage, "ask", "stock", "reserve"))
                .stage(StageDefinition.end(end))
                .transition("check", serviceStage)
                .transition(serviceStage, end)
                .build();
    }

    private record Run(int exit, String out) {
    }

    private Run caseflow(String token, String... args) {
        CommandLine cli = CaseflowCli.commandLine();
        StringWriter out = new StringWriter();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(out));
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--server", "http://127.0.0.1:" + api.port(), "--token", token));
        int exit = cli.execute(all.toArray(String[]::new));
        return new Run(exit, out.toString());
    }

    @Test
    void a_preview_then_a_move_then_a_harmless_repeat() {
        Run refused = caseflow(ADMIN, "processes", "migrate", "--case", "orders/v1", "--from", "1", "--to", "2");
        assertThat(refused.exit()).isZero();
        assertThat(refused.out()).contains("REFUSED", "'reserve' has no mapping", "0 moved, 3 refused");

        Run preview = caseflow(ADMIN, "processes", "migrate", "--case", "orders/v1", "--from", "1", "--to", "2", "--map", "reserve=hold",
                "--dry-run");
        assertThat(preview.out()).contains("WOULD_MOVE", "v1 reserve -> v2 hold", "3 would move, 0 refused");
        assertThat(ids).allSatisfy(id -> assertThat(runtime.process(id).caseVersion()).isEqualTo(1));

        Run moved = caseflow(ADMIN, "processes", "migrate", "--case", "orders/v1", "--from", "1", "--to", "2", "--map", "reserve=hold");
        assertThat(moved.out()).contains("3 moved, 0 refused");
        assertThat(ids).allSatisfy(id -> assertThat(runtime.process(id).currentStage()).isEqualTo("hold"));

        Run again = caseflow(ADMIN, "processes", "migrate", "--case", "orders/v1", "--from", "1", "--to", "2", "--map", "reserve=hold");
        assertThat(again.out()).contains("0 moved, 0 refused, 0 already on the target version");
    }

    @Test
    void bad_requests_say_what_is_wrong_and_a_read_only_token_cannot_migrate() {
        assertThat(caseflow(ADMIN, "processes", "migrate", "--case", "orders/v1", "--from", "1", "--to", "9").out())
                .contains("has no version 9");
        assertThat(caseflow(ADMIN, "processes", "migrate", "--case", "orders/v1", "--from", "2", "--to", "1").out())
                .contains("newer version");
        assertThat(caseflow(ADMIN, "processes", "migrate", "--case", "orders", "--from", "1", "--to", "2").out())
                .contains("is not CASE/API");
        Run readOnly = caseflow(READER, "processes", "migrate", "--case", "orders/v1", "--from", "1", "--to", "2");
        assertThat(readOnly.exit()).isEqualTo(1);
        assertThat(readOnly.out()).contains("read-only");
        assertThat(ids).allSatisfy(id -> assertThat(runtime.process(id).caseVersion()).isEqualTo(1));
    }
}
