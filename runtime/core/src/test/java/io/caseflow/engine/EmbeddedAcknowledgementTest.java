package io.caseflow.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.zaxxer.hikari.HikariDataSource;
import io.caseflow.CaseflowRuntime;
import io.caseflow.definition.CaseDefinition;
import io.caseflow.definition.StageDefinition;
import io.caseflow.handler.HandlerRegistry;
import io.caseflow.process.ProcessSnapshot;
import io.caseflow.process.ProcessStatus;
import io.caseflow.store.Database;
import io.caseflow.service.CommandResult;
import io.caseflow.service.IdempotentInbox;
import io.caseflow.service.ServiceEndpoint;
import io.caseflow.testing.ServiceDatabase;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * On the embedded transport a stage's message is a row of the engine's own store, and the commit that handles it
 * deletes it in the same transaction: one durable write settles a hop, not two (the commit, then the
 * acknowledgement), and a crash between them cannot bring the message back. A service's reply likewise deletes the
 * request it answers.
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
                    .isBetween((long) PROCESSES * WRITES_PER_PROCESS, (long) PROCESSES * WRITES_PER_PROCESS + 2);
        }
        assertOutboxEmpty(file);
    }

    @Test
    void a_service_call_is_answered_and_its_request_deleted_in_one_transaction() throws Exception {
        HandlerRegistry handlers = new HandlerRegistry();
        handlers.register("order", ctx -> ctx.callService(Map.of("amount", 10)));
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        String payments = "payments";
        CaseDefinition definition = CaseDefinition.builder("acks-service", "v1")
                .stage(StageDefinition.task("a", null))
                .stage(StageDefinition.service("pay", "order", payments, "charge"))
                .stage(StageDefinition.end("done"))
                .transition("a", "pay")
                .transition("pay", "done", "ok")
                .build();
        Path file = dir.resolve("runtime");
        try (HikariDataSource paymentsDb = ServiceDatabase.open(dir.resolve("payments"));
             CaseflowRuntime runtime = CaseflowRuntime.builder().h2File(file).handlers(handlers).meterRegistry(meters)
                     .workerThreads(2).build().start()) {
            IdempotentInbox inbox = IdempotentInbox.create(paymentsDb, ServiceDatabase.url(dir.resolve("payments")), Clock.systemUTC());
            runtime.attach(ServiceEndpoint.builder(payments, inbox)
                    .command("charge", (tx, request) -> CommandResult.ok(Map.of("receipt", "R-" + request.payload().path("amount"))))
                    .build(), 1);
            runtime.deploy(definition);
            long before = meters.get("caseflow.commit.batch").timer().count();
            for (int i = 0; i < PROCESSES; i++) {
                ProcessSnapshot started = runtime.startProcess(definition.key(), Map.of("n", i));
                await().atMost(Duration.ofSeconds(20)).until(() -> runtime.process(started.id()).status() == ProcessStatus.COMPLETED);
                assertThat(runtime.process(started.id()).results().path("pay").path("receipt").asText()).isEqualTo("R-10");
            }
            long transactions = meters.get("caseflow.commit.batch").timer().count() - before;
            // The start, stage a, stage pay (its commit writes the request), the reply (deleting the request), pay on the
            // reply, done. With a separate acknowledgement of the request, 7.
            int writes = 6;
            assertThat(transactions).as("group-commit transactions for %d processes with a service call, one at a time", PROCESSES)
                    .isBetween((long) PROCESSES * writes, (long) PROCESSES * writes + 2);
        }
        assertOutboxEmpty(file);
    }

    private static void assertOutboxEmpty(Path file) throws Exception {
        try (Connection connection = DriverManager.getConnection(Database.h2File(file));
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM outbox")) {
            rows.next();
            assertThat(rows.getLong(1)).as("outbox rows left after every process completed").isZero();
        }
    }
}
