package io.caseflow.bench;

import io.caseflow.CaseflowRuntime;
import io.caseflow.definition.CaseDefinition;
import io.caseflow.definition.CaseKey;
import io.caseflow.definition.RetryPolicy;
import io.caseflow.definition.StageDefinition;
import io.caseflow.definition.StageKind;
import io.caseflow.definition.TransitionDefinition;
import io.caseflow.handler.HandlerRegistry;
import io.caseflow.handler.StageContext;
import io.caseflow.handler.StageOutcome;
import io.caseflow.process.ProcessStatus;
import io.caseflow.retention.sweep.FinishedProcesses;
import io.micrometer.core.instrument.Timer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.HdrHistogram.Recorder;

/**
 * Stage transitions per second and stage-to-stage latency for a linear case of {@code stages} stages,
 * on any store and transport (the runtime builder is configured by the caller). Latency is measured where a user feels it: from the start of one stage's
 * handler to the start of the next one's, which spans the commit, the hand-off and the dispatch.
 */
public final class CaseBenchmark {
    static final CaseKey KEY = new CaseKey("bench", "v1");
    private static final String LAST_STAGE = "done";
    private static final int STARTERS = 16;
    private static final int IDLE_PROCESSES = 100;
    private static final int FILL_CHUNK = 50_000;
    private static final Duration HOLD_LIMIT = Duration.ofMinutes(5);
    private static final int MIN_WARMUP_ROUND = 1_000;

    /** What one run measured. */
    public record Result(int processes, int stages, int threads, long transitions, Duration elapsed, double transitionsPerSecond,
                         double p50Millis, double p99Millis, double maxMillis, long commitTransactions, double commitMeanMillis,
                         long duplicates, double idleP50Millis, double idleP99Millis, long idleHeapBytes, long heapPerInFlightBytes,
                         WarmUp warmUp, Optional<CpuUsage.Split> cpu) {
        /**
         * The table both benchmarks end with (embedded and RabbitMQ): one row per store and result; with {@code ceiling}
         * (the raw broker's msg/s, or 0) a last column of transitions per raw message.
         */
        public static String table(List<Map.Entry<String, Result>> rows, double ceiling) {
            StringBuilder table = new StringBuilder(String.format(Locale.ROOT,
                    "hop latency: idle = one process at a time; loaded = all processes of the run in flight (mostly queueing)%n"
                            + "heap: live heap of the idle runtime, and the heap each process in flight adds (held at its first stage)%n"
                            + "%-11s %-8s %14s %12s %12s %14s %14s %13s %16s%s%n", "store", "threads", "transitions/s", "idle p50 ms",
                    "idle p99 ms", "loaded p50 ms", "loaded p99 ms", "heap idle MB", "heap/process KB",
                    ceiling > 0 ? String.format(Locale.ROOT, " %12s", "vs PerfTest") : ""));
            for (Map.Entry<String, Result> row : rows) {
                Result r = row.getValue();
                table.append(String.format(Locale.ROOT, "%-11s %-8d %,14.0f %12.2f %12.2f %14.1f %14.1f %13.1f %16.2f%s%n", row.getKey(),
                        r.threads(), r.transitionsPerSecond(), r.idleP50Millis(), r.idleP99Millis(), r.p50Millis(), r.p99Millis(),
                        r.idleHeapBytes() / 1048576.0, r.heapPerInFlightBytes() / 1024.0,
                        ceiling > 0 ? String.format(Locale.ROOT, " %12.2f", r.transitionsPerSecond() / ceiling) : ""));
            }
            if (rows.stream().anyMatch(row -> row.getValue().cpu().isPresent())) {
                table.append(String.format(Locale.ROOT, "%nCPU per transition while measured, in microseconds (Linux /proc; 'rest' is every other process "
                        + "of the machine)%n%-11s %-8s %10s %10s %10s %10s %13s%n", "store", "threads", "this JVM", "broker", "database",
                        "rest", "machine idle"));
                for (Map.Entry<String, Result> row : rows) {
                    row.getValue().cpu().ifPresent(cpu -> table.append(String.format(Locale.ROOT,
                            "%-11s %-8d %10.0f %10.0f %10.0f %10.0f %12.0f%%%n", row.getKey(), row.getValue().threads(),
                            cpu.jvmMicros(), cpu.brokerMicros(), cpu.databaseMicros(), cpu.otherMicros(), 100 * cpu.idleShare())));
                }
            }
            return table.toString();
        }

        /**
         * With runs of different worker thread counts: the idle runtime's live heap per extra worker thread, from the
         * fewest to the most threads (a thread's stack is native memory, reserved by -Xss, not heap).
         */
        public static Optional<String> heapPerWorkerThread(List<Result> results) {
            Result fewest = results.stream().min(Comparator.comparingInt(Result::threads)).orElse(null);
            Result most = results.stream().max(Comparator.comparingInt(Result::threads)).orElse(null);
            if (fewest == null || most.threads() == fewest.threads()) {
                return Optional.empty();
            }
            double perThread = (double) (most.idleHeapBytes() - fewest.idleHeapBytes()) / (most.threads() - fewest.threads());
            return Optional.of(String.format(Locale.ROOT, "heap per worker thread (idle runtime, %d vs %d threads): %.1f KB",
                    most.threads(), fewest.threads(), perThread / 1024));
        }

        public String describe() {
            return String.format(Locale.ROOT,
                    "  stage transitions     %,d in %.2f s  ->  %,.0f transitions/s%n"
                            + "  stage-to-stage latency, all processes in flight:  p50 %.2f ms   p99 %.2f ms   max %.2f ms%n"
                            + "  stage-to-stage latency, one process at a time:    p50 %.2f ms   p99 %.2f ms%n"
                            + "  group commit          %,d transactions, %.1f transitions per transaction, %.1f ms each%n"
                            + "  duplicates dropped    %,d%n"
                            + "  heap                  %.1f MB live when idle; %.2f KB more per process in flight%n"
                            + "  CPU                   %s%n"
                            + "  warm-up               %s",
                    transitions, elapsed.toMillis() / 1000.0, transitionsPerSecond, p50Millis, p99Millis, maxMillis,
                    idleP50Millis, idleP99Millis,
                    commitTransactions, commitTransactions == 0 ? 0.0 : (double) transitions / commitTransactions, commitMeanMillis, duplicates,
                    idleHeapBytes / 1048576.0, heapPerInFlightBytes / 1024.0,
                    cpu.map(split -> split.describe("caseflow (this JVM)", "transition")).orElse("not measured (no Linux /proc)"), warmUp.describe());
        }
    }

