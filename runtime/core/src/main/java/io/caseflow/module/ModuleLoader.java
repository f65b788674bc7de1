package io.caseflow.module;

import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads the {@link CaseflowModule}s of the jars in one folder, the way a worker loads those on its
 * classpath, but never throws at the user: a jar that gives no module is a {@link ModuleProblem}
 * (one sentence naming the jar and what to do) and the other jars still load.
 *
 * <p>All jars of the folder share one {@link URLClassLoader} whose parent is the caller's loader, so
 * a module sees caseflow's API from the classpath and may use a library jar put next to it. Each
 * jar's {@code META-INF/services/io.caseflow.module.CaseflowModule} is read from that jar (the
 * format {@link java.util.ServiceLoader} reads), so every module, and every failure, is known to
 * come from one jar. Modules are created one at a time, each on its own thread with a timeout.
 *
 * <p>Bounded: at most {@link #DEFAULT_MAX_FOLDER_ENTRIES} folder entries are looked at, at most
 * {@link #DEFAULT_MAX_JARS} jars loaded, a jar above {@link #DEFAULT_MAX_JAR_BYTES} is refused, and
 * the whole load stops after {@link #DEFAULT_LOAD_TIMEOUT}; each limit reached is a problem saying so.
 *
 * <pre>{@code
 * ModuleLoader loader = ModuleLoader.builder().takenHandlers(classpathHandlers.names(), "the classpath").build();
 * LoadedModules loaded = loader.load(Path.of("/opt/caseflow/modules"));   // close it to release the jars
 * loaded.registerHandlers(handlers);
 * }</pre>
 */
public final class ModuleLoader {
    private static final Logger LOG = LoggerFactory.getLogger(ModuleLoader.class);
    /** The jar entry that lists a jar's module classes, one per line. */
    public static final String SERVICES_ENTRY = "META-INF/services/" + CaseflowModule.class.getName();
    public static final int DEFAULT_MAX_FOLDER_ENTRIES = 10_000;
    public static final int DEFAULT_MAX_JARS = 100;
    public static final long DEFAULT_MAX_JAR_BYTES = 256L * 1024 * 1024;
    public static final Duration DEFAULT_MODULE_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration DEFAULT_LOAD_TIMEOUT = Duration.ofSeconds(60);

    private final ClassLoader parent;
    private final int maxFolderEntries;
    private final int maxJars;
    private final long maxJarBytes;
    private final Duration moduleTimeout;
    private final Duration loadTimeout;
    private final Map<String, String> takenHandlers;

    private ModuleLoader(Builder b) {
        this.parent = b.parent;
        this.maxFolderEntries = b.maxFolderEntries;
        this.maxJars = b.maxJars;
        this.maxJarBytes = b.maxJarBytes;
        this.moduleTimeout = b.moduleTimeout;
        this.loadTimeout = b.loadTimeout;
        this.takenHandlers = Map.copyOf(b.takenHandlers);
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Loads the modules of the jars directly in {@code folder} (not its subfolders). Blocks while
     * modules are created (at most the load timeout): call it off a UI thread. Never throws for
     * what is in the folder; the result lists every problem.
     */
    public LoadedModules load(Path folder) {
        Instant deadline = Instant.now().plus(loadTimeout);
        List<ModuleProblem> problems = new ArrayList<>();
        Optional<List<Path>> listed = listJars(folder, problems);
        if (listed.isEmpty()) {
            return new LoadedModules(folder, List.of(), problems, null);
        }
        JarInspector inspector = new JarInspector(maxJarBytes);
        List<JarInspector.Usable> usable = new ArrayList<>();
        for (Path jar : listed.get()) {
            JarInspector.Inspection inspection = inspector.inspect(jar);
            if (inspection instanceof JarInspector.Usable u) {
                usable.add(u);
                Optional.ofNullable(u.problem()).ifPresent(problems::add);
            } else if (inspection instanceof JarInspector.Unusable bad) {
                problems.add(bad.problem());
            }
        }
        if (usable.isEmpty()) {
            return new LoadedModules(folder, List.of(), log(problems), null);
        }
        URLClassLoader classLoader = new URLClassLoader("caseflow-modules", urls(usable), parent);
        List<LoadedModule> modules = new ArrayList<>();
        HandlerOwners owners = new HandlerOwners(takenHandlers);
        ModuleStarter starter = new ModuleStarter(classLoader);
        for (JarInspector.Usable jar : usable) {
            for (String className : jar.providers()) {
                Duration left = Duration.between(Instant.now(), deadline);
                if (left.isNegative() || left.isZero()) {
                    problems.add(new ModuleProblem(jar.jar(), ModuleProblem.Kind.TIMED_OUT, jar.jar().getFileName() + ": module " + className
                            + " was not loaded: loading the folder took longer than " + JarInspector.readable(loadTimeout) + "."));
                    continue;
                }
                ModuleStarter.Outcome outcome = starter.start(jar.jar(), className, left.compareTo(moduleTimeout) < 0 ? left : moduleTimeout);
                if (outcome.problem() != null) {
                    problems.add(outcome.problem());
                } else {
                    owners.claim(outcome.module()).ifPresentOrElse(problems::add, () -> modules.add(outcome.module()));
                }
            }
        }
        modules.forEach(m -> LOG.info("loaded {} from {}: handlers {}, cases {}, services {}", m.describe(), folder,
                m.handlers().names(), m.definitions().stream().map(d -> d.key().toString()).toList(), m.services()));
        return new LoadedModules(folder, modules, log(problems), classLoader);
    }

    private static List<ModuleProblem> log(List<ModuleProblem> problems) {
        problems.forEach(p -> LOG.info("modules: {}", p.message()));
        return problems;
    }

    /** The folder's jars by name, bounded; empty (with a problem) when the folder cannot be listed. */
    private Optional<List<Path>> listJars(Path folder, List<ModuleProblem> problems) {
        if (!Files.exists(folder)) {
            problems.add(new ModuleProblem(folder, ModuleProblem.Kind.FOLDER, "The module folder " + folder + " does not exist."));
            return Optional.empty();
        }
        if (!Files.isDirectory(folder)) {
            problems.add(new ModuleProblem(folder, ModuleProblem.Kind.FOLDER, folder + " is a file, not a folder: choose the folder that holds the module jars."));
            return Optional.empty();
        }
        List<Path> jars = new ArrayList<>();
        int entries = 0;
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(folder)) {
            for (Path entry : stream) {
                if (++entries > maxFolderEntries) {
                    problems.add(new ModuleProblem(folder, ModuleProblem.Kind.TOO_MANY_FILES, "The module folder " + folder + " has more than "
                            + maxFolderEntries + " files; only the first " + maxFolderEntries + " were looked at. Keep only module jars in it."));
                    break;
                }
                if (entry.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".jar") && Files.isRegularFile(entry)) {
                    jars.add(entry);
                }
            }
        } catch (IOException | SecurityException e) {
            problems.add(new ModuleProblem(folder, ModuleProblem.Kind.FOLDER, "The module folder " + folder + " cannot be read (" + e.getMessage() + ")."));
            return Optional.empty();
        }
        jars.sort(null);
        if (jars.size() > maxJars) {
            problems.add(new ModuleProblem(folder, ModuleProblem.Kind.TOO_MANY_FILES, "The module folder " + folder + " holds " + jars.size()
                    + " jars; only the first " + maxJars + " (by name) were loaded."));
            return Optional.of(List.copyOf(jars.subList(0, maxJars)));
        }
        return Optional.of(jars);
    }

    private static URL[] urls(List<JarInspector.Usable> jars) {
        URL[] urls = new URL[jars.size()];
        for (int i = 0; i < urls.length; i++) {
            try {
                urls[i] = jars.get(i).jar().toAbsolutePath().toUri().toURL();
            } catch (MalformedURLException e) {
                throw new IllegalStateException("a file path is not a URL: " + jars.get(i).jar(), e);
            }
        }
        return urls;
    }

    /** Which module (or the caller) has each handler name: the first to claim it keeps it. */
    private static final class HandlerOwners {
        private final Map<String, String> owners = new LinkedHashMap<>();

        HandlerOwners(Map<String, String> taken) {
            owners.putAll(taken);
        }

        /** Claims every handler name of {@code module}, or none and says which name is taken by whom. */
        Optional<ModuleProblem> claim(LoadedModule module) {
            for (String handler : module.handlers().names()) {
                String owner = owners.get(handler);
                if (owner != null) {
                    return Optional.of(new ModuleProblem(module.jar(), ModuleProblem.Kind.DUPLICATE_HANDLER, module.jarName() + ": its module '"
                            + module.name() + "' registers handler '" + handler + "', which " + owner + " already registers; "
                            + "module '" + module.name() + "' was not loaded. Rename the handler in one of them (e.g. prefix it with the module's name)."));
                }
            }
            module.handlers().names().forEach(h -> owners.put(h, module.describe()));
            return Optional.empty();
        }
    }

    /** Limits and what is already registered; every setting has a default. */
    public static final class Builder {
        private ClassLoader parent = ModuleLoader.class.getClassLoader();
        private int maxFolderEntries = DEFAULT_MAX_FOLDER_ENTRIES;
        private int maxJars = DEFAULT_MAX_JARS;
        private long maxJarBytes = DEFAULT_MAX_JAR_BYTES;
        private Duration moduleTimeout = DEFAULT_MODULE_TIMEOUT;
        private Duration loadTimeout = DEFAULT_LOAD_TIMEOUT;
        private final Map<String, String> takenHandlers = new LinkedHashMap<>();

        private Builder() {
        }

        /** The loader the modules' loader delegates to first (default: the one that loaded caseflow). */
        public Builder parent(ClassLoader value) {
            this.parent = value;
            return this;
        }

        /** How many entries of the folder are looked at, at most (1 to 1,000,000). */
        public Builder maxFolderEntries(int value) {
            this.maxFolderEntries = inRange("maxFolderEntries", value, 1, 1_000_000);
            return this;
        }

        /** How many jars are loaded, at most (1 to 10,000). */
        public Builder maxJars(int value) {
            this.maxJars = inRange("maxJars", value, 1, 10_000);
            return this;
        }

        /** The biggest jar accepted, in bytes (at least 1). */
        public Builder maxJarBytes(long value) {
            if (value < 1) {
                throw new IllegalArgumentException("maxJarBytes must be at least 1, was " + value);
            }
            this.maxJarBytes = value;
            return this;
        }

        /** How long one module may take to be created and register (positive). */
        public Builder moduleTimeout(Duration value) {
            this.moduleTimeout = positive("moduleTimeout", value);
            return this;
        }

        /** How long loading the whole folder may take (positive). */
        public Builder loadTimeout(Duration value) {
            this.loadTimeout = positive("loadTimeout", value);
            return this;
        }

        /**
         * Handler names already registered elsewhere (e.g. by modules on the classpath): a module of
         * the folder registering one of them is not loaded. {@code owner} names them in messages,
         * e.g. "the samples on the classpath".
         */
        public Builder takenHandlers(Collection<String> names, String owner) {
            names.forEach(name -> takenHandlers.put(name, owner));
            return this;
        }

        public ModuleLoader build() {
            return new ModuleLoader(this);
        }

        private static int inRange(String name, int value, int min, int max) {
            if (value < min || value > max) {
                throw new IllegalArgumentException(name + " must be between " + min + " and " + max + ", was " + value);
            }
            return value;
        }

        private static Duration positive(String name, Duration value) {
            if (value == null || value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException(name + " must be a positive duration, was " + value);
            }
            return value;
        }
    }
}
