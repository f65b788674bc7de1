package io.caseflow.cli;

import io.caseflow.handler.HandlerRegistry;
import io.caseflow.module.LoadedModules;
import io.caseflow.module.ModuleLoader;
import io.caseflow.module.ModuleProblem;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;

/**
 * {@code caseflow worker --modules DIR}: the module jars of a folder, loaded besides the modules on
 * the classpath. A folder that is not there stops the worker (a mistyped path should not start a
 * worker without its handlers); a bad jar is a warning and the other jars still load.
 */
final class WorkerModules {
    /** The settings key: flag {@code --modules}, env {@code CASEFLOW_WORKER_MODULES}, file {@code worker.modules}. */
    static final String KEY = "worker.modules";

    private WorkerModules() {
    }

    /**
     * @param folder            the folder, or null for none
     * @param classpathHandlers the handlers of the classpath's modules: a folder module may not reuse their names
     */
    static LoadedModules load(String folder, HandlerRegistry classpathHandlers, PrintWriter err) {
        if (folder == null || folder.isBlank()) {
            return LoadedModules.none();
        }
        LoadedModules loaded = ModuleLoader.builder().takenHandlers(classpathHandlers.names(), "a module on the classpath")
                .build().load(Path.of(folder));
        Optional<ModuleProblem> noFolder = loaded.problems().stream().filter(p -> p.kind() == ModuleProblem.Kind.FOLDER).findFirst();
        if (noFolder.isPresent()) {
            loaded.close();
            throw new IllegalArgumentException("--modules: " + noFolder.get().message());
        }
        loaded.problems().forEach(p -> err.println("warning: " + p.message()));
        err.flush();
        return loaded;
    }
}
