package io.caseflow.bench;

import io.caseflow.CaseflowRuntime;
import io.caseflow.definition.CaseKey;
import io.caseflow.handler.HandlerRegistry;
import io.caseflow.handler.StageContext;
import io.caseflow.handler.StageOutcome;
import io.caseflow.process.ProcessStatus;
import io.caseflow.retention.RetentionPeriod;
import io.caseflow.retention.sweep.FinishedProcesses;
import io.caseflow.retention.sweep.RetentionStore;
import io.caseflow.retention.sweep.RetentionSweeper;
import io.micrometer.core.instrument.Timer;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Retention at scale: fills a store with {@code finished} finished processes (bulk inserts of realistic rows: process,
 * payload, one stage run per stage), then measures the engine on new processes of a linear case without a sweep, while
 * the sweeper deletes all of them, and after; prints the delete rate and the new processes' throughput and stage-to-stage
 * latency (p50/p99) in each phase. Runs on whatever store {@code setup} configures (H2 file or PostgreSQL).
 */
public final class RetentionBenchmark {
    private static final CaseKey KEY = new CaseKey("bench", "v1");
    private static final int STARTERS = 8;
    private static final int BASELINE_RUNS = 5;

    /** What to measure. */
    public record Settings(int finished, int processes, int stages, int threads, int batch, int payloadBytes) {
    }

    /** One measured phase of new processes. */
    record Phase(String name, long processes, long transitions, Duration elapsed, Histogram hops) {
        String describe() {
            return String.format(Locale.ROOT, "  %-18s %,7d processes, %,8.0f transitions/s, hop p50 %6.2f ms  p99 %7.2f ms  max %7.2f ms",
                    name, processes, transitions / (elapsed.toNanos() / 1e9), hops.getValueAtPercentile(50) / 1e6,
                    hops.getValueAtPercentile(99) / 1e6, hops.getMaxValue() / 1e6);
        }
    }

    private final Recorder hops = new Recorder(3);
    private final Map<String, Long> lastStart = new ConcurrentHashMap<>();
    private final Completions completed = new Completions();

    private StageOutcome step(StageContext ctx) {
        long now = System.nanoTime();
        Long previous = lastStart.put(ctx.processId(), now);
        if (previous != null) {
            hops.recordValue(Math.max(0, now - previous));
        }
        return ctx.next();
    }

