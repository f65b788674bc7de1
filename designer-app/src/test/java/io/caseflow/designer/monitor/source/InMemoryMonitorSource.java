package io.caseflow.designer.monitor.source;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.caseflow.audit.AuditEvent;
import io.caseflow.definition.CaseDefinition;
import io.caseflow.definition.CaseKey;
import io.caseflow.definition.DeployedDefinition;
import io.caseflow.designer.monitor.ConnectionState;
import io.caseflow.designer.monitor.MonitorSource;
import io.caseflow.designer.monitor.SourceUnavailableException;
import io.caseflow.json.JsonFields;
import io.caseflow.json.JsonText;
import io.caseflow.message.DeadLetter;
import io.caseflow.process.ActionResult;
import io.caseflow.process.Failure;
import io.caseflow.process.FailureKind;
import io.caseflow.process.ProcessEvent;
import io.caseflow.process.ProcessNotFoundException;
import io.caseflow.process.ProcessPage;
import io.caseflow.process.ProcessQuery;
import io.caseflow.process.ProcessSnapshot;
import io.caseflow.process.ProcessStatus;
import io.caseflow.process.StageResults;
import io.caseflow.process.StageRun;
import io.caseflow.process.StageRunStatus;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * A source that keeps processes in memory and does what the runtime would: listings with the same
 * filters and order, counts, retry and cancel that move the process on and emit the event. For
 * view-model tests (with a same-thread executor, every future is complete on return) and for the
 * benchmarks (100,000 processes, 10,000 events per second) where the runtime itself would be the
 * bottleneck. {@link #setAvailable} makes every call fail, as a dropped connection would.
 */
public final class InMemoryMonitorSource implements MonitorSource {
    private final Executor executor;
    private final Clock clock;
    private final TreeMap<String, ProcessSnapshot> processes = new TreeMap<>(Collections.reverseOrder());
    private final Map<String, List<StageRun>> histories = new HashMap<>();
    private final List<DeployedDefinition> definitions = new ArrayList<>();
    private final List<DeadLetter> deadLetters = new ArrayList<>();
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private volatile ConnectionState state;
    private volatile boolean available = true;
    private volatile boolean emitOnChange = true;
    private long calls;

    public InMemoryMonitorSource(Executor executor, Clock clock) {
        this.executor = executor;
        this.clock = clock;
        this.state = ConnectionState.connected(clock.instant());
    }

    /** Every future complete on return (view-model tests). */
    public static InMemoryMonitorSource direct(Clock clock) {
        return new InMemoryMonitorSource(Runnable::run, clock);
    }

    // ------------------------------------------------------------------ set-up and simulation

    public synchronized void deploy(CaseDefinition definition) {
        definitions.add(new DeployedDefinition(definition, clock.instant(), false));
    }

    /** Stores (or replaces) a process without telling listeners. */
    public synchronized void put(ProcessSnapshot p) {
        processes.put(p.id(), p);
    }

    public synchronized void putHistory(String processId, List<StageRun> runs) {
        histories.put(processId, List.copyOf(runs));
    }

    public synchronized void addDeadLetter(DeadLetter letter) {
        deadLetters.add(0, letter);
    }

    /** Whether retry and cancel emit their event (tests of missed events turn it off). */
    public void setEmitOnChange(boolean value) {
        emitOnChange = value;
    }

    /** Stores the process and tells the listeners, as a commit would. */
    public void commit(ProcessSnapshot p) {
        put(p);
        emit(List.of(ProcessEvent.of(p)));
    }

    /** Stores many processes and tells the listeners in one batch, as one group commit would. */
    public void commitAll(List<ProcessSnapshot> batch) {
        List<ProcessEvent> events = new ArrayList<>(batch.size());
        synchronized (this) {
            for (ProcessSnapshot p : batch) {
                processes.put(p.id(), p);
                events.add(ProcessEvent.of(p));
            }
        }
        emit(events);
    }

    public void emit(List<ProcessEvent> events) {
        for (Listener l : listeners) {
            l.events(events);
        }
    }

    /** Drops or restores the "connection": calls fail while unavailable, and listeners hear it. */
    public void setAvailable(boolean value, String reason) {
        available = value;
        state = value ? ConnectionState.connected(clock.instant()) : ConnectionState.reconnecting(reason, clock.instant(), 1);
        for (Listener l : listeners) {
            l.connection(state);
        }
    }

    public synchronized Optional<ProcessSnapshot> find(String id) {
        return Optional.ofNullable(processes.get(id));
    }

    public synchronized int size() {
        return processes.size();
    }

    public synchronized long calls() {
        return calls;
    }

    /** A new process snapshot: the fields a test cares about, the rest filled in. */
    public static ProcessSnapshot snapshot(String id, CaseKey key, int version, ProcessStatus status, String stage, long step,
                                           ObjectNode data, Failure failure, Instant at) {
        return new ProcessSnapshot(id, key, version, status, stage, null, step, 1, null, null, null, JsonText.emptyObject(),
                JsonFields.of(data), StageResults.empty(), null, failure, null, at, at);
    }

    public static Failure failure(String stage, String message, Instant at) {
        return new Failure(stage, FailureKind.HANDLER_ERROR, message, "java.lang.IllegalStateException: " + message
                + "\n\tat io.caseflow.samples.OrderHandlers." + stage + "(OrderHandlers.java:42)", at);
    }

    // ------------------------------------------------------------------ MonitorSource

    private <T> CompletableFuture<T> call(Supplier<T> work) {
        return CompletableFuture.supplyAsync(() -> {
            if (!available) {
                throw new SourceUnavailableException("the source does not answer (" + state.reason() + ")", null);
            }
            synchronized (this) {
                calls++;
                return work.get();
            }
        }, executor);
    }

    @Override
    public String describe() {
        return "in-memory source";
    }

    @Override
    public ConnectionState connection() {
        return state;
    }

    @Override
    public Subscription subscribe(Listener listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    @Override
    public CompletableFuture<List<DeployedDefinition>> definitions() {
        return call(() -> List.copyOf(definitions));
    }

    @Override
    public CompletableFuture<Optional<CaseDefinition>> definition(CaseKey key, int version) {
        return call(() -> definitions.stream().map(DeployedDefinition::definition)
                .filter(d -> d.key().equals(key) && d.version() == version).findFirst());
    }

    @Override
    public CompletableFuture<ProcessPage> list(ProcessQuery q) {
        return call(() -> {
            List<ProcessSnapshot> page = new ArrayList<>(Math.min(q.limit(), 1000));
            long total = 0;
            String text = q.text() == null || q.text().isBlank() ? null : q.text().toLowerCase(Locale.ROOT);
            for (ProcessSnapshot p : processes.values()) {
                if (!q.statuses().isEmpty() && !q.statuses().contains(p.status())
                        || q.caseName() != null && !q.caseName().equals(p.caseKey().name())
                        || q.caseApi() != null && !q.caseApi().equals(p.caseKey().api())
                        || q.caseVersion() != null && q.caseVersion() != p.caseVersion()
                        || q.stage() != null && !q.stage().equals(p.currentStage())
                        || text != null && !p.id().contains(text) && !p.data().toString().toLowerCase(Locale.ROOT).contains(text)) {
                    continue;
                }
                if (total >= q.offset() && page.size() < q.limit()) {
                    page.add(p);
                }
                total++;
            }
            return new ProcessPage(page, total, q.offset());
        });
    }

    @Override
    public CompletableFuture<Map<String, Map<ProcessStatus, Long>>> countsByStage(CaseKey key) {
        return call(() -> {
            Map<String, Map<ProcessStatus, Long>> counts = new LinkedHashMap<>();
            for (ProcessSnapshot p : processes.values()) {
                if (p.caseKey().equals(key)) {
                    counts.computeIfAbsent(p.currentStage(), s -> new EnumMap<>(ProcessStatus.class)).merge(p.status(), 1L, Long::sum);
                }
            }
            return counts;
        });
    }

    @Override
    public CompletableFuture<ProcessSnapshot> process(String processId) {
        return call(() -> {
            ProcessSnapshot p = processes.get(processId);
            if (p == null) {
                throw new ProcessNotFoundException(processId);
            }
            return p;
        });
    }

    @Override
    public CompletableFuture<List<StageRun>> history(String processId) {
        return call(() -> histories.getOrDefault(processId, defaultHistory(processes.get(processId))));
    }

    /** What {@link #audit} answers for a process. */
    public final Map<String, List<AuditEvent>> audits = new ConcurrentHashMap<>();

    @Override
    public CompletableFuture<List<AuditEvent>> audit(String processId) {
        return call(() -> audits.getOrDefault(processId, List.of()));
    }

    private List<StageRun> defaultHistory(ProcessSnapshot p) {
        if (p == null) {
            return List.of();
        }
        StageRunStatus status = p.status() == ProcessStatus.FAILED ? StageRunStatus.FAILED
                : p.status() == ProcessStatus.WAITING ? StageRunStatus.WAITING : StageRunStatus.COMPLETED;
        return List.of(new StageRun(p.id(), p.step(), p.currentStage(), p.attempt(), status, p.createdAt(), p.updatedAt(), null, null,
                null, p.failure() == null ? null : p.failure().message(), p.failure() == null ? null : p.failure().stackTrace()));
    }

    @Override
    public CompletableFuture<List<DeadLetter>> deadLetters(int limit) {
        return call(() -> List.copyOf(deadLetters.subList(0, Math.min(limit, deadLetters.size()))));
    }

    @Override
    public CompletableFuture<ActionResult> retry(String processId, String fromStage, ObjectNode newData) {
        CompletableFuture<ActionResult> result = call(() -> {
            ProcessSnapshot p = processes.get(processId);
            if (p == null) {
                throw new ProcessNotFoundException(processId);
            }
            if (p.status() != ProcessStatus.FAILED) {
                return new ActionResult(p, false, "process " + processId + " is " + p.status() + "; only a FAILED process is retried");
            }
            ProcessSnapshot.Builder b = p.toBuilder().status(ProcessStatus.RUNNING).step(p.step() + 1).attempt(1).failure(null)
                    .updatedAt(clock.instant());
            if (fromStage != null && !fromStage.equals(p.currentStage())) {
                b.moveTo(fromStage);
            }
            if (newData != null) {
                b.data(newData);
            }
            ProcessSnapshot next = b.build();
            processes.put(next.id(), next);
            return new ActionResult(next, true, "process " + processId + " resumes at stage '" + next.currentStage() + "'");
        });
        return result.thenApply(this::emitIfChanged);
    }

    @Override
    public CompletableFuture<ActionResult> cancel(String processId) {
        CompletableFuture<ActionResult> result = call(() -> {
            ProcessSnapshot p = processes.get(processId);
            if (p == null) {
                throw new ProcessNotFoundException(processId);
            }
            if (!p.status().isCancellable()) {
                return new ActionResult(p, false, "process " + processId + " is " + p.status() + "; nothing to cancel");
            }
            ProcessSnapshot next = p.toBuilder().status(ProcessStatus.CANCELLED).step(p.step() + 1).updatedAt(clock.instant()).build();
            processes.put(next.id(), next);
            return new ActionResult(next, true, "process " + processId + " cancelled at stage '" + p.currentStage() + "'");
        });
        return result.thenApply(this::emitIfChanged);
    }

    private ActionResult emitIfChanged(ActionResult r) {
        if (r.changed() && emitOnChange) {
            emit(List.of(ProcessEvent.of(r.process())));
        }
        return r;
    }

    @Override
    public void reconnect() {
        if (available) {
            state = ConnectionState.connected(clock.instant());
            for (Listener l : listeners) {
                l.connection(state);
            }
        }
    }

    @Override
    public void close() {
        listeners.clear();
    }
}
