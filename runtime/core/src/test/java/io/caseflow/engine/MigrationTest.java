package io.caseflow.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.zaxxer.hikari.HikariDataSource;
import io.caseflow.CaseflowRuntime;
import io.caseflow.definition.CaseDefinition;
import io.caseflow.definition.CaseKey;
import io.caseflow.definition.StageDefinition;
import io.caseflow.handler.HandlerRegistry;
import io.caseflow.process.MigrationOutcome;
import io.caseflow.process.MigrationReport;
import io.caseflow.process.ProcessSnapshot;
import io.caseflow.process.ProcessStatus;
import io.caseflow.service.CommandResult;
import io.caseflow.service.IdempotentInbox;
import io.caseflow.service.ServiceEndpoint;
import io.caseflow.testing.ServiceDatabase;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Processes of v1 move to v2 with a stage mapping, keep waiting for the same reply, and finish on v2. */
class MigrationTest {
    private static final CaseKey KEY = new CaseKey("orders", "v1");
    private static final Duration PATIENCE = Duration.ofSeconds(20);

    @TempDir
    Path dir;
    private CaseflowRuntime runtime;
    private HikariDataSource serviceDb;

    @BeforeEach
    void start() {
        HandlerRegistry handlers = new HandlerRegistry()
                .register("check", ctx -> ctx.input().path("bad").asBoolean() ? ctx.failPermanently("bad order") : ctx.next())
                .register("ask", ctx -> ctx.callService(Map.of("order", ctx.input().path("n").asInt())));
        runtime = CaseflowRuntime.builder().h2File(dir.resolve("db")).handlers(handlers).build().start();
    }

    @AfterEach
    void stop() {
        runtime.close();
        if (serviceDb != null) {
            serviceDb.close();
        }
    }

    /** v1: check → reserve (a service stage) → done. */
    private static CaseDefinition v1() {
        return CaseDefinition.builder(KEY.name(), KEY.api())
                .stage(StageDefinition.task("check", "check"))
                .stage(StageDefinition.service("reserve", "ask", "stock", "reserve"))
                .stage(StageDefinition.end("done"))
                .transition("check", "reserve")
                .transition("reserve", "done")
                .build();
    }

    /** v2: the service stage is called "hold" now, and a reply ends in "held". */
    private static CaseDefinition v2() {
        return CaseDefinition.builder(KEY.name(), KEY.api())
                .stage(StageDefinition.task("check", "check"))
                .stage(StageDefinition.service("hold", "ask", "stock", "reserve"))
                .stage(StageDefinition.end("held"))
                .transition("check", "hold")
                .transition("hold", "held")
                .build();
    }

    private void answerStock() {
        serviceDb = ServiceDatabase.open(dir.resolve("stock"));
        IdempotentInbox inbox = IdempotentInbox.create(serviceDb, ServiceDatabase.url(dir.resolve("stock")), Clock.systemUTC());
        runtime.attach(ServiceEndpoint.builder("stock", inbox)
                .command("reserve", (tx, request) -> CommandResult.ok(Map.of("reserved", true))).build(), 1);
    }

    @Test
    void waiting_processes_move_to_the_mapped_stage_and_finish_on_the_new_version() {
        runtime.deploy(v1());
        List<String> waiting = new ArrayList<>();
        for (int n = 0; n < 5; n++) {
            waiting.add(runtime.startProcess(KEY, Map.of("n", n)).id());
        }
        String failed = runtime.startProcess(KEY, Map.of("bad", true)).id();
        await().atMost(PATIENCE).until(() -> waiting.stream().allMatch(id -> runtime.process(id).status() == ProcessStatus.WAITING)
                && runtime.process(failed).status() == ProcessStatus.FAILED);
        runtime.deploy(v2());

        MigrationReport preview = runtime.migrate(KEY, 1, 2, Map.of("reserve", "hold"), true, 100);
        assertThat(preview.count(MigrationOutcome.Status.WOULD_MOVE)).isEqualTo(6);
        assertThat(runtime.process(waiting.get(0)).caseVersion()).as("a dry run changes nothing").isEqualTo(1);

        MigrationReport moved = runtime.migrate(KEY, 1, 2, Map.of("reserve", "hold"), false, 100);
        assertThat(moved.count(MigrationOutcome.Status.MOVED)).isEqualTo(6);
        for (String id : waiting) {
            ProcessSnapshot p = runtime.process(id);
            assertThat(p.caseVersion()).isEqualTo(2);
            assertThat(p.currentStage()).isEqualTo("hold");
            assertThat(p.status()).isEqualTo(ProcessStatus.WAITING);
        }
        assertThat(runtime.process(failed).caseVersion()).isEqualTo(2);

        answerStock(); // the replies to the requests sent under v1 finish the processes on v2
        await().atMost(PATIENCE).until(() -> waiting.stream().allMatch(id -> runtime.process(id).status() == ProcessStatus.COMPLETED));
        assertThat(waiting).allSatisfy(id -> assertThat(runtime.process(id).currentStage()).isEqualTo("held"));

        // Repeating the migration is harmless: nothing is left on v1, and a moved process stays where it is.
        assertThat(runtime.migrate(KEY, 1, 2, Map.of("reserve", "hold"), false, 100).outcomes()).isEmpty();
        assertThat(runtime.migrate(KEY, 1, 2, Map.of(), false, 100).outcomes()).isEmpty();
    }

    @Test
    void a_process_whose_stage_has_no_mapping_is_refused_and_left_as_it_was() {
        runtime.deploy(v1());
        String id = runtime.startProcess(KEY, Map.of("n", 1)).id();
        await().atMost(PATIENCE).until(() -> runtime.process(id).status() == ProcessStatus.WAITING);
        ProcessSnapshot before = runtime.process(id);
        runtime.deploy(v2());

        MigrationReport report = runtime.migrate(KEY, 1, 2, Map.of(), false, 100);
        assertThat(report.outcomes()).singleElement().satisfies(o -> {
            assertThat(o.status()).isEqualTo(MigrationOutcome.Status.REFUSED);
            assertThat(o.reason()).contains("'reserve' has no mapping").contains("v2 has no stage 'reserve'");
        });
        assertThat(runtime.process(id)).isEqualTo(before);

        MigrationReport wrongKind = runtime.migrate(KEY, 1, 2, Map.of("reserve", "check"), false, 100);
        assertThat(wrongKind.outcomes().get(0).reason()).contains("is not a service stage");
        assertThat(runtime.process(id)).isEqualTo(before);

        assertThatThrownBy(() -> runtime.migrate(KEY, 2, 1, Map.of(), false, 100)).hasMessageContaining("newer version");
        MigrationOutcome again = runtime.migrate(KEY, 1, 2, Map.of("reserve", "hold"), false, 100).outcomes().get(0);
        assertThat(again.status()).isEqualTo(MigrationOutcome.Status.MOVED);
    }
}
