package io.caseflow.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.caseflow.commit.Commit;
import io.caseflow.commit.StageRunWrite;
import io.caseflow.definition.CaseDefinition;
import io.caseflow.definition.StageDefinition;
import io.caseflow.definition.TransitionDefinition;
import io.caseflow.handler.StageOutcome;
import io.caseflow.installation.Installation;
import io.caseflow.json.Json;
import io.caseflow.json.JsonFields;
import io.caseflow.message.Messages;
import io.caseflow.message.OutboxMessage;
import io.caseflow.message.ReplyTimeout;
import io.caseflow.message.ServiceReply;
import io.caseflow.message.ServiceRequest;
import io.caseflow.message.StageDue;
import io.caseflow.process.Failure;
import io.caseflow.process.FailureKind;
import io.caseflow.process.ProcessSnapshot;
import io.caseflow.process.ProcessStatus;
import io.caseflow.process.StageResults;
import io.caseflow.process.StageRun;
import io.caseflow.process.StageRunStatus;
import io.caseflow.taskid.TaskId;
import io.caseflow.taskid.TaskIdCodec;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The pure decision step: given a definition, a process as stored and what just happened, it says
 * what to commit. No database, no broker, no threads; the {@link Engine} carries the decision out.
 *
 * <p>Every decision advances the step by one, so any message that was due at the old step becomes
 * stale and is dropped when it arrives.
 */
public final class Decider {
    private final TaskIdCodec taskIds;
    private final Clock clock;
    private final Installation installation;

    public Decider(TaskIdCodec taskIds, Clock clock, Installation installation) {
        this.taskIds = taskIds;
        this.clock = clock;
        this.installation = installation;
    }

    /** The first message of a new process. */
    public OutboxMessage firstStage(ProcessSnapshot process) {
        return stageDue(process, process.step(), process.currentStage(), clock.instant());
    }

    /** Why a stage-due message must not run, or empty if it should. */
    public static Optional<String> staleStageDue(ProcessSnapshot process, StageDue due) {
        if (process.status() != ProcessStatus.RUNNING) {
            return Optional.of("process is " + process.status());
        }
        if (process.step() != due.step()) {
            return Optional.of("message is for step " + due.step() + " but the process is at step " + process.step());
        }
        if (!process.currentStage().equals(due.stage())) {
            return Optional.of("message is for stage '" + due.stage() + "' but the process is at '" + process.currentStage() + "'");
        }
        return Optional.empty();
    }

    /** Why a reply must be dropped, or empty if the process waits for it. */
    public static Optional<String> staleReply(ProcessSnapshot process, String taskId) {
        if (process.status() != ProcessStatus.WAITING) {
            return Optional.of("process is " + process.status() + ", not waiting for a reply");
        }
        if (!taskId.equals(process.waitTaskId())) {
            return Optional.of("process waits for another task id (a reply for an earlier request)");
        }
        return Optional.empty();
    }

    public static Optional<String> staleReplyTimeout(ProcessSnapshot process, ReplyTimeout timeout) {
        if (process.status() != ProcessStatus.WAITING || process.step() != timeout.step()) {
            return Optional.of("the reply deadline of step " + timeout.step() + " no longer applies");
        }
        return Optional.empty();
    }

