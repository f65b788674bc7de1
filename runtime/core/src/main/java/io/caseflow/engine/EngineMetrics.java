package io.caseflow.engine;

import io.caseflow.definition.CaseKey;
import io.caseflow.store.CounterValue;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
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
 *
 * <p>Per stage ({@code case}, {@code api}, {@code stage} labels; as many series as deployed stages):
 * {@code caseflow_stage_transitions_total} by the stage a committed transition leads to,
 * {@code caseflow_stage_failures_total} by failure kind, and {@code caseflow_stage_duration_seconds}, a
 * histogram of handler run times whose buckets add up across nodes in Prometheus
 * ({@code histogram_quantile(0.99, sum by (le, case, stage) (rate(caseflow_stage_duration_seconds_bucket[5m])))}).
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
    private final Map<String, Counter> stageTransitions = new ConcurrentHashMap<>();
    private final Map<String, Timer> stageDurations = new ConcurrentHashMap<>();

    public EngineMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.transitions = Counter.builder("caseflow.transitions").description("committed stage transitions").register(registry);
        this.handlerRuns = Counter.builder("caseflow.handler.runs").description("stage handler runs (including re-runs)").register(registry);
        this.hopLatency = Timer.builder("caseflow.hop.latency").description("from a stage becoming due to its handler starting")
                .publishPercentiles(0.5, 0.99).register(registry);
        this.commitBatch = Timer.builder("caseflow.commit.batch")
                .description("one group-commit transaction: the transitions, starts, messages and acknowledgements written together")
                .register(registry);
        DUPLICATE_REASONS.forEach(this::duplicateCounter);
        DEAD_LETTER_REASONS.forEach(this::deadLetterCounter);
    }

    public MeterRegistry registry() {
        return registry;
    }

    void transitionCommitted(CaseKey key, String toStage) {
        transitions.increment();
        stageTransitions.computeIfAbsent(key + "/" + toStage, any -> Counter.builder("caseflow.stage.transitions")
                .tags(stageTags(key, toStage)).description("committed transitions, by the stage each one leads to")
                .register(registry)).increment();
    }

    /** One handler run of {@code stage}, how long it took and, if it failed, how. */
    void stageRun(CaseKey key, String stage, Duration took, String failureKind) {
        stageDurations.computeIfAbsent(key + "/" + stage, any -> Timer.builder("caseflow.stage.duration").tags(stageTags(key, stage))
                .description("handler run time of a stage").publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1)).maximumExpectedValue(Duration.ofMinutes(10)).register(registry))
                .record(took.isNegative() ? Duration.ZERO : took);
        if (failureKind != null) {
            failures.computeIfAbsent(key + "/" + stage + "/" + failureKind, any -> Counter.builder("caseflow.stage.failures")
                    .tags(stageTags(key, stage)).tag("kind", failureKind).description("stage handler runs that failed, by kind")
                    .register(registry)).increment();
        }
    }

    private static Tags stageTags(CaseKey key, String stage) {
        return Tags.of("case", key.name(), "api", key.api(), "stage", stage);
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
                // Values are names people chose (cases, stages): encoded, so a ',' or '=' in one cannot split it.
                String tags = meter.getId().getTags().stream()
                        .map(tag -> tag.getKey() + "=" + URLEncoder.encode(tag.getValue(), StandardCharsets.UTF_8))
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
