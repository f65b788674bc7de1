package io.caseflow.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** Removes the temporary folders tests and benchmarks make (an embedded runtime's home, a benchmark's H2 file), so a run leaves nothing in /tmp. */
public final class TempFolders {
    private TempFolders() {
    }

    /** Deletes {@code root} and all under it; what cannot be deleted (still open elsewhere) is left, never thrown. */
    public static void deleteQuietly(Path root) {
        if (root == null || !Files.exists(root)) {
            return;
        }
        List<Path> paths;
        try (Stream<Path> walk = Files.walk(root)) {
            paths = walk.sorted(Comparator.reverseOrder()).toList();
        } catch (IOException e) {
            return;
        }
        for (Path path : paths) {
            try {
                Files.deleteIfExists(path);
            } catch (IOException e) {
                // left behind: a temporary folder, not worth failing a test for
            }
        }
    }
}