    /** A handler ran for the current stage; turn its result into a commit. */
    public Commit onHandlerResult(CaseDefinition definition, ProcessSnapshot process, StageDefinition stage,
                                  HandlerResult result) {
        if (!result.hasOutcome()) {
            return failAttempt(definition, process, stage, result.startedAt(), result.endedAt(),
                    result.failureKind(), result.failureMessage(), result.stackTrace(), true);
        }
        JsonFields data = result.data() == null ? process.data() : result.data();
        StageOutcome outcome = result.outcome();
        if (stage.isEnd() && (outcome instanceof StageOutcome.Next || outcome instanceof StageOutcome.CallService)) {
            byte[] value = outcome instanceof StageOutcome.Next next ? next.resultJson() : null;
            return complete(process, stage, data, value == null || isJsonNull(value) ? data.toJson() : value,
                    result.startedAt(), result.endedAt());
        }
        if (outcome instanceof StageOutcome.Next next) {
            Optional<TransitionDefinition> edge = definition.transition(stage.name(), next.outcome());
            if (edge.isEmpty()) {
                return failAttempt(definition, process, stage, result.startedAt(), result.endedAt(),
                        FailureKind.MISSING_TRANSITION, missingEdge(definition, stage, next.outcome()), null, false);
            }
            return advance(process, stage, edge.get(), data, next.resultJson(), StageRunStatus.COMPLETED,
                    result.startedAt(), result.endedAt(), null, true);
        }
        if (outcome instanceof StageOutcome.CallService call) {
            if (!stage.isService()) {
                return failAttempt(definition, process, stage, result.startedAt(), result.endedAt(), FailureKind.DEFINITION_ERROR,
                        "stage '" + stage.name() + "' of case " + definition.key() + " is a " + stage.kind().jsonName()
                                + " stage; only service stages call services", null, false);
            }
            return sendRequest(definition, process, stage, call, data, result.startedAt());
        }
        if (outcome instanceof StageOutcome.Complete complete) {
            JsonNode value = complete.result();
            return complete(process, stage, data, value == null || value.isNull() ? data.toJson() : Json.writeBytes(value),
                    result.startedAt(), result.endedAt());
        }
        StageOutcome.Fail fail = (StageOutcome.Fail) outcome;
        return failAttempt(definition, process.toBuilder().data(data).build(), stage, result.startedAt(), result.endedAt(),
                FailureKind.HANDLER_FAILED, fail.reason(), null, fail.retriable());
    }

    /** The service answered the request the process waits for. */
    public Commit onReply(CaseDefinition definition, ProcessSnapshot process, StageDefinition stage, ServiceReply reply) {
        Instant now = clock.instant();
        if (!reply.isOk()) {
            String message = "service '" + stage.service() + "' could not handle command '" + stage.command() + "': "
                    + (reply.error() == null ? "no reason given" : reply.error());
            return failAttempt(definition, process, stage, null, now, FailureKind.SERVICE_ERROR, message, null, true);
        }
        Optional<TransitionDefinition> edge = definition.transition(stage.name(), reply.outcome())
                .or(() -> definition.transition(stage.name(), TransitionDefinition.DEFAULT_OUTCOME));
        if (edge.isEmpty()) {
            return failAttempt(definition, process, stage, null, now, FailureKind.MISSING_TRANSITION,
                    missingEdge(definition, stage, reply.outcome()) + " (service '" + stage.service() + "' replied '"
                            + reply.outcome() + "')", null, false);
        }
        JsonNode payload = reply.payload() == null ? Json.object() : reply.payload();
        return advance(process, stage, edge.get(), process.data(), Json.writeBytes(payload), StageRunStatus.COMPLETED, null, now,
                reply.outcome(), false);
    }

    /** The reply deadline passed: send the same request again while attempts remain. */
    public Commit onReplyOverdue(CaseDefinition definition, ProcessSnapshot process, StageDefinition stage) {
        Instant now = clock.instant();
        long step = process.step();
        List<StageRunWrite> runs = new ArrayList<>();
        runs.add(finishWaitingRun(process, StageRunStatus.TIMED_OUT, now, "no reply within " + stage.replyTimeout()));
        if (!stage.retry().allowsAttemptAfter(process.attempt())) {
            String message = "no reply from service '" + stage.service() + "' to command '" + stage.command() + "' within "
                    + stage.replyTimeout() + " after " + process.attempt() + " attempt(s)";
            Failure failure = new Failure(stage.name(), FailureKind.REPLY_TIMEOUT, message, null, now);
            // Keep the task id and request: a retry sends the very same request, so the service can still dedupe it.
            ProcessSnapshot next = process.toBuilder().status(ProcessStatus.FAILED).step(step + 1).runStep(null)
                    .failure(failure).updatedAt(now).build();
            return new Commit(next, step, runs, List.of(), true, false);
        }
        int attempt = process.attempt() + 1;
        ProcessSnapshot next = process.toBuilder().step(step + 1).attempt(attempt).runStep(step + 1).updatedAt(now).build();
        runs.add(new StageRunWrite.Insert(new StageRun(process.id(), step + 1, stage.name(), attempt, StageRunStatus.WAITING,
                now, null, null, null, process.waitTaskId(), null, null)));
        List<OutboxMessage> messages = List.of(
                resend(process, stage, now),
                replyDeadline(process, step + 1, stage, now));
        return new Commit(next, step, runs, messages, true, false);
    }

