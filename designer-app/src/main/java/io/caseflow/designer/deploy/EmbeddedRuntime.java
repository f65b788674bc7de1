package io.caseflow.designer.deploy;

import io.caseflow.CaseflowRuntime;
import io.caseflow.definition.CaseDefinition;
import io.caseflow.definition.DeployedDefinition;
import io.caseflow.handler.HandlerRegistry;
import io.caseflow.module.LoadedModule;
import io.caseflow.module.LoadedModules;
import io.caseflow.module.ModuleLoader;
import io.caseflow.module.ModuleProblem;
import io.caseflow.process.ProcessEvent;
import io.caseflow.process.ProcessEventListener;
import io.caseflow.samples.BusinessCase1;
import io.caseflow.samples.SampleServices;
import io.caseflow.store.DataHome;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The runtime the designer starts in its own JVM: an H2 file database under {@code home}, the
 * sample handlers, the sample services attached, and businessCase1 deployed if it never was; plus,
 * when a module folder is chosen, the handlers, services and cases of the module jars in it.
 * {@link #start(Path, Path)} blocks for a second or two: call it off the FX thread.
 *
 * <p>It can be {@link #stop() stopped} and {@link #restart() restarted} in place (same folder, same
 * listeners): the monitor restarts it when it finds it stopped. {@link #loadModules} restarts it with
 * another module folder. Listeners added with {@link #addListener} hear every committed transition
 * of whichever runtime is current, on its committer thread.
 */
public final class EmbeddedRuntime implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedRuntime.class);
    /** System property naming the folder for the embedded database (if unset, {@link DataHome#folder()} says where). */
    public static final String HOME_PROPERTY = DataHome.PROPERTY;
    private static final String SAMPLE_OWNER = "the designer's built-in sample (businessCase1)";

    private final Path home;
    private final List<ProcessEventListener> listeners = new CopyOnWriteArrayList<>();
    private volatile HandlerRegistry handlers;
    private volatile CaseflowRuntime runtime;
    private volatile SampleServices services;
    private volatile ModuleServices moduleServices = ModuleServices.none();
    private volatile LoadedModules modules = LoadedModules.none();
    private volatile ModuleReport moduleReport = ModuleReport.none();
    private volatile boolean running;
    private DeployedDefinition sample;
    private boolean fresh;

    private EmbeddedRuntime(Path home) {
        this.home = home;
        this.handlers = sampleHandlers();
    }

    private static HandlerRegistry sampleHandlers() {
        return BusinessCase1.registerHandlers(new HandlerRegistry());
    }

    /** The user's data folder: {@code -Dcaseflow.home}, an existing {@code ~/.caseflow}, or the platform's (see {@link DataHome}). */
    public static Path defaultHome() {
        return DataHome.folder();
    }

    public static EmbeddedRuntime start(Path home) throws IOException {
        return start(home, null);
    }

    /**
     * Starts the runtime with the sample and the modules of {@code moduleFolder} (null: none). What
     * is wrong in the folder never stops the start: {@link #moduleReport()} says it.
     */
    public static EmbeddedRuntime start(Path home, Path moduleFolder) throws IOException {
        DataHome.prepare(home);
        EmbeddedRuntime embedded = new EmbeddedRuntime(home);
        embedded.modules = embedded.loadFolder(moduleFolder);
        try {
            embedded.open(true);
        } catch (RuntimeException e) {
            embedded.modules.close();
            throw e;
        }
        return embedded;
    }

    private LoadedModules loadFolder(Path folder) {
        if (folder == null) {
            return LoadedModules.none();
        }
        return ModuleLoader.builder().parent(EmbeddedRuntime.class.getClassLoader())
                .takenHandlers(sampleHandlers().names(), SAMPLE_OWNER).build().load(folder);
    }

    private void open(boolean first) {
        LoadedModules loaded = modules;
        HandlerRegistry registry = loaded.registerHandlers(sampleHandlers());
        CaseflowRuntime rt = CaseflowRuntime.builder().h2File(home.resolve("caseflow")).handlers(registry)
                .listener(this::dispatch).build().start();
        SampleServices svc = null;
        ModuleServices hosted = ModuleServices.none();
        try {
            svc = SampleServices.h2(home.resolve("services")).attach(rt.transport(), 2);
            hosted = ModuleServices.host(loaded.modules(), SampleServices.NAMES, home.resolve("services"), rt);
            boolean deployed = rt.definitions().stream().anyMatch(d -> d.definition().key().equals(BusinessCase1.KEY));
            DeployedDefinition now = deployed ? null : rt.deploy(BusinessCase1.definition());
            if (now != null) {
                LOG.info("deployed the sample {} v{}", BusinessCase1.KEY, now.version());
            }
            rt.jobs().startRunner(); // resumes bulk jobs the app left when it was closed or killed
            List<ModuleProblem> problems = new ArrayList<>(loaded.problems());
            problems.addAll(hosted.problems());
            List<DeployedDefinition> deployedCases = deployModuleCases(rt, loaded, problems);
            if (first) {
                sample = now;
                fresh = rt.countsByStatus().values().stream().mapToLong(Long::longValue).sum() == 0;
            }
            handlers = registry;
            runtime = rt;
            services = svc;
            moduleServices = hosted;
            moduleReport = new ModuleReport(loaded.folder(), loaded.modules(), hosted.names(), deployedCases, problems);
            running = true;
        } catch (RuntimeException e) {
            hosted.close();
            if (svc != null) {
                svc.close();
            }
            rt.close();
            throw e;
        }
    }

    /** Deploys each module's cases (an unchanged case keeps its version); one that does not validate is a problem. */
    private static List<DeployedDefinition> deployModuleCases(CaseflowRuntime rt, LoadedModules loaded, List<ModuleProblem> problems) {
        List<DeployedDefinition> deployed = new ArrayList<>();
        for (LoadedModule module : loaded.modules()) {
            for (CaseDefinition definition : module.definitions()) {
                try {
                    DeployedDefinition result = rt.deploy(definition);
                    if (!result.unchanged()) {
                        deployed.add(result);
                    }
                } catch (RuntimeException e) {
                    LOG.warn("case {} of {} was not deployed: {}", definition.key(), module.describe(), e.getMessage());
                    problems.add(new ModuleProblem(module.jar(), ModuleProblem.Kind.CASE_NOT_DEPLOYED, module.jarName() + ": case "
                            + definition.key() + " of module '" + module.name() + "' was not deployed: " + e.getMessage()));
                }
            }
        }
        return deployed;
    }

    private void dispatch(List<ProcessEvent> events) {
        for (ProcessEventListener listener : listeners) {
            listener.events(events);
        }
    }

    /** Hears every committed transition and new process (on the committer thread: return quickly). Close to stop. */
    public AutoCloseable addListener(ProcessEventListener listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    /** The runtime running now (after a restart, another object than before). */
    public CaseflowRuntime runtime() {
        return runtime;
    }

    public boolean isRunning() {
        return running;
    }

    public Path home() {
        return home;
    }

    /** Stops the runtime, the sample services and the modules' services; {@link #restart()} brings them back. */
    public synchronized void stop() {
        if (!running) {
            return;
        }
        running = false;
        LOG.info("stopping the embedded runtime in {}", home);
        CaseflowRuntime rt = runtime;
        SampleServices svc = services;
        if (rt != null) {
            rt.close();
        }
        if (svc != null) {
            svc.close();
        }
        moduleServices.close();
        moduleServices = ModuleServices.none();
    }

    /**
     * Starts a stopped runtime again on the same folder, with the same modules. Blocks for a second
     * or two. A runtime that is running by the time this runs (the module loader restarted it while
     * the monitor waited to) is left alone.
     */
    public synchronized void restart() {
        if (running) {
            return;
        }
        open(false);
        LOG.info("restarted the embedded runtime in {}", home);
    }

    /**
     * Loads the module jars of {@code folder} (null: no modules) and restarts the runtime with the
     * sample's handlers and theirs, their services hosted and their cases deployed. The jars are
     * read before the runtime stops, so it is down only for the restart; the previous modules'
     * jars are released. Blocks (seconds): call it off the FX thread. What is wrong in the folder
     * is in the returned report, never thrown.
     */
    public synchronized ModuleReport loadModules(Path folder) {
        LoadedModules next = loadFolder(folder);
        stop();
        LoadedModules previous = modules;
        modules = next;
        previous.close();
        open(false);
        LOG.info("embedded runtime restarted with {}", next.summary());
        return moduleReport;
    }

    /** Loads the current module folder again (after the jars were rebuilt). */
    public ModuleReport reloadModules() {
        return loadModules(modules.folder());
    }

    /** What the current module folder gave: modules, services, cases deployed, problems. */
    public ModuleReport moduleReport() {
        return moduleReport;
    }

    public EmbeddedTarget target() {
        return new EmbeddedTarget(this::runtime);
    }

    /** Handler names the embedded worker has now: the sample's and the loaded modules' (suggested in the property sheet). */
    public Set<String> handlerNames() {
        return handlers.names();
    }

    /** What start() deployed, or null when the sample was already there. */
    public DeployedDefinition sampleDeployedNow() {
        return sample;
    }

    /** True when the store had no process at all when it was first started (a fresh folder). */
    public boolean wasEmpty() {
        return fresh;
    }

    public CaseDefinition sample() {
        return BusinessCase1.definition();
    }

    /** Stops the runtime and releases the module jars. */
    @Override
    public void close() {
        stop();
        modules.close();
    }
}
