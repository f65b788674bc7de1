package io.caseflow.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.zaxxer.hikari.HikariDataSource;
import io.caseflow.process.ActionResult;
import io.caseflow.CaseflowRuntime;
import io.caseflow.definition.CaseDefinition;
import io.caseflow.definition.CaseKey;
import io.caseflow.definition.RetryPolicy;
import io.caseflow.definition.StageDefinition;
import io.caseflow.handler.HandlerRegistry;
import io.caseflow.process.FailureKind;
import io.caseflow.process.ProcessSnapshot;
import io.caseflow.process.ProcessStatus;
import io.caseflow.process.StageRun;
import io.caseflow.process.StageRunStatus;
import io.caseflow.service.CommandResult;
import io.caseflow.service.IdempotentInbox;
import io.caseflow.service.ServiceEndpoint;
import io.caseflow.process.IdempotencyConflictException;
import io.caseflow.testing.ServiceDatabase;
import io.caseflow.validation.InvalidDefinitionException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the runtime promises, run on every store and transport: {@link EmbeddedRuntimeTest} (H2 + the
 * embedded transport) and {@link RabbitRuntimeTest} (PostgreSQL + RabbitMQ).
 */
abstract class RuntimeContractTest {
    /** Case and service names unique per test, so tests sharing a broker never see each other's queues. */
    protected final String suffix = "-" + java.util.UUID.randomUUID().toString().substring(0, 8);
    protected final CaseKey KEY = new CaseKey("orders" + suffix, "v1");
    private final CaseKey HANDED = new CaseKey("handed" + suffix, "v1"); // a case of its own test, its queues cleaned up too
    private final CaseKey FORWARDED = new CaseKey("forwarded" + suffix, "v1"); // likewise
    protected final String payments = "payments" + suffix;

    @TempDir
    Path dir;
    private final HandlerRegistry handlers = new HandlerRegistry();
    private final AtomicInteger flakyCalls = new AtomicInteger();
    private volatile boolean paymentsAnswer = true;
    private CaseflowRuntime runtime;
    private HikariDataSource paymentsDb;

    @BeforeEach
    void start() {
        handlers.register("validate", ctx -> {
            ctx.data().put("validated", true);
            return ctx.input().path("amount").asInt() > 0 ? ctx.next() : ctx.failPermanently("amount must be positive");
        });
        handlers.register("charge", ctx -> ctx.callService(Map.of("amount", ctx.input().path("amount").asInt())));
        handlers.register("ship", ctx -> ctx.next("next", Map.of("paidWith", ctx.reply().orElseThrow().path("receipt").asText())));
        handlers.register("branchToNowhere", ctx -> ctx.next("teleport"));
        // Changes in place everything it is handed. Only the data is the handler's to change (its changes are committed);
        // the rest must reach neither what the store keeps nor the next stage.
        handlers.register("tamper", ctx -> {
            ((ObjectNode) ctx.input().path("order")).put("amount", -1);
            ((ObjectNode) ctx.data().get("notes").orElseThrow()).put("by", "tamper");
            ctx.data().get("notes", ObjectNode.class).orElseThrow().put("twice", true);
            ((ObjectNode) ctx.result("validate").orElseThrow()).put("checked", false);
            ctx.results().values().forEach(result -> ((ObjectNode) result).removeAll());
            return ctx.next("next", Map.of("tampered", true));
        });
        handlers.register("inspect", ctx -> ctx.next("next", Map.of("input", ctx.input(), "notes", ctx.data().get("notes").orElseThrow(),
                "validate", ctx.result("validate").orElseThrow())));
        handlers.register("note", ctx -> {
            ctx.data().put("notes", Map.of("by", "note"));
            return ctx.next("next", Map.of("checked", true));
        });
        handlers.register("noteOddities", ctx -> {
            ctx.data().put("text", ODD_TEXT);
            ctx.data().put("amount", new java.math.BigDecimal("12.50"));
            ctx.data().put("items", List.of(Map.of("sku", "a-1", "qty", 2), Map.of("sku", "b-2", "tags", List.of())));
            return ctx.next();
        });
        handlers.register("flaky", ctx -> {
            if (flakyCalls.incrementAndGet() <= 2) {
                throw new IllegalStateException("flaky failure #" + flakyCalls.get());
            }
            return ctx.next();
        });
        handlers.register("hang", ctx -> {
            Thread.sleep(60_000);
            return ctx.next();
        });
        runtime = configure(CaseflowRuntime.builder()).handlers(handlers).workerThreads(4).build().start();
        paymentsDb = ServiceDatabase.open(dir.resolve("payments"));
        IdempotentInbox inbox = IdempotentInbox.create(paymentsDb, ServiceDatabase.url(dir.resolve("payments")), Clock.systemUTC());
        runtime.attach(ServiceEndpoint.builder(payments, inbox)
                .command("echo", (tx, request) -> CommandResult.ok(Map.of("received", request.payload())))
                .command("charge", (tx, request) -> {
                    if (!paymentsAnswer) {
                        throw new IllegalStateException("payments is down");
                    }
                    int amount = request.payload().path("amount").asInt();
                    return amount > 100
                            ? CommandResult.outcome("declined", Map.of("reason", "limit"))
                            : CommandResult.ok(Map.of("receipt", "R-" + amount));
                })
                .build(), 2);
    }

