package io.caseflow.module;

import io.caseflow.concurrent.DaemonThreads;
import io.caseflow.definition.CaseDefinition;
import io.caseflow.handler.HandlerRegistry;
import java.net.URISyntaxException;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.security.CodeSource;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates one module from its class name and asks it for its handlers, cases and services, on a
 * thread of its own with the folder's class loader as context loader, so a module whose constructor
 * hangs costs a timeout, not the caller. Every failure becomes a {@link ModuleProblem}, which the
 * caller shows; the stack trace is logged here, once, at INFO (the user sees the sentence, and
 * {@code CASEFLOW_LOG_LEVEL=INFO} shows the trace to whoever debugs the module).
 */
final class ModuleStarter {
    private static final Logger LOG = LoggerFactory.getLogger(ModuleStarter.class);

    private final URLClassLoader loader;

    ModuleStarter(URLClassLoader loader) {
        this.loader = loader;
    }

    /** Either the module or why there is none. */
    record Outcome(LoadedModule module, ModuleProblem problem) {
    }

    Outcome start(Path jar, String className, Duration timeout) {
        Steps steps = new Steps(jar, className);
        CompletableFuture<Outcome> result = new CompletableFuture<>();
        Thread thread = DaemonThreads.start("caseflow-module-" + className, () -> {
            Thread.currentThread().setContextClassLoader(loader);
            try {
                result.complete(steps.run());
            } catch (Throwable e) { // a module may throw anything; all of it is the module's problem, not ours
                if (e instanceof VirtualMachineError fatal && !(e instanceof StackOverflowError)) {
                    result.completeExceptionally(fatal);
                    throw fatal;
                }
                LOG.info("module {} in {} failed in {}", className, jar, steps.step, e);
                result.complete(new Outcome(null, LoadFailures.explain(jar, className, steps.step, e)));
            }
        });
        try {
            return result.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            thread.interrupt();
            LOG.info("module {} in {} did not finish {} within {}", className, jar, steps.step, timeout);
            return new Outcome(null, new ModuleProblem(jar, ModuleProblem.Kind.TIMED_OUT, jar.getFileName() + ": module " + className
                    + " did not finish " + steps.step + " within " + JarInspector.readable(timeout) + ", so it was not loaded. "
                    + "A module's constructor and registerHandlers should only register, never wait."));
        } catch (ExecutionException e) {
            throw new IllegalStateException("loading module " + className + " from " + jar + " failed", e.getCause());
        } catch (InterruptedException e) {
            thread.interrupt();
            Thread.currentThread().interrupt();
            return new Outcome(null, new ModuleProblem(jar, ModuleProblem.Kind.TIMED_OUT,
                    jar.getFileName() + ": loading module " + className + " was interrupted."));
        }
    }

    /** The calls into the module, in order; {@code step} says which one runs, for messages. */
    private final class Steps {
        private final Path jar;
        private final String className;
        private volatile String step = LoadFailures.LOADING;

        Steps(Path jar, String className) {
            this.jar = jar;
            this.className = className;
        }

        Outcome run() throws ReflectiveOperationException {
            Class<?> type = Class.forName(className, false, loader);
            String name = String.valueOf(jar.getFileName());
            if (!CaseflowModule.class.isAssignableFrom(type)) {
                return problem(ModuleProblem.Kind.BAD_SERVICE_ENTRY, name + " lists " + className + " in " + JarInspector.SERVICES_ENTRY
                        + ", but that class does not implement " + CaseflowModule.class.getName() + ".");
            }
            Path origin = origin(type);
            if (type.getClassLoader() != loader) {
                return problem(ModuleProblem.Kind.DUPLICATE_CLASS, name + " lists " + className + ", but that class is already on the "
                        + "runtime's classpath" + (origin == null ? "" : " (" + origin.getFileName() + ")") + ", so the module is loaded from "
                        + "there and " + name + " is not needed. Remove it from the folder.");
            }
            if (origin != null && !origin.equals(jar.toAbsolutePath().normalize())) {
                return problem(ModuleProblem.Kind.DUPLICATE_CLASS, name + " lists " + className + ", but that class was already loaded from "
                        + origin.getFileName() + ": the two jars hold the same module (two versions of one jar?). Keep only one of them.");
            }
            step = "its constructor";
            CaseflowModule module;
            try {
                module = type.asSubclass(CaseflowModule.class).getConstructor().newInstance();
            } catch (NoSuchMethodException | IllegalAccessException | InstantiationException e) {
                return problem(ModuleProblem.Kind.BAD_SERVICE_ENTRY, name + ": module " + className
                        + " cannot be created: it needs to be a public, non-abstract class with a public constructor without arguments.");
            }
            step = "name()";
            String moduleName = module.name();
            step = "registerHandlers";
            HandlerRegistry handlers = new HandlerRegistry();
            module.registerHandlers(handlers);
            step = "definitions()";
            List<CaseDefinition> definitions = module.definitions();
            step = "services()";
            Set<String> services = module.services();
            return new Outcome(new LoadedModule(jar, moduleName == null || moduleName.isBlank() ? className : moduleName, module,
                    handlers, definitions == null ? List.of() : definitions, services == null ? Set.of() : services), null);
        }

        private Outcome problem(ModuleProblem.Kind kind, String message) {
            return new Outcome(null, new ModuleProblem(jar, kind, message));
        }
    }

    /** The jar a class was loaded from, or null when that cannot be told. */
    private static Path origin(Class<?> type) {
        CodeSource source = type.getProtectionDomain().getCodeSource();
        if (source == null || source.getLocation() == null) {
            return null;
        }
        try {
            return Path.of(source.getLocation().toURI()).toAbsolutePath().normalize();
        } catch (URISyntaxException | IllegalArgumentException e) {
            return null;
        }
    }
}