    /**
     * Resume a FAILED process at its failed stage (or at {@code fromStage}), optionally with new data.
     * A stage that failed because its service never replied gets the very same request again.
     */
    public Commit retry(CaseDefinition definition, ProcessSnapshot process, String fromStage, ObjectNode newData) {
        Instant now = clock.instant();
        long step = process.step();
        String stageName = fromStage == null ? process.currentStage() : fromStage;
        StageDefinition stage = definition.stage(stageName).orElseThrow(() -> new IllegalArgumentException(
                "case " + definition.key() + " v" + definition.version() + " has no stage '" + stageName + "'"));
        JsonFields data = newData == null ? process.data() : JsonFields.of(newData);
        ProcessSnapshot.Builder next = process.toBuilder().step(step + 1).attempt(1).failure(null).data(data).updatedAt(now);
        boolean resendSame = fromStage == null && process.failure() != null
                && process.failure().kind() == FailureKind.REPLY_TIMEOUT && process.pendingRequest() != null;
        if (resendSame) {
            next.status(ProcessStatus.WAITING).runStep(step + 1);
            StageRun run = new StageRun(process.id(), step + 1, stage.name(), 1, StageRunStatus.WAITING, now, null, null, null,
                    process.waitTaskId(), null, null);
            return new Commit(next.build(), step, List.of(new StageRunWrite.Insert(run)),
                    List.of(resend(process, stage, now), replyDeadline(process, step + 1, stage, now)), true, newData != null);
        }
        if (!stageName.equals(process.currentStage())) {
            next.moveTo(stageName);
        }
        next.status(ProcessStatus.RUNNING).runStep(null).waitingFor(null, null);
        ProcessSnapshot state = next.build();
        return new Commit(state, step, List.of(), List.of(stageDue(state, step + 1, stageName, now)), true, newData != null);
    }

    /** Stop the process; pending timers go, and any message still in flight becomes stale. */
    /**
     * Moves a waiting or failed process to {@code target} (a newer version of its case), at
     * {@code targetStage}. A waiting process keeps waiting for the same reply (same task id) at a service
     * stage of the new version, with a fresh reply deadline; a failed one stays failed there, so a retry
     * runs the new version. The caller checked that the move makes sense (see ProcessOperations).
     */
    public Commit migrate(CaseDefinition target, ProcessSnapshot process, String targetStage) {
        Instant now = clock.instant();
        long step = process.step();
        StageDefinition stage = target.stage(targetStage).orElseThrow(() -> new IllegalArgumentException(
                "case " + target.key() + " v" + target.version() + " has no stage '" + targetStage + "'"));
        ProcessSnapshot.Builder next = process.toBuilder().caseVersion(target.version()).step(step + 1).updatedAt(now);
        if (!targetStage.equals(process.currentStage())) {
            next.moveTo(targetStage);
        }
        ProcessSnapshot state = next.build();
        List<OutboxMessage> messages = process.status() == ProcessStatus.WAITING
                ? List.of(replyDeadline(state, step + 1, stage, now)) : List.of();
        return new Commit(state, step, List.of(), messages, true, false);
    }

    public Commit cancel(ProcessSnapshot process, String reason) {
        Instant now = clock.instant();
        long step = process.step();
        List<StageRunWrite> runs = new ArrayList<>();
        if (process.status() == ProcessStatus.WAITING && process.runStep() != null) {
            runs.add(finishWaitingRun(process, StageRunStatus.CANCELLED, now, reason));
        }
        ProcessSnapshot next = process.toBuilder().status(ProcessStatus.CANCELLED).step(step + 1).runStep(null)
                .updatedAt(now).build();
        return new Commit(next, step, runs, List.of(), true, false);
    }

