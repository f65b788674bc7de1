package io.caseflow.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.caseflow.CaseflowRuntime;
import io.caseflow.definition.CaseDefinition;
import io.caseflow.definition.CaseKey;
import io.caseflow.definition.StageDefinition;
import io.caseflow.handler.HandlerRegistry;
import io.caseflow.message.Messages;
import io.caseflow.message.OutboxMessage;
import io.caseflow.message.ServiceReply;
import io.caseflow.process.ProcessSnapshot;
import io.caseflow.process.ProcessStatus;
import io.caseflow.message.DeadLetter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Messages nobody should send, on every queue: each is set aside with a reason (a dead letter) and
 * changes nothing. Run on the embedded transport and on RabbitMQ.
 */
abstract class BadInputContractTest {
    protected final String suffix = "-" + java.util.UUID.randomUUID().toString().substring(0, 8);
    protected final CaseKey KEY = new CaseKey("orders" + suffix, "v1");
    protected final String payments = "payments" + suffix;

    @TempDir
    Path dir;
    private CaseflowRuntime runtime;
    private ProcessSnapshot waiting;

    @BeforeEach
    void start() {
        HandlerRegistry handlers = new HandlerRegistry().register("charge", ctx -> ctx.callService(Map.of("amount", 1)));
        runtime = configure(CaseflowRuntime.builder()).handlers(handlers).build().start();
        runtime.deploy(CaseDefinition.builder(KEY.name(), KEY.api())
                .stage(StageDefinition.service("charge", "charge", payments, "charge"))
                .stage(StageDefinition.end("done"))
                .transition("charge", "done")
                .build());
        // No payments service is attached, so the process waits for a reply that only this test sends.
        ProcessSnapshot started = runtime.startProcess(KEY, Map.of());
        await().atMost(Duration.ofSeconds(10)).until(() -> runtime.process(started.id()).status() == ProcessStatus.WAITING);
        waiting = runtime.process(started.id());
    }

    protected abstract CaseflowRuntime.Builder configure(CaseflowRuntime.Builder builder);

    protected void cleanUp() {
    }

    @AfterEach
    void stop() {
        runtime.close();
        cleanUp();
    }

    private void send(String queue, String body) {
        runtime.transport().publish(new OutboxMessage(queue, null, OutboxMessage.Kind.SERVICE_REPLY, body, Instant.now()));
    }

    /** This test's dead letters (a shared broker may archive others' too), newest first. */
    private List<DeadLetter> mine() {
        return runtime.deadLetters(100).stream().filter(d -> d.sourceQueue().contains(suffix)).toList();
    }

    private DeadLetter awaitDeadLetter(int count) {
        await().atMost(Duration.ofSeconds(20)).until(() -> mine().size() >= count);
        return mine().get(0);
    }

    private void assertUnchanged() {
        ProcessSnapshot now = runtime.process(waiting.id());
        assertThat(now.status()).isEqualTo(ProcessStatus.WAITING);
        assertThat(now.step()).isEqualTo(waiting.step());
        assertThat(now.data()).isEqualTo(waiting.data());
    }

    @Test
    void malformed_json_on_the_inner_queue_is_dead_lettered_with_its_position() {
        send(runtime.installation().innerQ(KEY), "{\"type\": \"stageDue\", \"processId\": ");
        DeadLetter dead = awaitDeadLetter(1);
        assertThat(dead.reason()).isEqualTo("malformed");
        assertThat(dead.detail()).contains("not valid JSON", "line 1");
        assertThat(dead.sourceQueue()).isEqualTo(runtime.installation().innerQ(KEY));
        assertThat(dead.body()).startsWith("{\"type\"");
        assertUnchanged();
    }

    @Test
    void a_message_for_an_unknown_process_is_dead_lettered() {
        send(runtime.installation().innerQ(KEY), "{\"type\":\"stageDue\",\"processId\":\"no-such\",\"step\":0,\"stage\":\"charge\"}");
        DeadLetter dead = awaitDeadLetter(1);
        assertThat(dead.reason()).isEqualTo("unknown_process");
        assertThat(dead.detail()).contains("no-such");
    }

