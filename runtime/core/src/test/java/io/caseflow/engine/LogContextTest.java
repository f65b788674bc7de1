package io.caseflow.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.caseflow.CaseflowRuntime;
import io.caseflow.definition.CaseDefinition;
import io.caseflow.definition.CaseKey;
import io.caseflow.definition.StageDefinition;
import io.caseflow.handler.HandlerRegistry;
import io.caseflow.process.ProcessStatus;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.MDC;

/** Log lines written while a stage runs, the handler's own included, carry the process, case and stage. */
class LogContextTest {
    @TempDir
    Path dir;

    @Test
    void a_handler_logs_with_the_process_case_and_stage_in_its_context() {
        Map<String, Map<String, String>> seen = new ConcurrentHashMap<>();
        HandlerRegistry handlers = new HandlerRegistry().register("look", ctx -> {
            seen.put(ctx.processId(), MDC.getCopyOfContextMap());
            return ctx.next();
        });
        CaseKey key = new CaseKey("logs", "v1");
        try (CaseflowRuntime runtime = CaseflowRuntime.builder().h2File(dir.resolve("db")).handlers(handlers).build().start()) {
            runtime.deploy(CaseDefinition.builder(key.name(), key.api())
                    .stage(StageDefinition.task("look", "look")).stage(StageDefinition.end("done")).transition("look", "done").build());
            String id = runtime.startProcess(key, Map.of()).id();
            await().atMost(Duration.ofSeconds(20)).until(() -> runtime.process(id).status() == ProcessStatus.COMPLETED);
            assertThat(seen.get(id)).containsEntry(LogContext.PROCESS_ID, id).containsEntry(LogContext.CASE, "logs/v1 v1")
                    .containsEntry(LogContext.STAGE, "look");
        }
    }
}
