package io.caseflow.samples.cli;

import io.caseflow.cli.CliExtension;
import picocli.CommandLine;

/** Adds the samples' commands ({@code demo}) to the {@code caseflow} command line. */
public final class SamplesCliExtension implements CliExtension {
    @Override
    public void addTo(CommandLine root) {
        root.addSubcommand("demo", new CommandLine(new DemoCommand()));
    }
}
