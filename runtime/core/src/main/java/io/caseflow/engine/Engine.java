package io.caseflow.engine;

import io.caseflow.commit.Commit;
import io.caseflow.commit.NewProcess;
import io.caseflow.commit.StageRunWrite;
import io.caseflow.commit.StartOutcome;
import io.caseflow.concurrent.Futures;
import io.caseflow.definition.CaseDefinition;
import io.caseflow.definition.CaseKey;
import io.caseflow.definition.StageDefinition;
import io.caseflow.handler.HandlerRegistry;
import io.caseflow.handler.ProcessData;
import io.caseflow.handler.StageContext;
import io.caseflow.handler.StageHandler;
import io.caseflow.handler.StageOutcome;
import io.caseflow.installation.Installation;
import io.caseflow.message.InnerMessage;
import io.caseflow.message.MalformedMessageException;
import io.caseflow.message.Messages;
import io.caseflow.message.ReplyTimeout;
import io.caseflow.message.ServiceReply;
import io.caseflow.message.StageDue;
import io.caseflow.process.FailureKind;
import io.caseflow.process.ProcessEventListener;
import io.caseflow.process.ProcessSnapshot;
import io.caseflow.store.DefinitionStore;
import io.caseflow.store.ProcessStore;
import io.caseflow.store.StoreException;
import io.caseflow.taskid.InvalidTaskIdException;
import io.caseflow.taskid.TaskId;
import io.caseflow.taskid.TaskIdCodec;
import io.caseflow.tracing.Tracing;
import io.caseflow.transport.Delivery;
import io.caseflow.transport.Transport;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Scope;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Carries out the commit protocol for every message the transport delivers: load the process, drop
 * the message if the process has moved past it, run the stage's handler, let the {@link Decider} say
 * what to commit, commit it with the step fence (grouped with other workers' commits), and only then
 * acknowledge the message.
 *
 * <p>A crash anywhere repeats at most the handler run, the commit attempt (refused by the fence if it
 * had landed) and the acknowledgement; never a second committed result.
 */
public final class Engine implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Engine.class);
    private static final String CONSUMER = "engine";
    private static final Duration STORE_RETRY = Duration.ofSeconds(1);
    /** A message whose handling keeps failing for reasons other than an outage is dead-lettered after this many deliveries. */
    static final int MAX_FAILED_DELIVERIES = 10;

    private final ProcessStore processes;
    private final DefinitionStore definitions;
    private final HandlerRegistry handlers;
    private final Transport transport;
    private final Installation installation;
    private final TaskIdCodec taskIds;
    private final Decider decider;
    private final Clock clock;
    private final EngineMetrics metrics;
    private final HandlerRunner runner;
    private final GroupCommitter committer;
    private final int workerThreads;
    private final ProcessOperations operations;
    private final Tracing tracing;

    public Engine(ProcessStore processes, DefinitionStore definitions, HandlerRegistry handlers, Transport transport,
                  TaskIdCodec taskIds, Clock clock, EngineMetrics metrics, List<ProcessEventListener> listeners,
                  int workerThreads, int maxCommitBatch, Tracing tracing) {
        this.processes = processes;
        this.definitions = definitions;
        this.handlers = handlers;
        this.transport = transport;
        this.installation = transport.installation();
        this.taskIds = taskIds;
        this.decider = new Decider(taskIds, clock, installation);
        this.clock = clock;
        this.metrics = metrics;
        this.workerThreads = workerThreads;
        this.tracing = tracing;
        this.runner = new HandlerRunner(clock);
        this.committer = new GroupCommitter(processes, transport, metrics, List.copyOf(listeners), maxCommitBatch);
        transport.shareWriter(committer);
        this.operations = new ProcessOperations(this, processes, definitions, decider, clock);
    }

    public Decider decider() {
        return decider;
    }

    /** Starts consuming this case api's innerQ and serviceQ. Idempotent. */
    public void serve(CaseKey key) {
        transport.consume(CONSUMER, Set.of(installation.innerQ(key), installation.serviceQ(key)), workerThreads, this::onDelivery);
    }

    /** Commits a transition decided outside a delivery (retry, cancel); returns whether the fence held. */
    boolean commitNow(Commit commit) {
        return Futures.join(committer.submit(Tracing.stamp(commit, Tracing.current())));
    }

    /** Creates a process through the group commit, so a burst of starts shares transactions. */
    StartOutcome start(NewProcess start) {
        return Futures.join(committer.submit(Tracing.stamp(start, Tracing.current())));
    }

    /** Starting, retrying and cancelling processes on request (the API's and the monitor's actions). */
    public ProcessOperations operations() {
        return operations;
    }

    void onDelivery(Delivery delivery) {
        try {
            if (installation.isServiceQ(delivery.queue())) {
                onReply(delivery);
            } else {
                onInner(delivery);
            }
        } catch (RuntimeException e) {
            handleFailure(delivery, e);
        } finally {
            LogContext.clear();
        }
    }

    private void onInner(Delivery delivery) {
        InnerMessage message;
        try {
            message = Messages.parseInner(delivery.body());
        } catch (MalformedMessageException e) {
            deadLetter(delivery, "malformed", e.getMessage());
            return;
        }
        Optional<ProcessSnapshot> found = processes.findAt(message.processId(), message.step());
        if (found.isEmpty()) {
            deadLetter(delivery, "unknown_process", "no process " + message.processId());
            return;
        }
        ProcessSnapshot process = found.get();
        LogContext.of(process);
        if (!installation.innerQ(process.caseKey()).equals(delivery.queue())) {
            deadLetter(delivery, "wrong_queue", "process " + process.id() + " belongs to case " + process.caseKey()
                    + ", not to queue " + delivery.queue());
            return;
        }
        Optional<CaseDefinition> definition = definitions.find(process.caseKey(), process.caseVersion());
        if (definition.isEmpty()) {
            deadLetter(delivery, "unknown_case", "case " + process.caseKey() + " v" + process.caseVersion() + " is not deployed");
            return;
        }
        if (message instanceof StageDue due) {
            Optional<String> stale = Decider.staleStageDue(process, due);
            if (stale.isPresent()) {
                dropDuplicate(delivery, "stale_step", process, stale.get());
                return;
            }
            metrics.hop(Duration.between(delivery.dueAt(), clock.instant()));
            Span span = tracing.startStage(due.traceparent(), process, due.stage());
            try (Scope ignored = span.makeCurrent()) {
                submit(runStage(definition.get(), process), delivery, span, due.traceparent());
            }
        } else {
            ReplyTimeout timeout = (ReplyTimeout) message;
            Optional<String> stale = Decider.staleReplyTimeout(process, timeout);
            if (stale.isPresent()) {
                dropDuplicate(delivery, "stale_timer", process, stale.get());
                return;
            }
            StageDefinition stage = definition.get().stage(process.currentStage()).orElseThrow();
            Span span = tracing.startOnProcess("reply overdue " + stage.name(), timeout.traceparent(), process);
            submit(decider.onReplyOverdue(definition.get(), process, stage), delivery, span, timeout.traceparent());
        }
    }

    private void onReply(Delivery delivery) {
        ServiceReply reply;
        try {
            reply = Messages.parseReply(delivery.body());
        } catch (MalformedMessageException e) {
            deadLetter(delivery, "malformed", e.getMessage());
            return;
        }
        TaskId taskId;
        try {
            taskId = taskIds.decode(reply.taskId());
        } catch (InvalidTaskIdException e) {
            deadLetter(delivery, "bad_task_id", e.getMessage());
            return;
        }
        if (!installation.serviceQ(taskId.caseKey()).equals(delivery.queue())) {
            deadLetter(delivery, "wrong_queue", "the task id is for case " + taskId.caseKey() + ", not for queue " + delivery.queue());
            return;
        }
        Optional<ProcessSnapshot> found = processes.findAt(taskId.processId(), taskId.step());
        if (found.isEmpty()) {
            deadLetter(delivery, "unknown_process", "no process " + taskId.processId() + " (named by a validly signed task id)");
            return;
        }
        ProcessSnapshot process = found.get();
        LogContext.of(process);
        LogContext.taskId(reply.taskId());
        Optional<String> stale = Decider.staleReply(process, reply.taskId());
        if (stale.isPresent()) {
            dropDuplicate(delivery, "stale_reply", process, stale.get());
            return;
        }
        CaseDefinition definition = definitions.find(process.caseKey(), process.caseVersion()).orElseThrow();
        StageDefinition stage = definition.stage(process.currentStage()).orElseThrow();
        Span span = tracing.startOnProcess("reply " + stage.name(), reply.traceparent(), process);
        span.setAttribute(Tracing.TASK_ID, reply.taskId());
        submit(decider.onReply(definition, process, stage, reply), delivery, span, reply.traceparent());
    }

    private Commit runStage(CaseDefinition definition, ProcessSnapshot process) {
        Optional<StageDefinition> found = definition.stage(process.currentStage());
        Instant now = clock.instant();
        if (found.isEmpty()) {
            StageDefinition ghost = StageDefinition.task(process.currentStage(), null);
            return decider.onHandlerResult(definition, process, ghost, HandlerResult.failed(now, now, FailureKind.DEFINITION_ERROR,
                    "case " + definition.key() + " v" + definition.version() + " has no stage '" + process.currentStage() + "'", null));
        }
        StageDefinition stage = found.get();
        if (stage.handler() == null) {
            return decider.onHandlerResult(definition, process, stage,
                    HandlerResult.finished(now, now, defaultOutcome(stage, process), process.data()));
        }
        Optional<StageHandler> handler = handlers.find(stage.handler());
        if (handler.isEmpty()) {
            return decider.onHandlerResult(definition, process, stage, HandlerResult.failed(now, now, FailureKind.DEFINITION_ERROR,
                    "handler '" + stage.handler() + "' of stage '" + stage.name() + "' (case " + definition.key()
                            + ") is not registered in this worker", null));
        }
        metrics.handlerRun();
        HandlerResult result = runner.run(handler.get(), context(definition, process, stage), stage.timeout());
        metrics.stageRun(definition.key(), stage.name(), Duration.between(result.startedAt(), result.endedAt()),
                result.hasOutcome() ? null : result.failureKind().name().toLowerCase(Locale.ROOT));
        return decider.onHandlerResult(definition, process, stage, result);
    }

    private static StageOutcome defaultOutcome(StageDefinition stage, ProcessSnapshot process) {
        return switch (stage.kind()) {
            case TASK -> StageOutcome.next();
            case SERVICE -> new StageOutcome.CallService(stage.command(), process.data().asRawNode()); // the data's text as it is
            case END -> StageOutcome.next(); // an end stage that goes on completes with the data, its text as it is
        };
    }

    private StageContext context(CaseDefinition definition, ProcessSnapshot process, StageDefinition stage) {
        String replyFrom = process.previousStage() != null
                && definition.stage(process.previousStage()).map(StageDefinition::isService).orElse(false) ? process.previousStage() : null;
        return new StageContext(process.id(), process.caseKey(), process.caseVersion(), stage.name(), process.attempt(),
                process.input(), process.results(), replyFrom, new ProcessData(process.data()), stage.command()); // shared,
        // copied on use: the store keeps what a process carries per step; a handler that changed it in place would change history
    }

    /**
     * Commits what a delivery decided, its messages carrying the trace context of {@code span} (or, when
     * nothing is traced, the one that came in), and ends the span when the commit has landed or was refused.
     */
    private void submit(Commit decided, Delivery delivery, Span span, String incomingTraceparent) {
        Commit commit = Tracing.stamp(decided, Tracing.traceparent(span, incomingTraceparent));
        String failed = attemptError(decided);
        if (failed != null) {
            span.setStatus(StatusCode.ERROR, failed);
        }
        long consumedRow = delivery.storedRowId();
        committer.submit(commit, consumedRow).whenComplete((applied, error) -> {
            span.setAttribute("caseflow.committed", error == null && applied);
            span.end();
            if (error != null) {
                handleFailure(delivery, Futures.unwrap(error));
                return;
            }
            if (applied) {
                metrics.transitionCommitted(commit.next().caseKey(), commit.next().currentStage());
            } else {
                metrics.duplicateDropped("fenced_commit");
                LOG.debug("commit refused by the step fence: processId={} step={}", commit.processId(), commit.expectedStep());
            }
            if (consumedRow != 0) {
                delivery.ackedByCommit();
            } else {
                delivery.ack();
            }
        });
    }

    /** Why the attempt this commit records failed or timed out, or null if it did not. */
    private static String attemptError(Commit commit) {
        for (StageRunWrite write : commit.runWrites()) {
            if (write instanceof StageRunWrite.Insert insert && insert.run().error() != null) {
                return insert.run().error();
            }
            if (write instanceof StageRunWrite.Finish finish && finish.error() != null) {
                return finish.error();
            }
        }
        return null;
    }

    private void dropDuplicate(Delivery delivery, String reason, ProcessSnapshot process, String detail) {
        metrics.duplicateDropped(reason);
        LOG.debug("dropped {} message: processId={} step={}: {}", reason, process.id(), process.step(), detail);
        delivery.ack();
    }

    private void deadLetter(Delivery delivery, String reason, String detail) {
        metrics.deadLettered(reason);
        delivery.deadLetter(reason, detail);
    }

    private void handleFailure(Delivery delivery, Throwable error) {
        if (StoreException.isUnavailable(error)) {
            LOG.warn("store unavailable while handling a message from {} ({}); delivering it again in {}", delivery.queue(),
                    error.getMessage(), STORE_RETRY);
            delivery.retryLater(STORE_RETRY);
        } else if (delivery.deliveryCount() >= MAX_FAILED_DELIVERIES) {
            LOG.error("giving up on a message from {} after {} deliveries", delivery.queue(), delivery.deliveryCount(), error);
            deadLetter(delivery, "handling_failed", "handling failed " + delivery.deliveryCount() + " times; last error: " + error);
        } else {
            LOG.warn("handling a message from {} failed (delivery {}); delivering it again", delivery.queue(),
                    delivery.deliveryCount(), error);
            delivery.retryLater(STORE_RETRY);
        }
    }

    public EngineMetrics metrics() {
        return metrics;
    }

    @Override
    public void close() {
        committer.close();
        runner.close();
    }
}
