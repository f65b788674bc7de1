package io.caseflow.designer.play;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.caseflow.CaseflowRuntime;
import io.caseflow.definition.CaseDefinition;
import io.caseflow.definition.CaseKey;
import io.caseflow.definition.DeployedDefinition;
import io.caseflow.designer.monitor.ConnectionState;
import io.caseflow.designer.monitor.MonitorSource;
import io.caseflow.designer.monitor.RuntimeBackedSource;
import io.caseflow.designer.monitor.SourceUnavailableException;
import io.caseflow.message.DeadLetter;
import io.caseflow.process.ActionResult;
import io.caseflow.process.ProcessEvent;
import io.caseflow.process.ProcessPage;
import io.caseflow.process.ProcessQuery;
import io.caseflow.process.ProcessSnapshot;
import io.caseflow.process.ProcessStatus;
import io.caseflow.process.StageRun;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The monitor's source over a {@link PlayRuntime}, so that a play is watched, and its processes
 * retried, with the monitor's own view models and views. Calls run on the given executor (the UI
 * executor's pool); live events come straight from the play runtime's engine. The play runtime
 * lives in this JVM and is never restarted behind the user's back: the connection is up until the
 * play stops, then LOST.
 *
 * <pre>{@code
 * MonitorSource source = new PlayMonitorSource(play, ui.background(), Clock.systemUTC());
 * }</pre>
 */
public final class PlayMonitorSource extends RuntimeBackedSource {
    private static final Logger LOG = LoggerFactory.getLogger(PlayMonitorSource.class);

    private final PlayRuntime play;
    private final Executor executor;
    private final Clock clock;
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private final AutoCloseable engineSubscription;
    private volatile ConnectionState state;

    public PlayMonitorSource(PlayRuntime play, Executor executor, Clock clock) {
        this.play = play;
        this.executor = executor;
        this.clock = clock;
        this.state = ConnectionState.connected(clock.instant());
        this.engineSubscription = play.addListener(this::publish);
    }

    private void publish(List<ProcessEvent> events) {
        for (Listener l : listeners) {
            l.events(events);
        }
    }

    @Override
    protected <T> CompletableFuture<T> call(String what, Function<CaseflowRuntime, T> work) {
        if (!play.isRunning()) {
            return CompletableFuture.failedFuture(new SourceUnavailableException("The play has stopped; " + what + " is not possible", null));
        }
        try {
            return CompletableFuture.supplyAsync(() -> work.apply(play.runtime()), executor);
        } catch (RejectedExecutionException e) {
            return CompletableFuture.failedFuture(new SourceUnavailableException("the designer is shutting down", e));
        }
    }

    @Override
    public String describe() {
        return "play runtime (simulated)";
    }

    @Override
    public ConnectionState connection() {
        return state;
    }

    @Override
    public Subscription subscribe(Listener listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    /** Stops listening to the play runtime (which the play session closes); the connection becomes LOST. */
    @Override
    public void close() {
        try {
            engineSubscription.close();
        } catch (Exception e) {
            LOG.debug("play listener not removed", e);
        }
        state = ConnectionState.lost("the play was stopped", clock.instant());
        for (Listener l : listeners) {
            l.connection(state);
        }
        listeners.clear();
    }
}