    public void run(UnaryOperator<CaseflowRuntime.Builder> setup, Settings settings, PrintWriter out) throws InterruptedException {
        HandlerRegistry handlers = new HandlerRegistry().register("bench.step", this::step);
        try (CaseflowRuntime runtime = setup.apply(CaseflowRuntime.builder()).handlers(handlers).workerThreads(settings.threads())
                .listener(completed::onEvents).build().start()) {
            runtime.deploy(CaseBenchmark.linearCase(settings.stages()));
            Clock clock = runtime.clock();
            long fillStart = System.nanoTime();
            FinishedProcesses filler = FinishedProcesses.of(KEY).stages(settings.stages()).payloadBytes(settings.payloadBytes());
            int chunk = 50_000;
            for (int done = 0; done < settings.finished(); done += chunk) {
                // Finished 30 to 31 days ago, a millisecond apart, oldest last.
                filler.insert(runtime.database(), Math.min(chunk, settings.finished() - done),
                        clock.instant().minus(Duration.ofDays(30)).minusMillis(done), ProcessStatus.COMPLETED);
            }
            double fillSeconds = (System.nanoTime() - fillStart) / 1e9;
            out.printf(Locale.ROOT, "filled %,d finished processes (%,d rows) in %.1f s: %,.0f processes/s%n", settings.finished(),
                    (long) settings.finished() * (2 + settings.stages()), fillSeconds, settings.finished() / fillSeconds);
            out.flush();

            measure(runtime, "warm-up", settings.processes());
            out.println(measureRuns(runtime, "without a sweep", settings.processes(), BASELINE_RUNS).describe()
                    + String.format(Locale.ROOT, "  (%d runs)", BASELINE_RUNS));
            out.flush();

            RetentionStore store = new RetentionStore(runtime.database(), clock);
            store.setPolicy(KEY.name(), null, RetentionPeriod.parse("P7D"));
            RetentionSweeper.Options options = RetentionSweeper.options().batchSize(settings.batch()).interval(Duration.ofSeconds(1))
                    .backlogPause(Duration.ofMillis(100));
            Histogram during = new Histogram(3);
            long duringProcesses = 0;
            long duringTransitions = 0;
            Duration duringElapsed = Duration.ZERO;
            int runs = 0;
            long sweepStart = System.nanoTime();
            double sweepSeconds;
            try (RetentionSweeper sweeper = RetentionSweeper.start(store, clock, runtime.metrics().registry(), options)) {
                while (store.status().sweep().deletedTotal() < settings.finished()) {
                    Phase phase = measure(runtime, "during the sweep", settings.processes());
                    runs++;
                    during.add(phase.hops());
                    duringProcesses += phase.processes();
                    duringTransitions += phase.transitions();
                    duringElapsed = duringElapsed.plus(phase.elapsed());
                    out.printf(Locale.ROOT, "    run %d: %,d deleted so far%n", runs, store.status().sweep().deletedTotal());
                    out.flush();
                }
                sweepSeconds = (System.nanoTime() - sweepStart) / 1e9;
            }
            out.println(new Phase("during the sweep", duringProcesses, duringTransitions, duringElapsed, during).describe()
                    + String.format(Locale.ROOT, "  (%d runs)", runs));
            Timer batches = runtime.metrics().registry().get("caseflow.retention.batch").timer();
            long rows = (long) runtime.metrics().registry().find("caseflow.retention.deleted").counters().stream()
                    .mapToDouble(c -> c.count()).sum();
            out.printf(Locale.ROOT, "  sweep: %,d processes (%,d rows) deleted in %.1f s -> %,.0f processes/s (%,.0f rows/s), "
                            + "%,d transactions of at most %d, each %.1f ms on average, longest %.1f ms%n",
                    settings.finished(), rows, sweepSeconds, settings.finished() / sweepSeconds, rows / sweepSeconds, batches.count(),
                    store.status().sweep().largestBatch(), batches.mean(TimeUnit.MILLISECONDS), batches.max(TimeUnit.MILLISECONDS));
            out.println(measureRuns(runtime, "after the sweep", settings.processes(), BASELINE_RUNS).describe()
                    + String.format(Locale.ROOT, "  (%d runs)", BASELINE_RUNS));
            out.flush();
        }
    }

    /** {@code runs} measured runs one after the other, as one phase. */
    private Phase measureRuns(CaseflowRuntime runtime, String name, int count, int runs) throws InterruptedException {
        Histogram all = new Histogram(3);
        long transitions = 0;
        Duration elapsed = Duration.ZERO;
        for (int i = 0; i < runs; i++) {
            Phase phase = measure(runtime, name, count);
            all.add(phase.hops());
            transitions += phase.transitions();
            elapsed = elapsed.plus(phase.elapsed());
        }
        return new Phase(name, (long) count * runs, transitions, elapsed, all);
    }

    /** Starts {@code count} processes from several client threads and waits for all; the hops recorded meanwhile. */
    private Phase measure(CaseflowRuntime runtime, String name, int count) throws InterruptedException {
        hops.getIntervalHistogram();
        long transitionsBefore = runtime.metrics().transitions();
        long expected = completed.count() + count;
        long started = System.nanoTime();
        completed.start(runtime, KEY, count, STARTERS, n -> Map.of("n", n));
        completed.await(expected, Duration.ofMinutes(10), runtime, "new processes");
        Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
        return new Phase(name, count, runtime.metrics().transitions() - transitionsBefore, elapsed, hops.getIntervalHistogram());
    }
}
