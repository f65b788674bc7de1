package io.caseflow.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.NullNode;
import io.caseflow.commit.Commit;
import io.caseflow.commit.StageRunWrite;
import io.caseflow.definition.CaseDefinition;
import io.caseflow.definition.CaseKey;
import io.caseflow.definition.RetryPolicy;
import io.caseflow.definition.StageDefinition;
import io.caseflow.definition.TransitionDefinition;
import io.caseflow.handler.StageOutcome;
import io.caseflow.json.Json;
import io.caseflow.json.JsonText;
import io.caseflow.json.JsonFields;
import io.caseflow.message.Messages;
import io.caseflow.message.OutboxMessage;
import io.caseflow.installation.Installation;
import io.caseflow.message.ReplyTimeout;
import io.caseflow.message.ServiceReply;
import io.caseflow.message.StageDue;
import io.caseflow.process.FailureKind;
import io.caseflow.process.ProcessSnapshot;
import io.caseflow.process.ProcessStatus;
import io.caseflow.process.StageResults;
import io.caseflow.process.StageRunStatus;
import io.caseflow.taskid.TaskId;
import io.caseflow.taskid.TaskIdCodec;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The pure decision step: no database, no broker, a fixed clock. */
class DeciderTest {
    private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
    private static final CaseKey KEY = new CaseKey("orders", "v1");
    private final TaskIdCodec codec = new TaskIdCodec("decider-test-key-0123456789".getBytes(StandardCharsets.UTF_8));
    private final Decider decider = new Decider(codec, Clock.fixed(NOW, ZoneOffset.UTC), Installation.DEFAULT);

    private final CaseDefinition definition = CaseDefinition.builder("orders", "v1")
            .stage(StageDefinition.task("validate", "h").withRetry(RetryPolicy.attempts(3, Duration.ofSeconds(2))))
            .stage(StageDefinition.service("charge", "h", "payments", "charge").withReplyTimeout(Duration.ofSeconds(30))
                    .withRetry(RetryPolicy.attempts(2, Duration.ofSeconds(1))))
            .stage(StageDefinition.end("done"))
            .stage(StageDefinition.end("declined"))
            .transition("validate", "charge")
            .transition("charge", "done")
            .transition("charge", "declined", "declined")
            .build().withVersion(3);

    private ProcessSnapshot process(String stage, ProcessStatus status, long step, int attempt) {
        return new ProcessSnapshot("p-1", KEY, 3, status, stage, null, step, attempt, null, null, null, JsonText.emptyObject(),
                JsonFields.empty(), StageResults.empty(), null, null, null, NOW, NOW);
    }

    private HandlerResult ran(StageOutcome outcome) {
        return HandlerResult.finished(NOW, NOW, outcome, JsonFields.of(Json.object().put("seen", true)));
    }

    @Test
    void next_moves_to_the_target_and_makes_its_stage_due_at_the_next_step() {
        ProcessSnapshot p = process("validate", ProcessStatus.RUNNING, 4, 1);
        Commit commit = decider.onHandlerResult(definition, p, definition.stage("validate").orElseThrow(), ran(StageOutcome.next()));
        assertThat(commit.expectedStep()).isEqualTo(4);
        assertThat(commit.next().step()).isEqualTo(5);
        assertThat(commit.next().currentStage()).isEqualTo("charge");
        assertThat(commit.next().previousStage()).isEqualTo("validate");
        assertThat(commit.next().data().path("seen").asBoolean()).isTrue();
        assertThat(commit.messages()).singleElement().satisfies(m -> {
            assertThat(m.destination()).isEqualTo(Installation.DEFAULT.innerQ(KEY));
            assertThat(Messages.parseInner(m.body())).isEqualTo(new StageDue("p-1", 5, "charge"));
        });
        assertThat(commit.runWrites()).singleElement().isInstanceOf(StageRunWrite.Insert.class);
    }

