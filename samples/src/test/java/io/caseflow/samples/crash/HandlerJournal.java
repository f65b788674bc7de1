package io.caseflow.samples.crash;

import io.caseflow.handler.HandlerRegistry;
import io.caseflow.handler.StageHandler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Records every handler run to a file before the handler runs, so a test can see runs that a crash
 * made happen twice. Lines reach the kernel at once, so they survive a SIGKILL of the JVM.
 */
final class HandlerJournal {
    private final FileChannel channel;

    HandlerJournal(Path file) throws IOException {
        this.channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
    }

    /** A registry whose handlers journal each run, then call the original. */
    HandlerRegistry wrap(HandlerRegistry original) {
        HandlerRegistry journaled = new HandlerRegistry();
        for (String name : original.names()) {
            StageHandler handler = original.find(name).orElseThrow();
            journaled.register(name, ctx -> {
                record(ctx.processId() + " " + ctx.stage());
                return handler.handle(ctx);
            });
        }
        return journaled;
    }

    private synchronized void record(String line) {
        try {
            channel.write(ByteBuffer.wrap((line + "\n").getBytes(StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Handler runs per "processId stage", across every run of the worker that wrote {@code file}. */
    static Map<String, Integer> runs(Path file) throws IOException {
        Map<String, Integer> counts = new HashMap<>();
        if (!Files.exists(file)) {
            return counts;
        }
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (String line : lines) {
            if (!line.isBlank()) {
                counts.merge(line, 1, Integer::sum);
            }
        }
        return counts;
    }
}
