package io.caseflow.bench;

import picocli.CommandLine;
import picocli.CommandLine.Option;

/** What each benchmarked process carries: the options {@code caseflow bench} and {@code caseflow bench-floor} share. */
final class PayloadOptions {

    @Option(names = "--payload-bytes", paramLabel = "BYTES", defaultValue = "0",
            description = "What each process carries: an input of this size, a result of this size from every stage, and free data "
                    + "of this size (default ${DEFAULT-VALUE}); the options below override one of the three.")
    int payloadBytes;

    @Option(names = "--input-bytes", paramLabel = "BYTES", description = "The size of each process's input.")
    Integer inputBytes;

    @Option(names = "--result-bytes", paramLabel = "BYTES", description = "The size of each stage's result.")
    Integer resultBytes;

    @Option(names = "--data-bytes", paramLabel = "BYTES", description = "The size of the free data the first stage puts.")
    Integer dataBytes;

    @Option(names = "--payload-shape", paramLabel = "SHAPE", defaultValue = "TEXT",
            description = "What the payload's bytes are: TEXT, one string of a repeated letter (default, what earlier figures "
                    + "measured), or DOCUMENT, item lists of words and numbers like the orders and API replies real cases carry.")
    CaseBenchmark.Payload.Shape payloadShape;

    /** The payload asked for, or a usage error naming what was wrong. */
    CaseBenchmark.Payload payload(CommandLine.Model.CommandSpec spec) {
        try {
            return new CaseBenchmark.Payload(inputBytes != null ? inputBytes : payloadBytes, resultBytes != null ? resultBytes : payloadBytes,
                    dataBytes != null ? dataBytes : payloadBytes, payloadShape);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
    }
}
