package io.caseflow.designer.play;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The folder a play keeps its databases in, emptied when a new play starts. It carries a marker
 * file, and a folder that has files but no marker is never wiped: a mistyped home must not cost
 * anyone their files.
 */
final class PlayFolder {
    static final String MARKER = ".caseflow-play";
    /** More entries than a play ever writes means this is not a play folder. */
    private static final int MAX_ENTRIES = 10_000;

    private PlayFolder() {
    }

    /** Empties {@code folder} (creating it if needed) and marks it as a play folder. */
    static void wipe(Path folder) throws IOException {
        Files.createDirectories(folder);
        List<Path> entries;
        try (Stream<Path> walk = Files.walk(folder)) {
            entries = walk.limit(MAX_ENTRIES + 1L).sorted(Comparator.reverseOrder()).toList();
        }
        boolean onlyFolder = entries.size() == 1;
        if (!onlyFolder && !Files.exists(folder.resolve(MARKER))) {
            throw new IOException(folder + " is not empty and was not made by Play; it is left as it is");
        }
        if (entries.size() > MAX_ENTRIES) {
            throw new IOException(folder + " holds more than " + MAX_ENTRIES + " files; it is left as it is");
        }
        for (Path entry : entries) {
            if (!entry.equals(folder)) {
                Files.delete(entry);
            }
        }
        Files.createFile(folder.resolve(MARKER));
    }
}
