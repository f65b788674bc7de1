package io.caseflow.bench;

import io.caseflow.cli.CliExtension;
import picocli.CommandLine;

/** Adds {@code caseflow bench} to the command line of the benchmark jar (never to the product's). */
public final class BenchCliExtension implements CliExtension {
    @Override
    public void addTo(CommandLine root) {
        root.addSubcommand("bench", new CommandLine(new BenchCommand()));
        root.addSubcommand("bench-floor", new CommandLine(new PayloadFloorCommand()));
        root.addSubcommand("bench-retention", new CommandLine(new RetentionBenchCommand()));
    }
}
