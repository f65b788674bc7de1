package io.caseflow.samples.cli;

import io.caseflow.process.ProcessSnapshot;
import io.caseflow.process.ProcessStatus;
import io.caseflow.samples.BusinessCase1;
import io.caseflow.samples.Demo;
import io.caseflow.samples.Orders;
import io.caseflow.samples.SampleServices;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/** {@code caseflow demo}: businessCase1 on the embedded runtime with the sample services, and a summary. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Runs the sample businessCase1 (an order flow calling warehouse, payments and shipping services) on the "
                + "embedded runtime: nothing to install. Some orders fail on purpose; the demo retries the flaky ones.")
public final class DemoCommand implements Callable<Integer> {

    @Option(names = {"-n", "--processes"}, defaultValue = "200", description = "Orders to run (default ${DEFAULT-VALUE}).")
    int processes;

    @Option(names = "--threads", defaultValue = "4", description = "Engine worker threads (default ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = "--clean", description = "Only good orders: no declined cards, flaky cards or simulated failures.")
    boolean clean;

    @Option(names = "--db", description = "Keep the databases in this directory (default: a new temporary one, deleted after).")
    Path db;

    @Option(names = "--seed", defaultValue = "42", description = "Seed for the generated orders (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--timeout", defaultValue = "PT5M", description = "How long to wait for the orders, ISO-8601 (default ${DEFAULT-VALUE}).")
    Duration timeout;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (processes < 1 || processes > 1_000_000) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--processes must be 1 to 1,000,000");
        }
        PrintWriter out = spec.commandLine().getOut();
        Path directory = db != null ? Files.createDirectories(db) : Files.createTempDirectory("caseflow-demo");
        try (Demo demo = Demo.open(directory, threads)) {
            out.printf("caseflow demo: case %s, %,d orders, %d worker threads, embedded store in %s%n",
                    BusinessCase1.KEY, processes, threads, directory);
            out.flush();
            long started = System.nanoTime();
            Demo.Started found = demo.start(0, processes, clean ? Orders.Mix.ALL_GOOD : Orders.Mix.DEMO, seed);
            reportFound(out, found);
            boolean done = demo.awaitAllEnded(timeout);
            Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
            long transitions = demo.runtime().metrics().transitions();
            report(out, demo, done, elapsed, transitions);
            int exit = done ? 0 : 2;
            List<ProcessSnapshot> flaky = demo.failed(1000).stream()
                    .filter(p -> p.failure() != null && p.failure().message().contains("flaky card")).toList();
            if (done && !flaky.isEmpty()) {
                out.printf("%nretrying the %d flaky-card failures with one call each (runtime.retry) ...%n", flaky.size());
                long before = demo.endedSoFar();
                flaky.forEach(p -> demo.runtime().retry(p.id()));
                boolean retried = demo.awaitEnded(before, flaky.size(), Duration.ofMinutes(1));
                long completed = flaky.stream().filter(p -> demo.runtime().process(p.id()).status() == ProcessStatus.COMPLETED).count();
                out.printf("  %d of %d completed after retry%s%n", completed, flaky.size(), retried ? "" : " (timed out waiting)");
            }
            out.flush();
            return exit;
        } finally {
            if (db == null) {
                deleteRecursively(directory);
            }
        }
    }

    /** What the store held already, when --db names the folder of an earlier (maybe killed) run. */
    private static void reportFound(PrintWriter out, Demo.Started found) {
        out.printf("found %d already done, %d resumed, %d started%n", found.alreadyDone(), found.resumed(), found.started());
        if (found.refused() > 0) {
            out.printf("  %d order(s) kept as an earlier run started them: their keys were used with another input "
                    + "(another --seed or --clean); use a new --db for a fresh run%n", found.refused());
        }
        if (found.failed() > 0) {
            out.printf("  %d order(s) could not be started: %s%n", found.failed(), found.firstError());
        }
        out.flush();
    }

    private static void report(PrintWriter out, Demo demo, boolean done, Duration elapsed, long transitions) throws Exception {
        Map<ProcessStatus, Long> byStatus = demo.runtime().countsByStatus();
        Map<String, Map<ProcessStatus, Long>> byStage = demo.runtime().countsByStage(BusinessCase1.KEY);
        long shipped = byStage.getOrDefault("completed", Map.of()).getOrDefault(ProcessStatus.COMPLETED, 0L);
        long cancelled = byStage.getOrDefault("cancelled", Map.of()).getOrDefault(ProcessStatus.COMPLETED, 0L);
        out.printf("%n%s%n", done ? "all orders ended" : "NOT all orders ended in time: " + byStatus);
        out.printf("  completed            %,6d   (shipped %,d, payment declined and cancelled %,d)%n",
                byStatus.getOrDefault(ProcessStatus.COMPLETED, 0L), shipped, cancelled);
        Map<String, Long> failures = demo.failed(1000).stream().collect(Collectors.groupingBy(
                p -> p.failure().stage() + ": " + p.failure().message().replaceAll(" \\(.*", ""), TreeMap::new, Collectors.counting()));
        out.printf("  failed               %,6d%n", byStatus.getOrDefault(ProcessStatus.FAILED, 0L));
        failures.forEach((what, count) -> out.printf("      %,5d at %s%n", count, what));
        long running = byStatus.getOrDefault(ProcessStatus.RUNNING, 0L) + byStatus.getOrDefault(ProcessStatus.WAITING, 0L);
        if (running > 0) {
            out.printf("  still running        %,6d%n", running);
        }
        out.printf("  duplicates dropped   %,6d   (stale or repeated messages recognised by the step fence)%n",
                demo.runtime().metrics().duplicatesDropped());
        out.printf("  services             commands applied / distinct task ids / repeats answered from the inbox%n");
        for (SampleServices.Ledger ledger : demo.services().ledgers()) {
            out.printf("      %-10s %,8d / %,8d / %,d%n", ledger.service(), ledger.appliedCommands(), ledger.distinctTaskIds(),
                    ledger.repeatsRecognised());
        }
        out.printf("  elapsed              %.2f s, %,d stage transitions, %,.0f transitions/s%n",
                elapsed.toMillis() / 1000.0, transitions, transitions / Math.max(0.001, elapsed.toNanos() / 1e9));
    }

    private static void deleteRecursively(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
