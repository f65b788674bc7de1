package io.caseflow.designer.deploy;

import io.caseflow.CaseflowRuntime;
import io.caseflow.definition.CaseDefinition;
import io.caseflow.definition.DeployedDefinition;
import io.caseflow.handler.HandlerRegistry;
import io.caseflow.process.ProcessEvent;
import io.caseflow.process.ProcessEventListener;
import io.caseflow.registry.WorkerRegistration;
import io.caseflow.samples.BusinessCase1;
import io.caseflow.samples.SampleServices;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The runtime the designer starts in its own JVM: an H2 file database under {@code home}, the
 * sample handlers, the sample services attached, and businessCase1 deployed if it never was.
 * {@link #start(Path)} blocks for a second or two: call it off the FX thread.
 *
 * <p>It can be {@link #stop() stopped} and {@link #restart() restarted} in place (same folder, same
 * listeners): the monitor restarts it when it finds it stopped. Listeners added with
 * {@link #addListener} hear every committed transition of whichever runtime is current, on its
 * committer thread.
 */
public final class EmbeddedRuntime implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedRuntime.class);
    /** System property naming the folder for the embedded database ({@code ~/.caseflow} if unset). */
    public static final String HOME_PROPERTY = "caseflow.home";

    private final Path home;
    private final HandlerRegistry handlers;
    private final List<ProcessEventListener> listeners = new CopyOnWriteArrayList<>();
    private volatile CaseflowRuntime runtime;
    private volatile SampleServices services;
    private volatile boolean running;
    private DeployedDefinition sample;
    private boolean fresh;

    private EmbeddedRuntime(Path home) {
        this.home = home;
        this.handlers = BusinessCase1.registerHandlers(new HandlerRegistry());
    }

    public static Path defaultHome() {
        String configured = System.getProperty(HOME_PROPERTY);
        return configured != null && !configured.isBlank() ? Path.of(configured)
                : Path.of(System.getProperty("user.home"), ".caseflow");
    }

    public static EmbeddedRuntime start(Path home) throws IOException {
        Files.createDirectories(home);
        EmbeddedRuntime embedded = new EmbeddedRuntime(home);
        embedded.open(true);
        return embedded;
    }

    private void open(boolean first) {
        CaseflowRuntime rt = CaseflowRuntime.builder().h2File(home.resolve("caseflow")).handlers(handlers)
                .registerAs(WorkerRegistration.as(WorkerRegistration.EMBEDDED))
                .listener(this::dispatch).build().start();
        SampleServices svc = null;
        try {
            svc = SampleServices.h2(home.resolve("services")).attach(rt.transport(), 2);
            boolean deployed = rt.definitions().stream().anyMatch(d -> d.definition().key().equals(BusinessCase1.KEY));
            DeployedDefinition now = deployed ? null : rt.deploy(BusinessCase1.definition());
            if (now != null) {
                LOG.info("deployed the sample {} v{}", BusinessCase1.KEY, now.version());
            }
            if (first) {
                sample = now;
                fresh = rt.countsByStatus().values().stream().mapToLong(Long::longValue).sum() == 0;
            }
            runtime = rt;
            services = svc;
            running = true;
        } catch (RuntimeException e) {
            if (svc != null) {
                svc.close();
            }
            rt.close();
            throw e;
        }
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

    /** Stops the runtime and the sample services; {@link #restart()} brings them back. */
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
    }

    /** Stops what is left and starts again on the same folder. Blocks for a second or two. */
    public synchronized void restart() {
        stop();
        open(false);
        LOG.info("restarted the embedded runtime in {}", home);
    }

    public EmbeddedTarget target() {
        return new EmbeddedTarget(this::runtime);
    }

    /** Handler names the embedded worker has (suggested in the property sheet). */
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

    @Override
    public void close() {
        stop();
    }
}
