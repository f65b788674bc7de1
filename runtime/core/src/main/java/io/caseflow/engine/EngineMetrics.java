package io.caseflow.engine;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the engine counts. Names follow Micrometer conventions, so a Prometheus registry shows them as
 * {@code caseflow_transitions_total}, {@code caseflow_duplicates_dropped_total{reason=...}} and so on.
 */
public final class EngineMetrics {
    private final MeterRegistry registry;
    private final Counter transitions;
    private final Counter handlerRuns;
    private final Timer hopLatency;
    private final Timer commitBatch;
    private final Map<String, Counter> duplicates = new ConcurrentHashMap<>();
    private final Map<String, Counter> deadLetters = new ConcurrentHashMap<>();
    private final Map<String, Counter> failures = new ConcurrentHashMap<>();

    public EngineMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.transitions = Counter.builder("caseflow.transitions").description("committed stage transitions").register(registry);
        this.handlerRuns = Counter.builder("caseflow.handler.runs").description("stage handler runs (including re-runs)").register(registry);
        this.hopLatency = Timer.builder("caseflow.hop.latency").description("from a stage becoming due to its handler starting")
                .publishPercentiles(0.5, 0.99).register(registry);
        this.commitBatch = Timer.builder("caseflow.commit.batch").description("one group commit").register(registry);
    }

    public MeterRegistry registry() {
        return registry;
    }

    void transitionCommitted() {
        transitions.increment();
    }

    void handlerRun() {
        handlerRuns.increment();
    }

    void hop(Duration latency) {
        if (!latency.isNegative()) {
            hopLatency.record(latency);
        }
    }

    void commitBatch(Duration took) {
        commitBatch.record(took);
    }

    /** A message or commit that arrived for a step the process had already passed. */
    void duplicateDropped(String reason) {
        duplicates.computeIfAbsent(reason, r -> Counter.builder("caseflow.duplicates.dropped").tag("reason", r)
                .description("stale or repeated messages and commits, recognised and dropped").register(registry)).increment();
    }

    void deadLettered(String reason) {
        deadLetters.computeIfAbsent(reason, r -> Counter.builder("caseflow.dead.letters").tag("reason", r)
                .description("messages that could never be handled").register(registry)).increment();
    }

    void stageFailed(String kind) {
        failures.computeIfAbsent(kind, k -> Counter.builder("caseflow.stage.failures").tag("kind", k).register(registry)).increment();
    }

    public long transitions() {
        return (long) transitions.count();
    }

    public long handlerRuns() {
        return (long) handlerRuns.count();
    }

    public long duplicatesDropped() {
        return (long) duplicates.values().stream().mapToDouble(Counter::count).sum();
    }

    public Map<String, Long> duplicatesByReason() {
        Map<String, Long> result = new TreeMap<>();
        duplicates.forEach((reason, counter) -> result.put(reason, (long) counter.count()));
        return result;
    }

    public long deadLettered() {
        return (long) deadLetters.values().stream().mapToDouble(Counter::count).sum();
    }

    public Timer hopLatency() {
        return hopLatency;
    }
}