    /** The store and transport under test. */
    protected abstract CaseflowRuntime.Builder configure(CaseflowRuntime.Builder builder);

    /** Queues the test used, for transports that keep them. */
    protected List<String> queuesUsed() {
        List<String> queues = new ArrayList<>(List.of(runtime.installation().serviceRequests(payments)));
        for (CaseKey key : List.of(KEY, HANDED, FORWARDED)) {
            queues.add(runtime.installation().innerQ(key));
            queues.add(runtime.installation().serviceQ(key));
        }
        return queues;
    }

    protected void cleanUp() {
    }

    @AfterEach
    void stop() {
        runtime.close();
        paymentsDb.close();
        cleanUp();
    }

    private CaseDefinition orderCase() {
        return CaseDefinition.builder(KEY.name(), KEY.api())
                .stage(StageDefinition.task("validate", "validate"))
                .stage(StageDefinition.service("charge", "charge", payments, "charge").withReplyTimeout(Duration.ofSeconds(30)))
                .stage(StageDefinition.task("ship", "ship"))
                .stage(StageDefinition.task("release", null))
                .stage(StageDefinition.end("done"))
                .stage(StageDefinition.end("cancelled"))
                .transition("validate", "charge")
                .transition("charge", "ship", "ok")
                .transition("charge", "release", "declined")
                .transition("ship", "done")
                .transition("release", "cancelled")
                .build();
    }

    @Test
    void a_handler_that_changes_what_it_was_handed_changes_neither_history_nor_the_next_stage() {
        CaseKey key = HANDED;
        runtime.deploy(CaseDefinition.builder(key.name(), key.api())
                .stage(StageDefinition.task("validate", "note"))
                .stage(StageDefinition.task("tamper", "tamper"))
                .stage(StageDefinition.task("inspect", "inspect"))
                .stage(StageDefinition.end("done"))
                .transition("validate", "tamper")
                .transition("tamper", "inspect")
                .transition("inspect", "done")
                .build());
        ProcessSnapshot started = runtime.startProcess(key, Map.of("order", Map.of("amount", 40)));

        ProcessSnapshot done = awaitStatus(started.id(), ProcessStatus.COMPLETED);
        JsonNode seen = done.results().path("inspect");
        assertThat(seen.path("input").path("order").path("amount").asInt()).isEqualTo(40);
        assertThat(seen.path("validate").path("checked").asBoolean()).isTrue();
        assertThat(seen.path("notes").path("by").asText()).as("a data value changed in place is committed").isEqualTo("tamper");
        assertThat(seen.path("notes").path("twice").asBoolean()).isTrue();
        assertThat(done.input().path("order").path("amount").asInt()).isEqualTo(40);
        assertThat(done.data().path("notes").path("by").asText()).isEqualTo("tamper");
        assertThat(done.results().path("validate").path("checked").asBoolean()).isTrue();
        assertThat(done.results().path("tamper").path("tampered").asBoolean()).isTrue();
        assertThat(runtime.history(started.id()).get(0).output().path("checked").asBoolean()).isTrue();
    }

    private static final String ODD_TEXT = "quote \" backslash \\ tab \t line\n snowman \u2603 emoji \ud83d\ude00 </script>";