    @Test
    void a_service_call_waits_with_a_deterministic_task_id_and_a_reply_deadline() throws Exception {
        ProcessSnapshot p = process("charge", ProcessStatus.RUNNING, 5, 1);
        StageDefinition charge = definition.stage("charge").orElseThrow();
        Commit first = decider.onHandlerResult(definition, p, charge, ran(StageOutcome.callService(null, Map.of("amount", 5))));
        Commit again = decider.onHandlerResult(definition, p, charge, ran(StageOutcome.callService(null, Map.of("amount", 5))));
        assertThat(first.next().status()).isEqualTo(ProcessStatus.WAITING);
        assertThat(first.next().waitTaskId()).isEqualTo(again.next().waitTaskId());
        assertThat(codec.decode(first.next().waitTaskId())).isEqualTo(new TaskId("p-1", "orders", "v1", "charge", 6));
        assertThat(first.messages()).extracting(OutboxMessage::kind)
                .containsExactly(OutboxMessage.Kind.SERVICE_REQUEST, OutboxMessage.Kind.REPLY_TIMEOUT);
        assertThat(first.messages().get(0).destination()).isEqualTo(Installation.DEFAULT.serviceRequests("payments"));
        assertThat(Messages.parseRequest(first.messages().get(0).body()).replyTo()).isEqualTo(Installation.DEFAULT.serviceQ(KEY));
        assertThat(first.messages().get(1).availableAt()).isEqualTo(NOW.plusSeconds(30));
        assertThat(Messages.parseInner(first.messages().get(1).body())).isEqualTo(new ReplyTimeout("p-1", 6));
    }

    @Test
    void a_reply_picks_the_edge_of_its_outcome_or_the_default_one() {
        ProcessSnapshot waiting = process("charge", ProcessStatus.WAITING, 6, 1).toBuilder().runStep(5L)
                .waitingFor("task", "{}").build();
        StageDefinition charge = definition.stage("charge").orElseThrow();
        Commit declined = decider.onReply(definition, waiting, charge, ServiceReply.ok("task", "declined", Json.object()));
        assertThat(declined.next().currentStage()).isEqualTo("declined");
        assertThat(declined.cancelTimers()).isTrue();
        Commit ok = decider.onReply(definition, waiting, charge, ServiceReply.ok("task", "ok", Json.object().put("receipt", "R")));
        assertThat(ok.next().currentStage()).isEqualTo("done");
        assertThat(ok.next().results().path("charge").path("receipt").asText()).isEqualTo("R");
        assertThat(ok.next().waitTaskId()).isNull();
        assertThat(ok.runWrites()).singleElement().isInstanceOfSatisfying(StageRunWrite.Finish.class, f -> {
            assertThat(f.step()).isEqualTo(5);
            assertThat(f.status()).isEqualTo(StageRunStatus.COMPLETED);
            assertThat(f.outcome()).isEqualTo("ok");
        });
    }

    @Test
    void a_handler_failure_is_retried_after_the_backoff_then_fails_the_process() {
        StageDefinition validate = definition.stage("validate").orElseThrow();
        HandlerResult threw = HandlerResult.failed(NOW, NOW, FailureKind.HANDLER_ERROR, "boom", "trace");
        Commit retry = decider.onHandlerResult(definition, process("validate", ProcessStatus.RUNNING, 1, 2), validate, threw);
        assertThat(retry.next().status()).isEqualTo(ProcessStatus.RUNNING);
        assertThat(retry.next().attempt()).isEqualTo(3);
        assertThat(retry.messages()).singleElement().satisfies(m -> assertThat(m.availableAt()).isEqualTo(NOW.plusSeconds(4)));

        Commit last = decider.onHandlerResult(definition, process("validate", ProcessStatus.RUNNING, 1, 3), validate, threw);
        assertThat(last.next().status()).isEqualTo(ProcessStatus.FAILED);
        assertThat(last.next().failure().stage()).isEqualTo("validate");
        assertThat(last.next().failure().stackTrace()).isEqualTo("trace");
        assertThat(last.messages()).isEmpty();
    }

