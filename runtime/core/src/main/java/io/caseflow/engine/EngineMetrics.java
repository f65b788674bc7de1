package io.caseflow.engine;

import io.caseflow.store.CounterValue;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * What the engine counts. Names follow Micrometer conventions, so a Prometheus registry shows them as
 * {@code caseflow_transitions_total}, {@code caseflow_duplicates_dropped_total{reason=...}} and so on.
 * The known reasons are registered at zero, so a scrape shows them before the first one happens. A
 * registered node writes its counters ({@link #counters()}) with its heartbeat, and a server's
 * {@code /api/metrics} shows their totals over the deployment.
 */
public final class EngineMetrics {
    private static final String PREFIX = "caseflow.";
    static final List<String> DUPLICATE_REASONS = List.of("stale_step", "stale_reply", "stale_timer", "fenced_commit");
    static final List<String> DEAD_LETTER_REASONS = List.of("malformed", "bad_task_id", "unknown_process", "wrong_queue",
            "unknown_case", "handling_failed");

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
        DUPLICATE_REASONS.forEach(this::duplicateCounter);
        DEAD_LETTER_REASONS.forEach(this::deadLetterCounter);
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
        duplicateCounter(reason).increment();
    }

    private Counter duplicateCounter(String reason) {
        return duplicates.computeIfAbsent(reason, r -> Counter.builder("caseflow.duplicates.dropped").tag("reason", r)
                .description("stale or repeated messages and commits, recognised and dropped").register(registry));
    }

    void deadLettered(String reason) {
        deadLetterCounter(reason).increment();
    }

    private Counter deadLetterCounter(String reason) {
        return deadLetters.computeIfAbsent(reason, r -> Counter.builder("caseflow.dead.letters").tag("reason", r)
                .description("messages that could never be handled").register(registry));
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
        duplicates.forEach((reason, counter) -> {
            if (counter.count() > 0) {
                result.put(reason, (long) counter.count());
            }
        });
        return result;
    }

    public long deadLettered() {
        return (long) deadLetters.values().stream().mapToDouble(Counter::count).sum();
    }

    /** Every caseflow counter in the registry (the engine's, the transport's), as the node writes them to the store. */
    public List<CounterValue> counters() {
        List<CounterValue> values = new ArrayList<>();
        for (Meter meter : registry.getMeters()) {
            if (meter instanceof Counter counter && meter.getId().getName().startsWith(PREFIX)) {
                String tags = meter.getId().getTags().stream().map(tag -> tag.getKey() + "=" + tag.getValue())
                        .collect(Collectors.joining(","));
                values.add(new CounterValue(meter.getId().getName(), tags, (long) counter.count()));
            }
        }
        return values;
    }

    public Timer hopLatency() {
        return hopLatency;
    }
}