    @Test
    void a_service_stage_without_a_handler_sends_the_process_data_as_its_request() {
        runtime.deploy(CaseDefinition.builder(FORWARDED.name(), FORWARDED.api())
                .stage(StageDefinition.task("note", "noteOddities"))
                .stage(StageDefinition.service("forward", null, payments, "echo").withReplyTimeout(Duration.ofSeconds(30)))
                .stage(StageDefinition.end("done"))
                .transition("note", "forward")
                .transition("forward", "done", "ok")
                .build());
        ProcessSnapshot started = runtime.startProcess(FORWARDED, Map.of("n", 1));

        ProcessSnapshot done = awaitStatus(started.id(), ProcessStatus.COMPLETED);
        JsonNode received = done.results().path("forward").path("received");
        assertThat(received).isEqualTo(done.data().asObject()); // what the service was sent: every field, as the data holds it
        assertThat(received.path("text").asText()).isEqualTo(ODD_TEXT);
        assertThat(received.path("amount").decimalValue()).isEqualByComparingTo("12.50");
        assertThat(received.path("items").get(1).path("tags").isArray()).isTrue();
        assertThat(runtime.history(started.id())).extracting(StageRun::stage).containsExactly("note", "forward", "done");
    }

    private ProcessSnapshot awaitStatus(String id, ProcessStatus status) {
        await().atMost(Duration.ofSeconds(20)).until(() -> runtime.process(id).status() == status);
        return runtime.process(id);
    }

    @Test
    void a_case_runs_end_to_end_through_a_service_call_and_branches_on_the_reply() {
        runtime.deploy(orderCase());
        ProcessSnapshot paid = runtime.startProcess(KEY, Map.of("amount", 40));
        ProcessSnapshot declined = runtime.startProcess(KEY, Map.of("amount", 400));

        ProcessSnapshot done = awaitStatus(paid.id(), ProcessStatus.COMPLETED);
        assertThat(done.currentStage()).isEqualTo("done");
        assertThat(done.results().path("charge").path("receipt").asText()).isEqualTo("R-40");
        assertThat(done.results().path("ship").path("paidWith").asText()).isEqualTo("R-40");
        assertThat(done.data().path("validated").asBoolean()).isTrue();
        assertThat(runtime.history(paid.id())).extracting(StageRun::stage).containsExactly("validate", "charge", "ship", "done");
        assertThat(runtime.history(paid.id())).allMatch(r -> r.status() == StageRunStatus.COMPLETED);
        assertThat(runtime.history(paid.id()).get(1).taskId()).isNotBlank();

        ProcessSnapshot other = awaitStatus(declined.id(), ProcessStatus.COMPLETED);
        assertThat(other.currentStage()).isEqualTo("cancelled");
        assertThat(runtime.history(declined.id())).extracting(StageRun::stage)
                .containsExactly("validate", "charge", "release", "cancelled");
    }

    @Test
    void choosing_an_edge_the_definition_lacks_fails_the_stage_naming_case_stage_and_edge() {
        runtime.deploy(CaseDefinition.builder(KEY.name(), KEY.api())
                .stage(StageDefinition.task("route", "branchToNowhere"))
                .stage(StageDefinition.end("done"))
                .transition("route", "done")
                .build());
        ProcessSnapshot p = runtime.startProcess(KEY, Map.of());
        ProcessSnapshot failed = awaitStatus(p.id(), ProcessStatus.FAILED);
        assertThat(failed.failure().kind()).isEqualTo(FailureKind.MISSING_TRANSITION);
        assertThat(failed.failure().message()).contains(KEY.toString(), "'route'", "'teleport'", "route → done");
        assertThat(runtime.history(p.id())).hasSize(1); // not retried: a missing edge is a definition bug
    }