    @Test
    void a_missing_edge_fails_at_once_naming_case_version_stage_and_edges() {
        Commit commit = decider.onHandlerResult(definition, process("validate", ProcessStatus.RUNNING, 1, 1),
                definition.stage("validate").orElseThrow(), ran(StageOutcome.next("approve")));
        assertThat(commit.next().status()).isEqualTo(ProcessStatus.FAILED);
        assertThat(commit.next().failure().kind()).isEqualTo(FailureKind.MISSING_TRANSITION);
        assertThat(commit.next().failure().message()).isEqualTo("case orders/v1 v3, stage 'validate': there is no transition "
                + "for 'approve'; the stage has: validate → charge");
    }

    @Test
    void next_may_name_the_target_stage_instead_of_an_outcome() {
        Commit commit = decider.onHandlerResult(definition, process("charge", ProcessStatus.RUNNING, 1, 1),
                definition.stage("charge").orElseThrow(), ran(StageOutcome.next("declined")));
        assertThat(commit.next().status()).isEqualTo(ProcessStatus.RUNNING);
        assertThat(commit.next().currentStage()).isEqualTo("declined");
    }

    @Test
    void a_task_stage_cannot_call_a_service() {
        Commit commit = decider.onHandlerResult(definition, process("validate", ProcessStatus.RUNNING, 1, 1),
                definition.stage("validate").orElseThrow(), ran(StageOutcome.callService("x", Map.of())));
        assertThat(commit.next().failure().kind()).isEqualTo(FailureKind.DEFINITION_ERROR);
        assertThat(commit.next().failure().message()).contains("'validate'", "only service stages call services");
    }

    @Test
    void an_overdue_reply_resends_the_same_request_then_fails_and_a_retry_resends_it_again() {
        ProcessSnapshot waiting = process("charge", ProcessStatus.WAITING, 6, 1).toBuilder().runStep(5L)
                .waitingFor("task-1", "{\"taskId\":\"task-1\"}").build();
        StageDefinition charge = definition.stage("charge").orElseThrow();
        Commit resend = decider.onReplyOverdue(definition, waiting, charge);
        assertThat(resend.next().status()).isEqualTo(ProcessStatus.WAITING);
        assertThat(resend.next().waitTaskId()).isEqualTo("task-1");
        assertThat(resend.messages().get(0).body()).isEqualTo("{\"taskId\":\"task-1\"}");

        Commit failed = decider.onReplyOverdue(definition, resend.next(), charge);
        assertThat(failed.next().status()).isEqualTo(ProcessStatus.FAILED);
        assertThat(failed.next().failure().kind()).isEqualTo(FailureKind.REPLY_TIMEOUT);

        Commit retried = decider.retry(definition, failed.next(), null, null);
        assertThat(retried.next().status()).isEqualTo(ProcessStatus.WAITING);
        assertThat(retried.messages().get(0).body()).isEqualTo("{\"taskId\":\"task-1\"}");
    }

    @Test
    void stale_messages_are_recognised() {
        ProcessSnapshot p = process("charge", ProcessStatus.RUNNING, 6, 1);
        assertThat(Decider.staleStageDue(p, new StageDue("p-1", 6, "charge"))).isEmpty();
        assertThat(Decider.staleStageDue(p, new StageDue("p-1", 5, "validate"))).get().asString().contains("step 5");
        assertThat(Decider.staleReply(p, "task")).get().asString().contains("not waiting");
        assertThat(Decider.staleReplyTimeout(p, new ReplyTimeout("p-1", 6))).isPresent();
    }

