package io.caseflow.module;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;

/**
 * Looks into one jar before any of its classes load: is it a readable zip of an acceptable size,
 * and which module classes does its services entry list. Reads the services entry itself (rather
 * than through {@link java.util.ServiceLoader}) so that every class is known to come from this jar.
 */
final class JarInspector {
    static final String SERVICES_ENTRY = ModuleLoader.SERVICES_ENTRY;
    /** A services entry is a few lines; more than this is not one. */
    private static final int MAX_SERVICES_BYTES = 64 * 1024;
    private static final int MAX_PROVIDERS_PER_JAR = 50;

    private final long maxJarBytes;

    JarInspector(long maxJarBytes) {
        this.maxJarBytes = maxJarBytes;
    }

    /** What the jar holds: the module classes it lists (none for a library jar), or why it is unusable. */
    sealed interface Inspection permits Usable, Unusable {
    }

    /** A jar that can go on the class path; {@code providers} may be empty (then {@code problem} says so). */
    record Usable(Path jar, List<String> providers, ModuleProblem problem) implements Inspection {
    }

    /** A jar that must not go on the class path. */
    record Unusable(ModuleProblem problem) implements Inspection {
    }

    Inspection inspect(Path jar) {
        String name = String.valueOf(jar.getFileName());
        try {
            long size = Files.size(jar);
            if (size > maxJarBytes) {
                return new Unusable(new ModuleProblem(jar, ModuleProblem.Kind.TOO_LARGE, name + " is " + megabytes(size)
                        + ", more than the " + megabytes(maxJarBytes) + " a module jar may be; it was not loaded."));
            }
            try (JarFile file = new JarFile(jar.toFile(), false)) {
                ZipEntry services = file.getEntry(SERVICES_ENTRY);
                if (services == null) {
                    return new Usable(jar, List.of(), new ModuleProblem(jar, ModuleProblem.Kind.NO_MODULE, name
                            + " has no " + SERVICES_ENTRY + " entry, so it holds no caseflow module (its classes are still "
                            + "visible to the folder's modules). If it should be one, list your module class in that file."));
                }
                List<String> providers = providers(file, services);
                if (providers.isEmpty()) {
                    return new Usable(jar, List.of(), new ModuleProblem(jar, ModuleProblem.Kind.NO_MODULE, name
                            + " has an empty " + SERVICES_ENTRY + " entry: list your module class in it."));
                }
                return new Usable(jar, providers, null);
            }
        } catch (ZipException e) {
            return new Unusable(new ModuleProblem(jar, ModuleProblem.Kind.NOT_A_JAR, name
                    + " is not a jar (zip) file, or it is damaged (" + e.getMessage() + "); it was not loaded. Build it again."));
        } catch (IOException | SecurityException e) {
            return new Unusable(new ModuleProblem(jar, ModuleProblem.Kind.NOT_A_JAR, name
                    + " cannot be read (" + e.getMessage() + "); it was not loaded."));
        }
    }

    /** The class names of a services entry: one per line, {@code #} starts a comment (as ServiceLoader reads it). */
    private static List<String> providers(JarFile file, ZipEntry services) throws IOException {
        byte[] bytes;
        try (InputStream in = file.getInputStream(services)) {
            bytes = in.readNBytes(MAX_SERVICES_BYTES);
        }
        List<String> names = new ArrayList<>();
        for (String line : new String(bytes, StandardCharsets.UTF_8).split("\\R")) {
            int comment = line.indexOf('#');
            String name = (comment >= 0 ? line.substring(0, comment) : line).strip();
            if (!name.isEmpty() && !names.contains(name) && names.size() < MAX_PROVIDERS_PER_JAR) {
                names.add(name);
            }
        }
        return names;
    }

    /** The class file's major version as the jar holds it, or -1 when it cannot be read. */
    static int classFileVersion(Path jar, String className) {
        try (JarFile file = new JarFile(jar.toFile(), false)) {
            ZipEntry entry = file.getEntry(className.replace('.', '/') + ".class");
            if (entry == null) {
                return -1;
            }
            try (InputStream in = file.getInputStream(entry)) {
                byte[] header = in.readNBytes(8);
                return header.length < 8 ? -1 : ((header[6] & 0xff) << 8) | (header[7] & 0xff);
            }
        } catch (IOException e) {
            return -1;
        }
    }

    /** "100 bytes", "12 KB", "310 MB": sizes as a person reads them. */
    static String megabytes(long bytes) {
        if (bytes < 1024) {
            return bytes + " bytes";
        }
        return bytes < 1024 * 1024 ? String.format(Locale.ROOT, "%d KB", bytes / 1024)
                : String.format(Locale.ROOT, "%d MB", bytes / (1024 * 1024));
    }

    /** "300 ms", "10 s". */
    static String readable(Duration duration) {
        return duration.toMillis() < 1000 ? duration.toMillis() + " ms" : duration.toSeconds() + " s";
    }
}