    @Test
    void a_throwing_handler_is_retried_per_policy_and_its_stack_trace_kept() {
        runtime.deploy(CaseDefinition.builder(KEY.name(), KEY.api())
                .stage(StageDefinition.task("flaky", "flaky").withRetry(RetryPolicy.attempts(3, Duration.ofMillis(50))))
                .stage(StageDefinition.end("done"))
                .transition("flaky", "done")
                .build());
        ProcessSnapshot p = runtime.startProcess(KEY, Map.of());
        awaitStatus(p.id(), ProcessStatus.COMPLETED);
        List<StageRun> runs = runtime.history(p.id());
        assertThat(runs).extracting(StageRun::status)
                .containsExactly(StageRunStatus.FAILED, StageRunStatus.FAILED, StageRunStatus.COMPLETED, StageRunStatus.COMPLETED);
        assertThat(runs.get(0).error()).contains("IllegalStateException", "flaky failure #1");
        assertThat(runs.get(0).errorTrace()).contains("at io.caseflow.engine.RuntimeContractTest");
        assertThat(runs).extracting(StageRun::attempt).containsExactly(1, 2, 3, 1);
    }

    @Test
    void when_attempts_run_out_the_process_fails_and_retry_resumes_it_at_the_failed_stage() {
        runtime.deploy(CaseDefinition.builder(KEY.name(), KEY.api())
                .stage(StageDefinition.task("flaky", "flaky").withRetry(RetryPolicy.attempts(2, Duration.ofMillis(10))))
                .stage(StageDefinition.end("done"))
                .transition("flaky", "done")
                .build());
        ProcessSnapshot p = runtime.startProcess(KEY, Map.of());
        ProcessSnapshot failed = awaitStatus(p.id(), ProcessStatus.FAILED);
        assertThat(failed.failure().stage()).isEqualTo("flaky");
        assertThat(failed.failure().kind()).isEqualTo(FailureKind.HANDLER_ERROR);
        assertThat(failed.failure().message()).contains("flaky failure #2", "after 2 attempts");
        assertThat(failed.failure().stackTrace()).contains("IllegalStateException");

        ActionResult retried = runtime.retry(p.id());
        assertThat(retried.changed()).isTrue();
        ProcessSnapshot done = awaitStatus(p.id(), ProcessStatus.COMPLETED);
        assertThat(done.failure()).isNull();
        ActionResult again = runtime.retry(p.id());
        assertThat(again.changed()).isFalse();
        assertThat(again.message()).contains("COMPLETED");
    }

    @Test
    void a_handler_that_hangs_past_its_timeout_fails_its_attempt() {
        runtime.deploy(CaseDefinition.builder(KEY.name(), KEY.api())
                .stage(StageDefinition.task("hang", "hang").withTimeout(Duration.ofMillis(200)).withRetry(RetryPolicy.NONE))
                .stage(StageDefinition.end("done"))
                .transition("hang", "done")
                .build());
        ProcessSnapshot p = runtime.startProcess(KEY, Map.of());
        ProcessSnapshot failed = awaitStatus(p.id(), ProcessStatus.FAILED);
        assertThat(failed.failure().kind()).isEqualTo(FailureKind.HANDLER_TIMEOUT);
        assertThat(failed.failure().message()).contains("'hang'", "PT0.2S");
    }

    @Test
    void a_missing_reply_times_out_and_the_same_task_id_is_sent_again() throws Exception {
        paymentsAnswer = false;
        runtime.deploy(CaseDefinition.builder(KEY.name(), KEY.api())
                .stage(StageDefinition.task("validate", "validate"))
                .stage(StageDefinition.service("charge", "charge", payments, "charge")
                        .withReplyTimeout(Duration.ofMillis(300)).withRetry(RetryPolicy.attempts(2, Duration.ZERO)))
                .stage(StageDefinition.end("done"))
                .transition("validate", "charge")
                .transition("charge", "done")
                .build());
        ProcessSnapshot p = runtime.startProcess(KEY, Map.of("amount", 5));
        ProcessSnapshot failed = awaitStatus(p.id(), ProcessStatus.FAILED);
        assertThat(failed.failure().kind()).isEqualTo(FailureKind.REPLY_TIMEOUT);
        assertThat(failed.failure().message()).contains(payments, "charge", "2 attempt(s)");
        List<StageRun> waits = runtime.history(p.id()).stream().filter(r -> r.stage().equals("charge")).toList();
        assertThat(waits).hasSize(2).allMatch(r -> r.status() == StageRunStatus.TIMED_OUT);
        assertThat(waits.get(0).taskId()).isEqualTo(waits.get(1).taskId());

        paymentsAnswer = true;
        runtime.retry(p.id());
        ProcessSnapshot done = awaitStatus(p.id(), ProcessStatus.COMPLETED);
        assertThat(done.results().path("charge").path("receipt").asText()).isEqualTo("R-5");
        List<StageRun> charges = runtime.history(p.id()).stream().filter(r -> r.stage().equals("charge")).toList();
        assertThat(charges).extracting(StageRun::taskId).containsOnly(waits.get(0).taskId());
    }