    /**
     * What ran before the measured run: {@code processes} in {@code elapsed}, the JIT compiler busy {@code lastJitShare} of
     * the time in the last round of it.
     */
    public record WarmUp(long processes, Duration elapsed, double lastJitShare, boolean untilQuiet) {
        public String describe() {
            if (processes == 0) {
                return "none";
            }
            return String.format(Locale.ROOT, "%,d processes in %.1f s; JIT compiler busy %.1f %% of the last round%s", processes,
                    elapsed.toMillis() / 1000.0, 100 * lastJitShare, !untilQuiet ? ""
                            : lastJitShare <= JitActivity.QUIET_SHARE ? " (quiet)" : " (NOT quiet: the time limit ended the warm-up)");
        }
    }

    /**
     * What each process carries, in bytes of JSON text: an input of {@code inputBytes}, a result of
     * {@code resultBytes} from every stage, and free data of {@code dataBytes} put by the first stage and
     * only read after, each of the {@code shape} given. Real cases carry documents, API replies and item lists; cost
     * should not grow with them.
     */
    public record Payload(int inputBytes, int resultBytes, int dataBytes, Shape shape) {
        public static final Payload NONE = new Payload(0, 0, 0);
        static final int MAX_BYTES = 4 * 1024 * 1024;

        /** What the bytes are. */
        public enum Shape {
            /** One string of a repeated letter: what every sitting before the tenth measured. */
            TEXT,
            /** An item list of words, codes and numbers ({@link PayloadDocument}): what real cases carry. */
            DOCUMENT
        }

        public Payload(int inputBytes, int resultBytes, int dataBytes) {
            this(inputBytes, resultBytes, dataBytes, Shape.TEXT);
        }

        public Payload {
            for (int bytes : new int[] {inputBytes, resultBytes, dataBytes}) {
                if (bytes < 0 || bytes > MAX_BYTES) {
                    throw new IllegalArgumentException("payload sizes must be 0 to " + MAX_BYTES + " bytes, was " + bytes);
                }
            }
            if (shape == null) {
                throw new IllegalArgumentException("a payload has a shape (TEXT or DOCUMENT)");
            }
        }

