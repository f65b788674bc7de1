package io.caseflow.bench;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code caseflow bench-floor}: what encoding and durably writing a payload costs with no runtime around it. */
@Command(name = "bench-floor", mixinStandardHelpOptions = true,
        description = "Encodes what each process of 'caseflow bench' carries (same options, same values) and writes it to an H2 file "
                + "opened as the runtime opens it, with no runtime; alternating with the same writes carrying "
                + "nothing. The difference per transition is the least any store of the JSON pays for the bytes.")
final class PayloadFloorCommand implements Callable<Integer> {

    @Option(names = "--processes", defaultValue = "4000", description = "Processes per measured run (default ${DEFAULT-VALUE}).")
    int processes;

    @Option(names = "--stages", defaultValue = "10", description = "Steps of each process after its start (default ${DEFAULT-VALUE}).")
    int stages;

    @Option(names = "--threads", defaultValue = "2", description = "Writer threads, as the runtime's worker threads (default ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = "--warmup", defaultValue = "2000", description = "Processes written first in each run, not measured, in rounds of as many until the JIT compiler "
            + "is quiet, for at most 60 s (default ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--steps-per-commit", paramLabel = "STEPS",
            description = "Steps (a start or a stage) each writer commits at once (default: a whole process, its start and every stage).")
    Integer stepsPerCommit;

    @Option(names = "--runs", defaultValue = "2", description = "Pairs of runs counted, nothing carried then the payload, after one pair not counted (default ${DEFAULT-VALUE}).")
    int runs;

    @CommandLine.Mixin
    PayloadOptions payloadOptions;

    @Option(names = "--runtime-rate", paramLabel = "TRANSITIONS_PER_SECOND",
            description = "The runtime's rate carrying nothing (from 'caseflow bench' in the same sitting): also prints the most it can "
                    + "reach carrying this payload, its own time per transition plus the bytes' least cost.")
    Double runtimeRate;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (processes < 1 || stages < 1 || threads < 1 || warmup < 0 || runs < 1 || (runtimeRate != null && runtimeRate <= 0)
                || (stepsPerCommit != null && stepsPerCommit < 1)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--processes, --stages, --threads, --steps-per-commit and --runs "
                    + "must be at least 1, --warmup 0 or more, --runtime-rate above 0");
        }
        CaseBenchmark.Payload payload = payloadOptions.payload(spec);
        PrintWriter out = spec.commandLine().getOut();
        out.printf("caseflow bench-floor: JSON encoding and H2 file writes alone (WRITE_DELAY=0, the runtime's settings), a start and "
                + "%d stages a process, %d steps a commit, %d writer thread(s), %,d processes per run after rounds of %,d unmeasured%n", stages,
                stepsPerCommit(), threads, processes, warmup);
        out.printf("payload: %s%n", payload.describe());
        out.printf("machine: %d cores, Java %s%n%n", Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
        out.flush();
        List<Double> bareMicros = new ArrayList<>();
        List<Double> carryingMicros = new ArrayList<>();
        // Pair 0 is not counted: the first pair of a JVM ran at half the speed of the next even after its warm-up rounds
        // (the two runs compile different code: the payload's encoding is not warmed by the bare run).
        for (int run = 0; run <= runs; run++) { // taking turns, so a drift of the machine touches both alike
            String counted = run == 0 ? " (warm-up pair, not counted)" : "";
            PayloadFloor.Result bare = runOnce(CaseBenchmark.Payload.NONE);
            out.println(PayloadFloor.describe("nothing carried", bare) + counted);
            out.flush();
            PayloadFloor.Result carrying = runOnce(payload);
            out.println(PayloadFloor.describe("carrying the payload", carrying) + counted);
            out.flush();
            if (run > 0) {
                bareMicros.add(bare.microsPerTransition());
                carryingMicros.add(carrying.microsPerTransition());
            }
        }
        double bytesMicros = mean(carryingMicros) - mean(bareMicros);
        out.printf(Locale.ROOT, "%nthe bytes' least cost: %.1f µs of machine time per transition (mean of %d pair(s))%n", bytesMicros, runs);
        if (runtimeRate != null) {
            double bound = 1e6 / (1e6 / runtimeRate + bytesMicros);
            out.printf(Locale.ROOT, "a runtime at %,.0f transitions/s carrying nothing can carry this at most at %,.0f transitions/s "
                    + "(%.2f of its rate)%n", runtimeRate, bound, bound / runtimeRate);
        }
        return 0;
    }

    private PayloadFloor.Result runOnce(CaseBenchmark.Payload carried) throws Exception {
        Path directory = Files.createTempDirectory("caseflow-bench-floor");
        try {
            return new PayloadFloor(carried).run(directory, processes, stages, threads, warmup, stepsPerCommit());
        } finally {
            BenchCommand.deleteRecursively(directory);
        }
    }

    private int stepsPerCommit() {
        return stepsPerCommit != null ? stepsPerCommit : stages + 1;
    }

    private static double mean(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).average().orElse(0);
    }
}