    @Test
    void cancel_stops_a_waiting_process_and_repeating_it_changes_nothing() {
        paymentsAnswer = false;
        runtime.deploy(orderCase());
        ProcessSnapshot p = runtime.startProcess(KEY, Map.of("amount", 5));
        awaitStatus(p.id(), ProcessStatus.WAITING);
        ActionResult cancelled = runtime.cancel(p.id());
        assertThat(cancelled.changed()).isTrue();
        assertThat(runtime.process(p.id()).status()).isEqualTo(ProcessStatus.CANCELLED);
        assertThat(runtime.cancel(p.id()).changed()).isFalse();
        assertThat(runtime.history(p.id())).last().extracting(StageRun::status).isEqualTo(StageRunStatus.CANCELLED);
    }

    @Test
    void the_same_idempotency_key_returns_the_same_process_and_refuses_a_different_input() {
        runtime.deploy(orderCase());
        ProcessSnapshot first = runtime.startProcess(KEY, Map.of("amount", 5), "order-77");
        ProcessSnapshot again = runtime.startProcess(KEY, Map.of("amount", 5), "order-77");
        assertThat(again.id()).isEqualTo(first.id());
        assertThatThrownBy(() -> runtime.startProcess(KEY, Map.of("amount", 6), "order-77"))
                .isInstanceOf(IdempotencyConflictException.class).hasMessageContaining("order-77");
    }

    @Test
    void deploy_refuses_a_definition_with_an_unknown_handler_and_keeps_versions() {
        CaseDefinition bad = CaseDefinition.builder(KEY.name(), KEY.api())
                .stage(StageDefinition.task("a", "noSuchHandler")).stage(StageDefinition.end("done"))
                .transition("a", "done").build();
        assertThatThrownBy(() -> runtime.deploy(bad)).isInstanceOf(InvalidDefinitionException.class)
                .hasMessageContaining("noSuchHandler");
        assertThat(runtime.deploy(orderCase()).version()).isEqualTo(1);
        assertThat(runtime.deploy(orderCase()).unchanged()).isTrue();
        CaseDefinition changed = orderCase().withStages(orderCase().stages().stream()
                .map(s -> s.name().equals("ship") ? s.withTimeout(Duration.ofSeconds(5)) : s).toList());
        assertThat(runtime.deploy(changed).version()).isEqualTo(2);
        assertThat(runtime.definition(KEY, 1)).contains(orderCase().withVersion(1));
    }

    @Test
    void a_process_stays_on_the_version_it_started_with_while_new_ones_take_the_new_version() {
        paymentsAnswer = false;
        runtime.deploy(orderCase());
        ProcessSnapshot old = runtime.startProcess(KEY, Map.of("amount", 5));
        awaitStatus(old.id(), ProcessStatus.WAITING);

        CaseDefinition v2 = CaseDefinition.builder(KEY.name(), KEY.api())
                .stage(StageDefinition.task("validate", "validate"))
                .stage(StageDefinition.end("accepted"))
                .transition("validate", "accepted")
                .build();
        assertThat(runtime.deploy(v2).version()).isEqualTo(2);
        ProcessSnapshot fresh = runtime.startProcess(KEY, Map.of("amount", 5));
        ProcessSnapshot freshDone = awaitStatus(fresh.id(), ProcessStatus.COMPLETED);
        assertThat(freshDone.caseVersion()).isEqualTo(2);
        assertThat(freshDone.currentStage()).isEqualTo("accepted");

        paymentsAnswer = true; // the waiting request is delivered again and answered
        ProcessSnapshot oldDone = awaitStatus(old.id(), ProcessStatus.COMPLETED);
        assertThat(oldDone.caseVersion()).isEqualTo(1);
        assertThat(oldDone.currentStage()).isEqualTo("done");
        assertThat(runtime.history(old.id())).extracting(StageRun::stage).containsExactly("validate", "charge", "ship", "done");
    }
}