    @Test
    void retry_from_an_earlier_stage_with_new_data() {
        ProcessSnapshot failed = process("charge", ProcessStatus.FAILED, 9, 2);
        Commit commit = decider.retry(definition, failed, "validate", Json.object().put("fixed", true));
        assertThat(commit.next().currentStage()).isEqualTo("validate");
        assertThat(commit.next().data().path("fixed").asBoolean()).isTrue();
        assertThat(commit.next().attempt()).isEqualTo(1);
        assertThat(commit.next().failure()).isNull();
    }

    @Test
    void only_a_transition_that_changes_the_free_data_writes_it() {
        StageDefinition validate = definition.stage("validate").orElseThrow();
        StageDefinition done = definition.stage("done").orElseThrow();
        HandlerResult untouched = HandlerResult.finished(NOW, NOW, StageOutcome.next(), JsonFields.empty());
        assertThat(decider.onHandlerResult(definition, process("validate", ProcessStatus.RUNNING, 1, 1), validate, untouched).writesData())
                .isFalse();
        assertThat(decider.onHandlerResult(definition, process("validate", ProcessStatus.RUNNING, 1, 1), validate,
                ran(StageOutcome.next())).writesData()).isTrue();
        // completing, failing, cancelling, overdue replies and a plain retry leave the data as stored: a process carrying
        // a large document must not rewrite it at each of them
        assertThat(decider.onHandlerResult(definition, process("done", ProcessStatus.RUNNING, 2, 1), done, untouched).writesData())
                .isFalse();
        Commit completedWithData = decider.onHandlerResult(definition, process("done", ProcessStatus.RUNNING, 2, 1), done,
                ran(StageOutcome.next()));
        assertThat(completedWithData.next().status()).isEqualTo(ProcessStatus.COMPLETED);
        assertThat(completedWithData.writesData()).isTrue();
        HandlerResult threw = HandlerResult.failed(NOW, NOW, FailureKind.HANDLER_ERROR, "boom", "trace");
        assertThat(decider.onHandlerResult(definition, process("validate", ProcessStatus.RUNNING, 1, 1), validate, threw).writesData())
                .isFalse();
        assertThat(decider.onHandlerResult(definition, process("validate", ProcessStatus.RUNNING, 1, 3), validate, threw).writesData())
                .isFalse();
        assertThat(decider.cancel(process("validate", ProcessStatus.RUNNING, 1, 1), "no longer needed").writesData()).isFalse();
        ProcessSnapshot failed = process("charge", ProcessStatus.FAILED, 9, 2);
        assertThat(decider.retry(definition, failed, null, null).writesData()).isFalse();
        assertThat(decider.retry(definition, failed, null, Json.object().put("fixed", true)).writesData()).isTrue();
    }

    @Test
    void only_a_commit_that_may_move_the_status_has_the_status_row_followed() {
        StageDefinition validate = definition.stage("validate").orElseThrow();
        StageDefinition charge = definition.stage("charge").orElseThrow();
        HandlerResult handedOn = HandlerResult.finished(NOW, NOW, StageOutcome.next(), JsonFields.empty());
        assertThat(decider.onHandlerResult(definition, process("validate", ProcessStatus.RUNNING, 1, 1), validate, handedOn)
                .movesStatus()).as("a running process handed on to the next stage").isFalse();
        HandlerResult threw = HandlerResult.failed(NOW, NOW, FailureKind.HANDLER_ERROR, "boom", "trace");
        assertThat(decider.onHandlerResult(definition, process("validate", ProcessStatus.RUNNING, 1, 1), validate, threw)
                .movesStatus()).as("an attempt retried later, still running").isFalse();
        assertThat(decider.onHandlerResult(definition, process("validate", ProcessStatus.RUNNING, 1, 3), validate, threw)
                .movesStatus()).as("the last attempt failed the process").isTrue();
        ProcessSnapshot waiting = process("charge", ProcessStatus.WAITING, 6, 1).toBuilder().runStep(5L).waitingFor("task", "{}").build();
        assertThat(decider.onReply(definition, waiting, charge, ServiceReply.ok("task", "ok", Json.object())).movesStatus())
                .as("a reply set a waiting process running").isTrue();
        assertThat(decider.cancel(process("validate", ProcessStatus.RUNNING, 1, 1), "no longer needed").movesStatus()).isTrue();
    }

