package io.caseflow.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/** {@code caseflow bench}: transitions/s and stage-to-stage latency on the embedded runtime. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Measures stage transitions/s and stage-to-stage latency (p50/p99) on the embedded runtime "
                + "(durable H2, WRITE_DELAY=0) for a linear case of N stages, once per worker-thread count.")
final class BenchCommand implements Callable<Integer> {

    @Option(names = "--processes", defaultValue = "2000", description = "Processes per measured run (default ${DEFAULT-VALUE}).")
    int processes;

    @Option(names = "--stages", defaultValue = "10", description = "Stages in the case (default ${DEFAULT-VALUE}).")
    int stages;

    @Option(names = "--threads", split = ",", defaultValue = "1,4", description = "Worker thread counts to run, comma-separated (default ${DEFAULT-VALUE}).")
    List<Integer> threads;

    @Option(names = "--warmup", defaultValue = "300", description = "Processes run first and not measured (default ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--warmup-until-quiet", paramLabel = "SECONDS", defaultValue = "180",
            description = "After the warm-up processes, more rounds of as many (at least 1,000) until the JIT compiler is busy under 5 %% "
                    + "of the time, for at most this long (default ${DEFAULT-VALUE}; 0: the warm-up processes only). On 2 cores the "
                    + "compiler takes half a core for the first 40 s or so: a run measured before then measures the compiler.")
    int warmupUntilQuiet;

    @CommandLine.Mixin
    PayloadOptions payloadOptions;

    @Option(names = "--in-flight", paramLabel = "PROCESSES", defaultValue = "0",
            description = "At most this many processes in flight at once (default ${DEFAULT-VALUE}: all of a run's processes at once).")
    int inFlight;

    @Option(names = "--finished", paramLabel = "PROCESSES", defaultValue = "0",
            description = "Finished processes (with their stage runs) put in the store before warming up (default ${DEFAULT-VALUE}).")
    int finished;

    @Option(names = "--heap-processes", paramLabel = "PROCESSES", defaultValue = "10000",
            description = "Processes held in flight at their first stage after the run, twice, for the heap each adds (default ${DEFAULT-VALUE}; "
                    + "fewer when what they carry would pass a quarter of the heap).")
    int heapProcesses;

    @Option(names = "--runs", paramLabel = "RUNS", defaultValue = "1",
            description = "Runs of each thread count, each on a new store, taking turns (default ${DEFAULT-VALUE}); with more than one, "
                    + "a line per thread count gives the median and the range: runs on a small machine vary by 15-25 %%.")
    int runs;

    @Option(names = "--dir", description = "Directory for the benchmark's database (default: a new temporary directory, deleted after).")
    Path dir;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (processes < 1 || stages < 2 || inFlight < 0 || finished < 0 || heapProcesses < 1 || runs < 1 || warmup < 0
                || warmupUntilQuiet < 0) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--processes, --heap-processes and --runs must be at least 1, "
                    + "--stages at least 2, --in-flight, --finished, --warmup and --warmup-until-quiet 0 or more");
        }
        CaseBenchmark.Payload payload = payloadOptions.payload(spec);
        PrintWriter out = spec.commandLine().getOut();
        out.printf("caseflow bench: embedded runtime, H2 file with WRITE_DELAY=0 (every commit written before its ack), "
                + "%d-stage linear case, %,d processes per run, %,d warm-up%s%n", stages, processes, warmup,
                warmupUntilQuiet > 0 ? String.format(Locale.ROOT, " and more until the JIT compiler is quiet (at most %d s)", warmupUntilQuiet) : "");
        out.printf("payload: %s; in flight: %s; finished processes in the store: %,d%n", payload.describe(),
                inFlight == 0 ? "all of a run" : String.format("at most %,d", inFlight), finished);
        out.printf("machine: %d cores, Java %s%n", Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
        List<Map.Entry<String, CaseBenchmark.Result>> results = new ArrayList<>();
        for (int run = 1; run <= runs; run++) {
            for (int threadCount : threads) { // thread counts take turns, so a drift of the machine touches each alike
                Path base = dir != null ? dir : Files.createTempDirectory("caseflow-bench");
                Path runDir = Files.createDirectories(base.resolve("threads-" + threadCount + (runs > 1 ? "-run-" + run : "")));
                try {
                    CaseBenchmark.Result result = new CaseBenchmark(payload).inFlight(inFlight).finished(finished)
                            .heapProcesses(heapProcesses).warmUntilJitQuiet(Duration.ofSeconds(warmupUntilQuiet))
                            .run(runDir, processes, stages, threadCount, warmup);
                    out.printf("%n%d worker thread(s)%s:%n%s%n", threadCount, runs > 1 ? ", run " + run + " of " + runs : "",
                            result.describe());
                    out.flush();
                    results.add(Map.entry("H2", result));
                } finally {
                    if (dir == null) {
                        deleteRecursively(base);
                    }
                }
            }
        }
        out.printf("%n%s", CaseBenchmark.Result.table(results, 0));
        if (runs > 1) {
            for (int threadCount : threads) {
                out.printf("%s%n", spread(threadCount, results.stream().map(Map.Entry::getValue).filter(r -> r.threads() == threadCount)
                        .mapToDouble(CaseBenchmark.Result::transitionsPerSecond).sorted().toArray()));
            }
        }
        CaseBenchmark.Result.heapPerWorkerThread(results.stream().map(Map.Entry::getValue).toList())
                .ifPresent(line -> out.printf("%s%n", line));
        return 0;
    }

    /** The median and range of one thread count's runs, {@code sorted} ascending. */
    static String spread(int threadCount, double[] sorted) {
        int n = sorted.length;
        double median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
        return String.format(Locale.ROOT, "%d worker thread(s), %d runs: median %,.0f transitions/s, range %,.0f-%,.0f (%+.0f %% / %+.0f %%)",
                threadCount, n, median, sorted[0], sorted[n - 1], 100 * (sorted[0] / median - 1), 100 * (sorted[n - 1] / median - 1));
    }

    static void deleteRecursively(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
