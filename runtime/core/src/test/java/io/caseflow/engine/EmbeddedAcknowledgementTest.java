package io.caseflow.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.caseflow.CaseflowRuntime;
import io.caseflow.definition.CaseDefinition;
import io.caseflow.definition.StageDefinition;
import io.caseflow.handler.HandlerRegistry;
import io.caseflow.process.ProcessSnapshot;
import io.caseflow.process.ProcessStatus;
import io.caseflow.store.Database;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * On the embedded transport a stage's message is a row of the engine's own store, and the commit that handles it
 * deletes it in the same transaction: one durable write settles a hop, not two (the commit, then the
 * acknowledgement), and a crash between them cannot bring the message back.
 */
class EmbeddedAcknowledgementTest {
    private static final int PROCESSES = 20;
    /** A start, then a transition per stage: three tasks and the end. */
    private static final int WRITES_PER_PROCESS = 1 + 4;

    @TempDir
    Path dir;

    @Test
    void each_hop_is_one_transaction_and_no_handled_message_is_left_in_the_outbox() throws Exception {
        HandlerRegistry handlers = new HandlerRegistry();
        handlers.register("step", ctx -> ctx.next());
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        CaseDefinition definition = CaseDefinition.builder("acks", "v1")
                .stage(StageDefinition.task("a", "step"))
                .stage(StageDefinition.task("b", "step"))
                .stage(StageDefinition.task("c", "step"))
                .stage(StageDefinition.end("done"))
                .transition("a", "b")
                .transition("b", "c")
                .transition("c", "done")
                .build();
        Path file = dir.resolve("runtime");
        try (CaseflowRuntime runtime = CaseflowRuntime.builder().h2File(file).handlers(handlers).meterRegistry(meters)
                .workerThreads(2).build().start()) {
            runtime.deploy(definition);
            long before = meters.get("caseflow.commit.batch").timer().count();
            for (int i = 0; i < PROCESSES; i++) { // one at a time: nothing else shares a transaction
                ProcessSnapshot started = runtime.startProcess(definition.key(), Map.of("n", i));
                await().atMost(Duration.ofSeconds(20)).until(() -> runtime.process(started.id()).status() == ProcessStatus.COMPLETED);
            }
            long transactions = meters.get("caseflow.commit.batch").timer().count() - before;
            // With a separate acknowledgement per hop this was about twice as many.
            assertThat(transactions).as("group-commit transactions for %d processes one at a time", PROCESSES)
                    .isBetween((long) PROCESSES * WRITES_PER_PROCESS, (long) PROCESSES * WRITES_PER_PROCESS + 5);
        }
        try (Connection connection = DriverManager.getConnection(Database.h2File(file));
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM outbox")) {
            rows.next();
            assertThat(rows.getLong(1)).as("outbox rows left after every process completed").isZero();
        }
    }
}
