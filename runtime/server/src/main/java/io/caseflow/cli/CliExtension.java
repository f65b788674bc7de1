package io.caseflow.cli;

import picocli.CommandLine;

/**
 * Adds subcommands to the {@code caseflow} command line from another jar on the classpath (found with
 * {@link java.util.ServiceLoader}); the samples jar adds {@code demo} this way.
 */
public interface CliExtension {
    void addTo(CommandLine root);
}