    @Test
    void a_handlers_result_is_written_as_the_text_it_was_encoded_to_once() {
        ProcessSnapshot p = process("validate", ProcessStatus.RUNNING, 4, 1);
        Commit commit = decider.onHandlerResult(definition, p, definition.stage("validate").orElseThrow(),
                ran(StageOutcome.next(TransitionDefinition.DEFAULT_OUTCOME, Map.of("checked", List.of("a", "b")))));
        byte[] stored = commit.next().results().encoded("validate");
        assertThat(new String(stored, StandardCharsets.UTF_8)).isEqualTo("{\"checked\":[\"a\",\"b\"]}");
        assertThat(commit.runWrites()).singleElement().isInstanceOfSatisfying(StageRunWrite.Insert.class, insert ->
                assertThat(insert.outputJson()).as("the run row and the results share the one encoding").isSameAs(stored));
    }

    @Test
    void an_end_stage_completes_with_its_handlers_result_or_else_the_data_kept_once_as_its_output() {
        StageDefinition done = definition.stage("done").orElseThrow();
        Commit withResult = decider.onHandlerResult(definition, process("done", ProcessStatus.RUNNING, 2, 1), done,
                ran(StageOutcome.next(TransitionDefinition.DEFAULT_OUTCOME, Map.of("total", 12.5))));
        assertThat(withResult.next().status()).isEqualTo(ProcessStatus.COMPLETED);
        assertThat(withResult.next().result()).isEqualTo(Json.object().put("total", 12.5));
        assertThat(withResult.next().resultIsEndStageResult()).as("kept once, as the end stage's output").isTrue();
        assertThat(withResult.runWrites()).singleElement().isInstanceOfSatisfying(StageRunWrite.Insert.class, insert ->
                assertThat(insert.outputJson()).isSameAs(withResult.next().results().encoded("done")));

        for (StageOutcome none : List.of(StageOutcome.next(), StageOutcome.next(TransitionDefinition.DEFAULT_OUTCOME, NullNode.getInstance()),
                StageOutcome.complete(null))) {
            Commit withData = decider.onHandlerResult(definition, process("done", ProcessStatus.RUNNING, 2, 1), done, ran(none));
            assertThat(withData.next().result()).as("%s completes with the data", none).isEqualTo(Json.object().put("seen", true));
        }
    }

    @Test
    void a_replys_payload_is_the_finished_runs_output_and_the_stages_result() {
        ProcessSnapshot waiting = process("charge", ProcessStatus.WAITING, 6, 1).toBuilder().runStep(5L)
                .waitingFor("task", "{}").build();
        Commit ok = decider.onReply(definition, waiting, definition.stage("charge").orElseThrow(),
                ServiceReply.ok("task", "ok", Json.object().put("receipt", "R")));
        assertThat(ok.runWrites()).singleElement().isInstanceOfSatisfying(StageRunWrite.Finish.class, finish -> {
            assertThat(new String(finish.outputJson(), StandardCharsets.UTF_8)).isEqualTo("{\"receipt\":\"R\"}");
            assertThat(finish.outputJson()).isSameAs(ok.next().results().encoded("charge"));
        });
        Commit overdue = decider.onReplyOverdue(definition, waiting, definition.stage("charge").orElseThrow());
        assertThat(overdue.runWrites().get(0)).isInstanceOfSatisfying(StageRunWrite.Finish.class, finish -> {
            assertThat(finish.outputJson()).isNull();
            assertThat(finish.error()).startsWith("no reply within");
        });
    }
}