    /**
     * {@code encoded}: the stage's result as UTF-8 JSON (or null), encoded once for the run row and the results; the
     * run's output is left as that text (nothing in a commit reads its tree).
     */
    private Commit advance(ProcessSnapshot process, StageDefinition stage, TransitionDefinition edge, JsonFields data,
                           byte[] encoded, StageRunStatus status, Instant startedAt, Instant endedAt,
                           String replyOutcome, boolean newRun) {
        long step = process.step();
        StageResults results = encoded == null ? process.results() : process.results().with(stage.name(), encoded);
        ProcessSnapshot next = process.toBuilder()
                .moveTo(edge.to()).status(ProcessStatus.RUNNING).step(step + 1).attempt(1).runStep(null)
                .waitingFor(null, null).data(data).results(results).failure(null).updatedAt(endedAt).build();
        StageRunWrite run = newRun
                ? new StageRunWrite.Insert(new StageRun(process.id(), step, stage.name(), process.attempt(), status, startedAt,
                endedAt, edge.outcome(), null, null, null, null), encoded)
                : finishWithReply(process, status, endedAt, replyOutcome, encoded);
        return new Commit(next, step, List.of(run), List.of(stageDue(next, step + 1, edge.to(), endedAt)), !newRun,
                changed(data, process)).from(process);
    }

    private Commit sendRequest(CaseDefinition definition, ProcessSnapshot process, StageDefinition stage,
                               StageOutcome.CallService call, JsonFields data, Instant startedAt) {
        Instant now = clock.instant();
        long step = process.step();
        String taskId = taskIds.encode(new TaskId(process.id(), definition.name(), definition.api(), stage.name(), step + 1));
        String command = call.command() == null ? stage.command() : call.command();
        ServiceRequest request = new ServiceRequest(taskId, stage.service(), command,
                call.payload() == null ? Json.object() : call.payload(), installation.serviceQ(definition.key()));
        String requestJson = Messages.write(request);
        ProcessSnapshot next = process.toBuilder().status(ProcessStatus.WAITING).step(step + 1).runStep(step)
                .waitingFor(taskId, requestJson).data(data).failure(null).updatedAt(now).build();
        StageRun run = new StageRun(process.id(), step, stage.name(), process.attempt(), StageRunStatus.WAITING,
                startedAt, null, null, null, taskId, null, null);
        List<OutboxMessage> messages = List.of(
                new OutboxMessage(installation.serviceRequests(stage.service()), process.id(), OutboxMessage.Kind.SERVICE_REQUEST,
                        requestJson, now),
                replyDeadline(process, step + 1, stage, now));
        return new Commit(next, step, List.of(new StageRunWrite.Insert(run)), messages, false, changed(data, process));
    }

    /**
     * Ends the process with {@code encoded} (UTF-8 JSON) as its result, kept once: as the end stage's result, which the
     * snapshot's {@link ProcessSnapshot#result()} reads when asked.
     */
    private Commit complete(ProcessSnapshot process, StageDefinition stage, JsonFields data, byte[] encoded,
                            Instant startedAt, Instant endedAt) {
        long step = process.step();
        StageResults results = process.results().with(stage.name(), encoded);
        ProcessSnapshot next = process.toBuilder().status(ProcessStatus.COMPLETED).step(step + 1).runStep(null)
                .waitingFor(null, null).data(data).results(results).failure(null).updatedAt(endedAt).build();
        StageRun run = new StageRun(process.id(), step, stage.name(), process.attempt(), StageRunStatus.COMPLETED, startedAt,
                endedAt, "complete", null, null, null, null);
        return new Commit(next, step, List.of(new StageRunWrite.Insert(run, encoded)), List.of(), true, changed(data, process));
    }

    /**
     * True when the run left other data than the process had: a handler's {@link io.caseflow.handler.ProcessData} hands
     * back the very fields it was given when it changed nothing, so nothing is compared or written then.
     */
    private static boolean changed(JsonFields data, ProcessSnapshot process) {
        return data != process.data();
    }

