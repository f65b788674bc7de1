package io.caseflow.handler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.caseflow.CaseflowRuntime;
import io.caseflow.definition.CaseDefinition;
import io.caseflow.definition.CaseKey;
import io.caseflow.definition.StageDefinition;
import io.caseflow.process.ProcessSnapshot;
import io.caseflow.process.ProcessStatus;
import io.caseflow.process.StageRun;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HandlerRegistryTest {
    private static final StageHandler NEXT = StageContext::next;

    @Test
    void a_registered_handler_wins_over_the_fallback() {
        StageHandler fallback = ctx -> ctx.fail("fallback");
        HandlerRegistry registry = new HandlerRegistry().register("known", NEXT).fallback(fallback);

        assertThat(registry.find("known")).containsSame(NEXT);
        assertThat(registry.find("anything.else")).containsSame(fallback);
    }

    @Test
    void without_a_fallback_an_unknown_name_finds_nothing() {
        assertThat(new HandlerRegistry().register("known", NEXT).find("unknown")).isEmpty();
    }

    @Test
    void the_fallback_adds_no_name() {
        HandlerRegistry registry = new HandlerRegistry().fallback(NEXT);

        assertThat(registry.names()).isEmpty();
        assertThat(registry.contains("anything")).isFalse();
    }

    @Test
    void a_runtime_with_only_a_fallback_deploys_any_handler_names_and_runs_them_through_it(@TempDir Path dir) {
        List<String> ran = new CopyOnWriteArrayList<>();
        HandlerRegistry simulated = new HandlerRegistry().fallback(ctx -> {
            ran.add(ctx.stage());
            return ctx.next();
        });
        CaseKey key = new CaseKey("simulated", "v1");
        try (CaseflowRuntime runtime = CaseflowRuntime.builder().h2File(dir.resolve("db")).handlers(simulated).build().start()) {
            runtime.deploy(CaseDefinition.builder(key.name(), key.api())
                    .stage(StageDefinition.task("check", "nobody.wrote.this"))
                    .stage(StageDefinition.task("approve", "nor.this"))
                    .stage(StageDefinition.end("done"))
                    .transition("check", "approve")
                    .transition("approve", "done")
                    .build());
            ProcessSnapshot p = runtime.startProcess(key, Map.of());

            await().atMost(Duration.ofSeconds(20)).until(() -> runtime.process(p.id()).status() == ProcessStatus.COMPLETED);
            assertThat(runtime.history(p.id())).extracting(StageRun::stage).containsExactly("check", "approve", "done");
            assertThat(ran).containsExactly("check", "approve");
        }
    }
}
