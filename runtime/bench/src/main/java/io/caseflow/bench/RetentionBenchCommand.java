package io.caseflow.bench;

import io.caseflow.store.Database;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code caseflow bench-retention}: the retention sweeper on a store full of finished processes, with new ones running. */
@Command(name = "bench-retention", mixinStandardHelpOptions = true,
        description = "Fills a store with finished processes, then measures new processes (transitions/s, stage-to-stage p50/p99) "
                + "without a sweep, while the retention sweeper deletes all the finished ones, and after; prints the delete rate.")
final class RetentionBenchCommand implements Callable<Integer> {

    @Option(names = "--finished", defaultValue = "1000000", description = "Finished processes to fill in and delete (default ${DEFAULT-VALUE}).")
    int finished;

    @Option(names = "--processes", defaultValue = "2000", description = "New processes per measured run (default ${DEFAULT-VALUE}).")
    int processes;

    @Option(names = "--stages", defaultValue = "5", description = "Stages of the case, and stage runs of each finished process (default ${DEFAULT-VALUE}).")
    int stages;

    @Option(names = "--threads", defaultValue = "4", description = "Worker threads (default ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = "--batch", defaultValue = "500", description = "Processes per sweep transaction (default ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--payload-bytes", defaultValue = "200", description = "Input, data and each stage output of a finished process (default ${DEFAULT-VALUE}).")
    int payloadBytes;

    @Option(names = "--jdbc-url", paramLabel = "URL",
            description = "The store, e.g. jdbc:postgresql://127.0.0.1:5432/test?currentSchema=bench1&user=postgres (a fresh schema); "
                    + "default: an H2 file in a new temporary directory.")
    String jdbcUrl;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (finished < 1 || processes < 1 || stages < 2 || stages > 50) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--finished and --processes must be at least 1, --stages 2 to 50");
        }
        PrintWriter out = spec.commandLine().getOut();
        Path dir = jdbcUrl == null ? Files.createTempDirectory("caseflow-bench-retention") : null;
        String url = jdbcUrl != null ? jdbcUrl : Database.h2File(dir.resolve("bench"));
        out.printf("caseflow bench-retention: %s, %,d finished processes (%d stage runs, %d B payloads each), %,d new processes per "
                        + "run on a %d-stage case, %d worker threads, sweep batch %d%n", url.startsWith("jdbc:h2") ? "H2 file, WRITE_DELAY=0"
                        : "PostgreSQL", finished, stages, payloadBytes, processes, stages, threads, batch);
        out.printf("machine: %d cores, Java %s%n", Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
        out.flush();
        new RetentionBenchmark().run(builder -> builder.jdbcUrl(url),
                new RetentionBenchmark.Settings(finished, processes, stages, threads, batch, payloadBytes), out);
        return 0;
    }
}