    private Commit failAttempt(CaseDefinition definition, ProcessSnapshot process, StageDefinition stage, Instant startedAt,
                               Instant endedAt, FailureKind kind, String message, String trace, boolean retriable) {
        long step = process.step();
        boolean waiting = process.status() == ProcessStatus.WAITING;
        StageRunWrite run = waiting
                ? finishWaitingRun(process, StageRunStatus.FAILED, endedAt, message, trace)
                : new StageRunWrite.Insert(new StageRun(process.id(), step, stage.name(), process.attempt(),
                StageRunStatus.FAILED, startedAt, endedAt, null, null, null, message, trace));
        ProcessSnapshot.Builder next = process.toBuilder().step(step + 1).runStep(null).waitingFor(null, null).updatedAt(endedAt);
        if (retriable && stage.retry().allowsAttemptAfter(process.attempt())) {
            int attempt = process.attempt() + 1;
            Duration delay = stage.retry().delayBefore(attempt);
            ProcessSnapshot state = next.status(ProcessStatus.RUNNING).attempt(attempt).build();
            return new Commit(state, step, List.of(run),
                    List.of(stageDue(state, step + 1, stage.name(), endedAt.plus(delay))), waiting, false).from(process);
        }
        String withAttempts = message + (retriable && process.attempt() > 1 ? " (after " + process.attempt() + " attempts)" : "");
        ProcessSnapshot state = next.status(ProcessStatus.FAILED)
                .failure(new Failure(stage.name(), kind, withAttempts, trace, endedAt)).build();
        return new Commit(state, step, List.of(run), List.of(), true, false);
    }

    private StageRunWrite finishWaitingRun(ProcessSnapshot process, StageRunStatus status, Instant at, String error) {
        return finishWaitingRun(process, status, at, error, null);
    }

    private StageRunWrite finishWaitingRun(ProcessSnapshot process, StageRunStatus status, Instant at, String error, String trace) {
        return new StageRunWrite.Finish(process.id(), waitingRunStep(process), process.currentStage(), status, at, null, null,
                error, trace);
    }

    /** Ends the waiting run with its service's reply, {@code outputJson} (UTF-8 JSON, as the results hold it). */
    private StageRunWrite finishWithReply(ProcessSnapshot process, StageRunStatus status, Instant at, String outcome,
                                          byte[] outputJson) {
        return new StageRunWrite.Finish(process.id(), waitingRunStep(process), process.currentStage(), status, at, outcome,
                outputJson, null, null);
    }

    private static long waitingRunStep(ProcessSnapshot process) {
        return process.runStep() == null ? process.step() - 1 : process.runStep();
    }

    private OutboxMessage stageDue(ProcessSnapshot process, long step, String stage, Instant at) {
        return OutboxMessage.stageDue(installation, process.caseKey(), new StageDue(process.id(), step, stage), at);
    }

    private OutboxMessage replyDeadline(ProcessSnapshot process, long step, StageDefinition stage, Instant now) {
        return new OutboxMessage(installation.innerQ(process.caseKey()), process.id(), OutboxMessage.Kind.REPLY_TIMEOUT,
                Messages.write(new ReplyTimeout(process.id(), step)), now.plus(stage.replyTimeout()));
    }

    private OutboxMessage resend(ProcessSnapshot process, StageDefinition stage, Instant now) {
        return new OutboxMessage(installation.serviceRequests(stage.service()), process.id(), OutboxMessage.Kind.SERVICE_REQUEST,
                process.pendingRequest(), now);
    }

    private static String missingEdge(CaseDefinition definition, StageDefinition stage, String outcome) {
        List<String> known = definition.transitionsFrom(stage.name()).stream().map(TransitionDefinition::describe).toList();
        return "case " + definition.key() + " v" + definition.version() + ", stage '" + stage.name()
                + "': there is no transition for '" + outcome + "'"
                + (known.isEmpty() ? " (the stage has no outgoing transitions)" : "; the stage has: " + String.join(", ", known));
    }

    /** True when {@code json} is JSON's null (a handler's result of null is no result). */
    private static boolean isJsonNull(byte[] json) {
        return json.length < 16 && new String(json, StandardCharsets.UTF_8).strip().equals("null");
    }
}