        /** The same size for input, every result and the free data. */
        public static Payload ofEach(int bytes) {
            return new Payload(bytes, bytes, bytes);
        }

        public String describe() {
            return String.format(Locale.ROOT, "input %s, each stage's result %s, free data %s%s", size(inputBytes), size(resultBytes),
                    size(dataBytes), shape == Shape.TEXT ? " (one string of a repeated letter)" : " (documents: item lists of words and numbers)");
        }

        private static String size(int bytes) {
            return bytes >= 1024 ? bytes / 1024 + " KB" : bytes + " B";
        }

        /** A value of about {@code bytes} of JSON, of this shape: the same one every time it is asked for. */
        Object value(int bytes, char letter) {
            return shape == Shape.TEXT ? String.valueOf(letter).repeat(bytes) : PayloadDocument.ofAbout(bytes);
        }
    }

    private final Payload payload;
    private final Object resultValue;
    private final Object dataValue;
    private final Object inputValue;
    private final Recorder hops = new Recorder(3);
    private final Completions completed = new Completions();
    private final Map<String, Long> lastStart = new ConcurrentHashMap<>();
    private volatile CountDownLatch hold; // while set, stage handlers wait on it: processes stay in flight
    private int inFlight;
    private int finished;
    private int heapProcesses = 10_000;
    private Duration warmUntilQuiet = Duration.ZERO;

    public CaseBenchmark() {
        this(Payload.NONE);
    }

    public CaseBenchmark(Payload payload) {
        this.payload = payload;
        this.resultValue = payload.value(payload.resultBytes(), 'r');
        this.dataValue = payload.value(payload.dataBytes(), 'd');
        this.inputValue = payload.value(payload.inputBytes(), 'i');
    }

    /**
     * After the warm-up processes, more rounds of as many (at least {@value #MIN_WARMUP_ROUND}) until the JIT compiler is
     * quiet ({@link JitActivity#QUIET_SHARE}) or {@code limit} has passed; {@link Duration#ZERO} (the default) runs the
     * warm-up processes only.
     */
    public CaseBenchmark warmUntilJitQuiet(Duration limit) {
        if (limit.isNegative()) {
            throw new IllegalArgumentException("the warm-up limit must be 0 or more, was " + limit);
        }
        this.warmUntilQuiet = limit;
        return this;
    }

    /** At most {@code processes} in flight at once during the measured run (0, the default: all of a run's processes at once). */
    public CaseBenchmark inFlight(int processes) {
        if (processes < 0) {
            throw new IllegalArgumentException("in flight must be 0 (no limit) or more, was " + processes);
        }
        this.inFlight = processes;
        return this;
    }

    /**
     * After the run, holds this many processes in flight at their first stage, twice, to measure the heap each adds
     * (default 10,000). Fewer when what they carry would not fit in a quarter of the heap: see {@link #heldForHeapFigure}.
     */
    public CaseBenchmark heapProcesses(int processes) {
        if (processes < 1) {
            throw new IllegalArgumentException("heap processes must be at least 1, was " + processes);
        }
        this.heapProcesses = processes;
        return this;
    }

    /** Fills the store with {@code processes} finished processes (process, payload and stage run rows) before warming up. */
    public CaseBenchmark finished(int processes) {
        if (processes < 0) {
            throw new IllegalArgumentException("finished must be 0 or more, was " + processes);
        }
        this.finished = processes;
        return this;
    }

    public static CaseDefinition linearCase(int stages) {
        CaseDefinition.Builder builder = CaseDefinition.builder(KEY.name(), KEY.api());
        for (int i = 1; i < stages; i++) {
            builder.stage(StageDefinition.task("s" + i, "bench.step").withRetry(RetryPolicy.NONE));
            if (i > 1) {
                builder.transition("s" + (i - 1), "s" + i);
            }
        }
        builder.stage(new StageDefinition(LAST_STAGE, StageKind.END, "bench.step", null, null, null, null,
                null, null));
        builder.transition("s" + (stages - 1), LAST_STAGE);
        return builder.build();
    }

    private StageOutcome step(StageContext ctx) {
        awaitRelease();
        long now = System.nanoTime();
        Long previous = lastStart.put(ctx.processId(), now);
        if (previous != null) {
            hops.recordValue(Math.max(0, now - previous));
        }
        if (payload.dataBytes() > 0 && previous == null) {
            ctx.data().put("document", dataValue);
        }
        if (ctx.stage().equals(LAST_STAGE)) {
            lastStart.remove(ctx.processId()); // the benchmark's own bookkeeping must not count as the runtime's heap
        }
        return payload.resultBytes() > 0 ? ctx.next(TransitionDefinition.DEFAULT_OUTCOME, Map.of("reply", resultValue)) : ctx.next();
    }

