package io.caseflow.designer.play;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.caseflow.CaseflowRuntime;
import io.caseflow.definition.CaseDefinition;
import io.caseflow.definition.CaseKey;
import io.caseflow.definition.DeployedDefinition;
import io.caseflow.definition.StageDefinition;
import io.caseflow.handler.HandlerRegistry;
import io.caseflow.process.ProcessEvent;
import io.caseflow.process.ProcessEventListener;
import io.caseflow.taskid.TaskIdCodec;
import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An embedded runtime of its own for playing a drawn case: an H2 database in a play folder (emptied
 * at every start, so a play never mixes with real data), one simulated handler for every stage
 * ({@link SimulatedHandler}, the registry's fallback) and simulated services on the real service
 * side ({@link SimulatedServices}). The case is deployed with the runtime's own validation; handler
 * names are not checked, since every handler is simulated.
 *
 * <p>{@link #start} and {@link #close} block for a second or two: call them off the FX thread.
 *
 * <pre>{@code
 * try (PlayRuntime play = PlayRuntime.start(home.resolve("play"), drawn, settings)) {
 *     play.startProcesses(20, Json.object());
 * }
 * }</pre>
 */
public final class PlayRuntime implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PlayRuntime.class);
    /** The handler name a task or service stage drawn without one gets, so that it is simulated too. */
    public static final String SIMULATED_HANDLER = "play.simulated";
    public static final int MAX_PROCESSES_PER_START = 10_000;

    private final Path folder;
    private final CaseflowRuntime runtime;
    private final SimulatedServices services;
    private final DeployedDefinition deployed;
    private final List<ProcessEventListener> listeners = new CopyOnWriteArrayList<>();
    private volatile boolean running = true;

    private PlayRuntime(Path folder, CaseDefinition drawn, PlaySettings settings) {
        this.folder = folder;
        CaseDefinition simulated = simulated(drawn);
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        HandlerRegistry handlers = new HandlerRegistry().fallback(new SimulatedHandler(simulated, settings));
        CaseflowRuntime rt = CaseflowRuntime.builder().h2File(folder.resolve("caseflow")).handlers(handlers).taskIdKey(key)
                .listener(this::dispatch).build().start();
        SimulatedServices svc = null;
        try {
            svc = SimulatedServices.create(folder.resolve("services"), simulated, settings, new TaskIdCodec(key));
            svc.attach(rt);
            this.deployed = rt.deploy(simulated);
        } catch (RuntimeException e) {
            rt.close();
            if (svc != null) {
                svc.close();
            }
            throw e;
        }
        this.runtime = rt;
        this.services = svc;
    }

    /**
     * Empties {@code folder}, starts a runtime there and deploys {@code drawn} (refused with an
     * {@code InvalidDefinitionException} when the validator finds errors). Weighted draws start
     * afresh from the settings' seed.
     */
    public static PlayRuntime start(Path folder, CaseDefinition drawn, PlaySettings settings) throws IOException {
        PlayFolder.wipe(folder);
        settings.reseed(settings.seed());
        PlayRuntime play = new PlayRuntime(folder, drawn, settings);
        LOG.info("playing case {} in {} with simulated handlers and services {}", play.key(), folder, play.services.names());
        return play;
    }

    /** The case as played: every task and service stage drawn without a handler gets {@link #SIMULATED_HANDLER}. */
    public static CaseDefinition simulated(CaseDefinition drawn) {
        List<StageDefinition> stages = new ArrayList<>();
        for (StageDefinition stage : drawn.stages()) {
            stages.add(!stage.isEnd() && stage.handler() == null ? stage.withHandler(SIMULATED_HANDLER) : stage);
        }
        return drawn.withStages(stages);
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

    /**
     * Starts {@code count} processes (1 to {@link #MAX_PROCESSES_PER_START}) of the played case with
     * {@code input}; returns their ids. Blocks while they are committed.
     */
    public List<String> startProcesses(int count, ObjectNode input) {
        if (count < 1 || count > MAX_PROCESSES_PER_START) {
            throw new IllegalArgumentException("the number of processes must be 1 to " + MAX_PROCESSES_PER_START + ", was " + count);
        }
        List<String> ids = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            ids.add(runtime.startProcess(key(), input).id());
        }
        return ids;
    }

    public CaseKey key() {
        return deployed.definition().key();
    }

    /** The case as deployed in the play runtime (with its version there). */
    public CaseDefinition definition() {
        return deployed.definition();
    }

    public CaseflowRuntime runtime() {
        return runtime;
    }

    public Path folder() {
        return folder;
    }

    public boolean isRunning() {
        return running;
    }

    /** Stops the runtime and the simulated services; the folder stays until the next play empties it. */
    @Override
    public synchronized void close() {
        if (!running) {
            return;
        }
        running = false;
        listeners.clear();
        runtime.close();
        services.close();
        LOG.info("stopped playing case {}", key());
    }
}
