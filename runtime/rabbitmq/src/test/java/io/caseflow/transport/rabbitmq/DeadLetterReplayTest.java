package io.caseflow.transport.rabbitmq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.caseflow.CaseflowRuntime;
import io.caseflow.definition.CaseDefinition;
import io.caseflow.definition.CaseKey;
import io.caseflow.definition.StageDefinition;
import io.caseflow.handler.HandlerRegistry;
import io.caseflow.message.DeadLetter;
import io.caseflow.process.ProcessSnapshot;
import io.caseflow.process.ProcessStatus;
import io.caseflow.store.DeadLetterStore;
import io.caseflow.store.OutboxStore;
import io.caseflow.testing.ExternalServices;
import io.caseflow.testing.RabbitRuntimes;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A dead letter replayed on RabbitMQ and PostgreSQL goes back to its queue once, and the engine treats it like the original. */
class DeadLetterReplayTest {
    private static final CaseKey KEY = new CaseKey("replayOrders", "v1");

    @Test
    void a_replayed_stale_message_reaches_its_queue_once_and_is_dropped_by_the_step_fence() {
        HandlerRegistry handlers = new HandlerRegistry().register("check", ctx -> ctx.failPermanently("card issuer did not answer"));
        try (CaseflowRuntime runtime = RabbitRuntimes.onRabbitMqAndPostgres(CaseflowRuntime.builder().handlers(handlers), true).build().start()) {
            runtime.deploy(CaseDefinition.builder(KEY.name(), KEY.api()).stage(StageDefinition.task("check", "check"))
                    .stage(StageDefinition.end("done")).transition("check", "done").build());
            String id = runtime.startProcess(KEY, Map.of()).id();
            await().atMost(Duration.ofSeconds(20)).until(() -> runtime.process(id).status() == ProcessStatus.FAILED);
            ProcessSnapshot failed = runtime.process(id);
            String queue = runtime.installation().innerQ(KEY);
            OutboxStore outbox = new OutboxStore(runtime.database(), runtime.clock());
            outbox.deadLetter(queue, "redelivered", "kept crashing its consumer",
                    "{\"type\":\"stageDue\",\"processId\":\"" + id + "\",\"step\":0,\"stage\":\"check\"}", id);
            DeadLetterStore letters = new DeadLetterStore(runtime.database(), runtime.clock());
            long letter = letters.list(DeadLetter.DEAD, "redelivered", 1).get(0).id();

            assertThat(letters.replay(letter, "test").outcome()).isEqualTo(DeadLetterStore.Outcome.SETTLED);
            assertThat(letters.replay(letter, "test").outcome()).isEqualTo(DeadLetterStore.Outcome.ALREADY_SETTLED);

            await().atMost(Duration.ofSeconds(20)).until(() -> runtime.metrics().duplicatesByReason().getOrDefault("stale_step", 0L) == 1L);
            await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() ->
                    runtime.metrics().duplicatesByReason().getOrDefault("stale_step", 0L) == 1L && outbox.pendingCount() == 0);
            assertThat(runtime.process(id).step()).as("the stale copy moved nothing").isEqualTo(failed.step());
        } finally {
            ExternalServices.deleteQueues(List.of(ExternalServices.testInstallation().innerQ(KEY), ExternalServices.testInstallation().serviceQ(KEY)));
        }
    }
}