    @Test
    void a_tampered_task_id_is_rejected_before_the_store_is_touched() {
        String taskId = waiting.waitTaskId();
        // Change the step inside the signed fields (its last byte sits just before the dot).
        int dot = taskId.indexOf('.');
        byte[] fields = java.util.Base64.getUrlDecoder().decode(taskId.substring(0, dot));
        fields[fields.length - 1] ^= 1;
        String tampered = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(fields) + taskId.substring(dot);
        send(runtime.installation().serviceQ(KEY), Messages.write(ServiceReply.ok(tampered, "ok", null)));
        DeadLetter dead = awaitDeadLetter(1);
        assertThat(dead.reason()).isEqualTo("bad_task_id");
        assertThat(dead.detail()).contains("signature does not match");
        assertUnchanged();
    }

    @Test
    void a_forged_task_id_of_garbage_is_malformed() {
        send(runtime.installation().serviceQ(KEY), "{\"taskId\":\"definitely-not-a-task-id\",\"status\":\"ok\"}");
        assertThat(awaitDeadLetter(1).reason()).isEqualTo("bad_task_id");
        assertUnchanged();
    }

    @Test
    void a_reply_without_status_is_malformed_and_names_the_field() {
        send(runtime.installation().serviceQ(KEY), "{\"taskId\":\"" + waiting.waitTaskId() + "\"}");
        DeadLetter dead = awaitDeadLetter(1);
        assertThat(dead.reason()).isEqualTo("malformed");
        assertThat(dead.detail()).isEqualTo("field 'status' is missing");
        assertUnchanged();
    }

    @Test
    void a_reply_for_a_stage_that_already_finished_is_dropped_as_a_duplicate() {
        String reply = Messages.write(ServiceReply.ok(waiting.waitTaskId(), "ok", null));
        send(runtime.installation().serviceQ(KEY), reply);
        await().atMost(Duration.ofSeconds(10)).until(() -> runtime.process(waiting.id()).status() == ProcessStatus.COMPLETED);
        long stepAfter = runtime.process(waiting.id()).step();

        send(runtime.installation().serviceQ(KEY), reply);
        await().atMost(Duration.ofSeconds(10)).until(() -> runtime.metrics().duplicatesByReason().getOrDefault("stale_reply", 0L) == 1);
        assertThat(runtime.process(waiting.id()).step()).isEqualTo(stepAfter);
        assertThat(mine()).isEmpty();
        assertThat(runtime.history(waiting.id())).hasSize(2);
    }

    @Test
    void a_malformed_request_to_a_service_is_dead_lettered_by_the_service() throws Exception {
        java.nio.file.Path serviceDb = dir.resolve("payments");
        try (var dataSource = io.caseflow.testing.ServiceDatabase.open(serviceDb)) {
            var inbox = io.caseflow.service.IdempotentInbox.create(dataSource, io.caseflow.testing.ServiceDatabase.url(serviceDb),
                    java.time.Clock.systemUTC());
            // A second runtime-side consumer for the request queue: the service endpoint.
            runtime.attach(io.caseflow.service.ServiceEndpoint.builder(payments, inbox)
                    .command("charge", (tx, request) -> io.caseflow.service.CommandResult.ok(Map.of())).build(), 1);
            send(runtime.installation().serviceRequests(payments), "[\"not an object\"]");
            await().atMost(Duration.ofSeconds(20)).until(() -> mine().stream()
                    .anyMatch(d -> d.sourceQueue().equals(runtime.installation().serviceRequests(payments))));
            List<DeadLetter> dead = mine();
            assertThat(dead).anyMatch(d -> d.reason().equals("malformed") && d.detail().contains("not an object"));
        }
    }

    @Test
    void a_message_holding_a_nul_byte_is_kept_and_does_not_hold_back_later_dead_letters() {
        String withNul = "{\"type\": \"stageDue\", \"processId\": \"a\u0000b\"";
        send(runtime.installation().innerQ(KEY), withNul);
        send(runtime.installation().innerQ(KEY), "not json at all");
        await().atMost(Duration.ofSeconds(20)).until(() -> mine().size() >= 2);
        DeadLetter nul = mine().stream().filter(d -> !d.body().equals("not json at all")).findFirst().orElseThrow();
        // PostgreSQL cannot keep a NUL in text, so the RabbitMQ archive sets the message aside in base64; H2 keeps it as it is.
        String body = nul.reason().equals("unstorable")
                ? new String(Base64.getDecoder().decode(nul.body()), StandardCharsets.UTF_8) : nul.body();
        assertThat(body).isEqualTo(withNul);
        assertThat(nul.detail()).contains("not valid JSON");
        assertUnchanged();
    }
}