    private void awaitRelease() {
        CountDownLatch gate = hold;
        if (gate == null) {
            return;
        }
        try {
            if (!gate.await(HOLD_LIMIT.toNanos(), TimeUnit.NANOSECONDS)) {
                throw new IllegalStateException("the benchmark held a stage for more than " + HOLD_LIMIT);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while held", e);
        }
    }

    private Map<String, Object> input(int n) {
        return payload.inputBytes() > 0 ? Map.of("n", n, "document", inputValue) : Map.of("n", n);
    }

    /** On the embedded runtime: an H2 file under {@code directory}. */
    public Result run(Path directory, int processes, int stages, int threads, int warmup) throws InterruptedException {
        return run(builder -> builder.h2File(directory.resolve("bench")), processes, stages, threads, warmup);
    }

    /** On whatever store and transport {@code setup} configures. */
    public Result run(UnaryOperator<CaseflowRuntime.Builder> setup, int processes, int stages, int threads,
                      int warmup) throws InterruptedException {
        HandlerRegistry handlers = new HandlerRegistry().register("bench.step", this::step);
        try (CaseflowRuntime runtime = setup.apply(CaseflowRuntime.builder()).handlers(handlers)
                .workerThreads(threads).listener(completed::onEvents).build().start()) {
            runtime.deploy(linearCase(stages));
            long idleHeap = HeapProbe.liveBytes();
            fillFinished(runtime, stages);
            completed.limitInFlight(inFlight);
            WarmUp warmedUp = warmUp(runtime, warmup);
            long before = warmedUp.processes();
            hops.getIntervalHistogram();
            Timer commitTimer = runtime.metrics().registry().get("caseflow.commit.batch").timer();
            long transitionsBefore = runtime.metrics().transitions();
            long commitsBefore = commitTimer.count();
            double commitMillisBefore = commitTimer.totalTime(TimeUnit.MILLISECONDS);
            long duplicatesBefore = runtime.metrics().duplicatesDropped();
            Optional<CpuUsage.Sample> cpuBefore = CpuUsage.sample();
            long started = System.nanoTime();
            startAndWait(runtime, processes, before + processes);
            Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
            Optional<CpuUsage.Sample> cpuAfter = CpuUsage.sample();
            // The measured run's own figures, taken before the one-at-a-time processes add theirs.
            var histogram = hops.getIntervalHistogram();
            long transitions = runtime.metrics().transitions() - transitionsBefore;
            long commits = commitTimer.count() - commitsBefore;
            double commitMillis = commitTimer.totalTime(TimeUnit.MILLISECONDS) - commitMillisBefore;
            long duplicates = runtime.metrics().duplicatesDropped() - duplicatesBefore;
            completed.limitInFlight(0);
            double[] idle = oneAtATime(runtime, IDLE_PROCESSES, before + processes);
            long perProcess = heapPerProcessInFlight(runtime, before + processes + IDLE_PROCESSES);
            return new Result(processes, stages, threads, transitions, elapsed, transitions / (elapsed.toNanos() / 1e9),
                    histogram.getValueAtPercentile(50) / 1e6, histogram.getValueAtPercentile(99) / 1e6,
                    histogram.getMaxValue() / 1e6, commits, commits == 0 ? 0 : commitMillis / commits,
                    duplicates, idle[0], idle[1], idleHeap, perProcess, warmedUp, CpuUsage.between(cpuBefore, cpuAfter, transitions));
        }
    }

    /** The warm-up processes, then (with {@link #warmUntilJitQuiet}) more rounds until the JIT compiler is quiet. */
    private WarmUp warmUp(CaseflowRuntime runtime, int processes) throws InterruptedException {
        if (processes == 0) {
            return new WarmUp(0, Duration.ZERO, 0, false);
        }
        JitActivity jit = new JitActivity();
        long started = System.nanoTime();
        long deadline = started + warmUntilQuiet.toNanos();
        startAndWait(runtime, processes, processes);
        long done = processes;
        double share = jit.shareSinceMark();
        int round = Math.max(processes, MIN_WARMUP_ROUND);
        boolean untilQuiet = !warmUntilQuiet.isZero() && jit.measurable();
        while (untilQuiet && share > JitActivity.QUIET_SHARE && System.nanoTime() < deadline) {
            startAndWait(runtime, round, done + round);
            done += round;
            share = jit.shareSinceMark();
        }
        return new WarmUp(done, Duration.ofNanos(System.nanoTime() - started), share, untilQuiet);
    }

    /** Finished processes already in the store, as a store that has run for a while holds them (history included). */
    private void fillFinished(CaseflowRuntime runtime, int stages) {
        FinishedProcesses filler = FinishedProcesses.of(KEY).stages(Math.min(stages, 50));
        for (int done = 0; done < finished; done += FILL_CHUNK) {
            filler.insert(runtime.database(), Math.min(FILL_CHUNK, finished - done), runtime.clock().instant().minus(Duration.ofDays(1)),
                    ProcessStatus.COMPLETED);
        }
    }

    /** Latency without queueing: processes run one after another; returns p50 and p99 in ms. */
    private double[] oneAtATime(CaseflowRuntime runtime, int count, long completedBefore) throws InterruptedException {
        hops.getIntervalHistogram();
        for (int i = 0; i < count; i++) {
            runtime.startProcess(KEY, input(-1 - i)); // the wait below is the limit: one at a time
            completed.await(completedBefore + i + 1, Duration.ofMinutes(1), runtime, "a single process");
        }
        var histogram = hops.getIntervalHistogram();
        return new double[] {histogram.getValueAtPercentile(50) / 1e6, histogram.getValueAtPercentile(99) / 1e6};
    }

    /**
     * The live heap each process in flight adds: {@link #heapProcesses} processes started while the stage handlers
     * are held, so they stay in flight (in the queue, the payload cache and the worker threads), then as many again;
     * the figure is the growth between the two, so what the first hold sets up once (caches filling, the held worker
     * threads' stages) does not count. Then all are released.
     */
    private long heapPerProcessInFlight(CaseflowRuntime runtime, long completedBefore) throws InterruptedException {
        int held = heldForHeapFigure(heapProcesses, payload, Runtime.getRuntime().maxMemory());
        hold = new CountDownLatch(1);
        try {
            startHeld(runtime, held, held);
            long first = HeapProbe.liveBytes();
            startHeld(runtime, held, 2 * held);
            return (HeapProbe.liveBytes() - first) / held;
        } finally {
            hold.countDown();
            hold = null;
            completed.await(completedBefore + 2L * held, Duration.ofMinutes(10), runtime, "the held processes");
        }
    }

    /**
     * How many processes to hold, twice, for the heap figure: {@code asked}, or fewer when twice that many processes'
     * input and data (counted twice: held as text, and as the text and trees each run makes on the way) would pass a
     * quarter of {@code maxHeap}.
     * 10,000 processes of 256 KB each had filled a 4 GB heap and left the collector thrashing for minutes; at least
     * 50, so the figure stays above the noise.
     */
    static int heldForHeapFigure(int asked, Payload payload, long maxHeap) {
        long perProcess = 2L * ((long) payload.inputBytes() + payload.dataBytes()) + 4_096;
        long fits = maxHeap / 4 / (2 * perProcess);
        return (int) Math.max(Math.min(50, asked), Math.min(asked, fits));
    }

    private void startHeld(CaseflowRuntime runtime, int count, int inFlightAfter) throws InterruptedException {
        completed.start(runtime, KEY, count, STARTERS, this::input);
        long deadline = System.nanoTime() + HOLD_LIMIT.toNanos();
        while (inFlight(runtime) < inFlightAfter) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the processes held for the heap figure did not all start within " + HOLD_LIMIT
                        + ": " + runtime.countsByStatus());
            }
            TimeUnit.MILLISECONDS.sleep(50); // the starts commit in the background; polling the counts is the only signal
        }
    }

    private static long inFlight(CaseflowRuntime runtime) {
        return runtime.countsByStatus().entrySet().stream().filter(e -> !e.getKey().isTerminal()).mapToLong(Map.Entry::getValue).sum();
    }

    private void startAndWait(CaseflowRuntime runtime, int count, long expectedCompleted) throws InterruptedException {
        completed.start(runtime, KEY, count, STARTERS, this::input);
        completed.await(expectedCompleted, Duration.ofMinutes(10), runtime, "the benchmark");
    }
}
