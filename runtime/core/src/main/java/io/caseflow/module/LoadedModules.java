package io.caseflow.module;

import io.caseflow.definition.CaseDefinition;
import io.caseflow.handler.HandlerRegistry;
import java.io.IOException;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What {@link ModuleLoader#load} found in a folder: the modules that loaded and, for every jar that
 * gave none (or whose module was set aside), a {@link ModuleProblem}. Closing it closes the class
 * loader of the folder's jars, which releases the files; stop everything that runs the modules'
 * handlers or services first. Thread-safe to read; close once.
 *
 * <pre>{@code
 * try (LoadedModules loaded = ModuleLoader.builder().build().load(Path.of("modules"))) {
 *     loaded.problems().forEach(p -> System.err.println(p.message()));
 *     loaded.registerHandlers(handlers);
 * }
 * }</pre>
 */
public final class LoadedModules implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LoadedModules.class);

    private final Path folder;
    private final List<LoadedModule> modules;
    private final List<ModuleProblem> problems;
    private final URLClassLoader loader;

    LoadedModules(Path folder, List<LoadedModule> modules, List<ModuleProblem> problems, URLClassLoader loader) {
        this.folder = folder;
        this.modules = List.copyOf(modules);
        this.problems = List.copyOf(problems);
        this.loader = loader;
    }

    /** No folder, no modules, nothing to close. */
    public static LoadedModules none() {
        return new LoadedModules(null, List.of(), List.of(), null);
    }

    /** The folder the modules came from; null for {@link #none()}. */
    public Path folder() {
        return folder;
    }

    public List<LoadedModule> modules() {
        return modules;
    }

    public List<ModuleProblem> problems() {
        return problems;
    }

    public boolean hasProblems() {
        return !problems.isEmpty();
    }

    /** Every handler name the loaded modules register. */
    public Set<String> handlerNames() {
        Set<String> names = new TreeSet<>();
        modules.forEach(m -> names.addAll(m.handlers().names()));
        return names;
    }

    /**
     * Registers every loaded module's handlers into {@code target}. The loader has already set aside
     * modules whose names clash with each other or with the names it was told were taken.
     */
    public HandlerRegistry registerHandlers(HandlerRegistry target) {
        for (LoadedModule module : modules) {
            HandlerRegistry own = module.handlers();
            own.names().forEach(name -> target.register(name, own.find(name).orElseThrow()));
        }
        return target;
    }

    /** The case definitions of every loaded module, in module order. */
    public List<CaseDefinition> definitions() {
        List<CaseDefinition> all = new ArrayList<>();
        modules.forEach(m -> all.addAll(m.definitions()));
        return all;
    }

    /** "2 modules from /opt/modules (5 handlers), 1 problem" — for a status line. */
    public String summary() {
        if (folder == null) {
            return "no module folder";
        }
        return modules.size() + (modules.size() == 1 ? " module" : " modules") + " from " + folder
                + " (" + handlerNames().size() + " handlers)"
                + (problems.isEmpty() ? "" : ", " + problems.size() + (problems.size() == 1 ? " problem" : " problems"));
    }

    /** Closes the class loader of the folder's jars, so the files are released. Idempotent. */
    @Override
    public void close() {
        if (loader == null) {
            return;
        }
        try {
            loader.close();
        } catch (IOException e) {
            LOG.warn("closing the class loader of the modules in {} failed: {}", folder, e.toString());
        }
    }
}
