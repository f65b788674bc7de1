package io.caseflow.designer.monitor.source;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.caseflow.CaseflowRuntime;
import io.caseflow.definition.CaseDefinition;
import io.caseflow.definition.CaseKey;
import io.caseflow.definition.DeployedDefinition;
import io.caseflow.definition.UnknownCaseException;
import io.caseflow.designer.deploy.EmbeddedRuntime;
import io.caseflow.designer.monitor.ConnectionState;
import io.caseflow.designer.monitor.DemoTraffic;
import io.caseflow.designer.monitor.MonitorSource;
import io.caseflow.designer.monitor.RuntimeBackedSource;
import io.caseflow.designer.monitor.SourceUnavailableException;
import io.caseflow.engine.VersionMigration;
import io.caseflow.message.DeadLetter;
import io.caseflow.process.ActionResult;
import io.caseflow.process.IdempotencyConflictException;
import io.caseflow.process.MigrationReport;
import io.caseflow.process.ProcessEvent;
import io.caseflow.process.ProcessNotFoundException;
import io.caseflow.process.ProcessPage;
import io.caseflow.process.ProcessQuery;
import io.caseflow.process.ProcessSnapshot;
import io.caseflow.process.ProcessStatus;
import io.caseflow.process.StageRun;
import io.caseflow.samples.Orders;
import io.caseflow.worker.WorkerSnapshot;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The monitor's source when the runtime runs in this JVM ({@link EmbeddedRuntime}). Queries and
 * actions call the runtime on the given executor (the UI executor's pool); live events come
 * straight from the engine's listener; a health check reads the store every {@link Builder#pingEvery}.
 * When the check fails the connection is RECONNECTING and the check is repeated with a growing pause;
 * if the runtime was stopped, it is restarted. After {@link Builder#giveUpAfter} without success
 * the connection is LOST until {@link #reconnect()}.
 *
 * <pre>{@code
 * MonitorSource source = EmbeddedMonitorSource.builder(embedded).executor(ui.background()).build();
 * }</pre>
 */
public final class EmbeddedMonitorSource extends RuntimeBackedSource {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedMonitorSource.class);
    public static final Duration DEFAULT_PING_EVERY = Duration.ofSeconds(1);
    public static final Duration DEFAULT_FIRST_RETRY = Duration.ofMillis(250);
    public static final Duration DEFAULT_MAX_BACKOFF = Duration.ofSeconds(5);
    public static final Duration DEFAULT_GIVE_UP_AFTER = Duration.ofMinutes(2);
    private static final String NO_SUCH_PROCESS = "00000000-0000-7000-8000-000000000000";

    private final EmbeddedRuntime embedded;
    private final Executor executor;
    private final Clock clock;
    private final Duration pingEvery;
    private final Duration firstRetry;
    private final Duration maxBackoff;
    private final Duration giveUpAfter;
    private final boolean restartStopped;
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private final HealthCheckTimer health;
    private final AutoCloseable engineSubscription;
    private final SampleOrders demo;
    private volatile ConnectionState state;
    private volatile boolean closed;
    private int failedChecks;
    private Instant downSince;

    private EmbeddedMonitorSource(Builder b) {
        this.embedded = b.embedded;
        this.executor = b.executor;
        this.clock = b.clock;
        this.pingEvery = b.pingEvery;
        this.firstRetry = b.firstRetry;
        this.maxBackoff = b.maxBackoff;
        this.giveUpAfter = b.giveUpAfter;
        this.restartStopped = b.restartStopped;
        this.state = embedded.isRunning() ? ConnectionState.connected(clock.instant()) : ConnectionState.connecting(clock.instant());
        this.health = new HealthCheckTimer("monitor-health", this::check);
        this.engineSubscription = embedded.addListener(this::publish);
        this.demo = new SampleOrders(embedded::runtime, b.mix);
        schedule(pingEvery);
    }

    public static Builder builder(EmbeddedRuntime embedded) {
        return new Builder(embedded);
    }

    private void publish(List<ProcessEvent> events) {
        if (listeners.isEmpty() || events.isEmpty()) {
            return;
        }
        for (Listener l : listeners) {
            l.events(events);
        }
    }

    // ------------------------------------------------------------------ health

    private void schedule(Duration delay) {
        health.runIn(delay);
    }

    private void check() {
        if (closed) {
            return;
        }
        try {
            ping();
            up();
        } catch (RuntimeException e) {
            down(reason(e));
        }
    }

    private void ping() {
        if (!embedded.isRunning()) {
            throw new SourceUnavailableException("the embedded runtime is not running", null);
        }
        CaseflowRuntime rt = embedded.runtime();
        rt.find(NO_SUCH_PROCESS);
        if (!rt.transport().isHealthy()) {
            throw new SourceUnavailableException("the embedded runtime's transport is not working", null);
        }
    }

    private void up() {
        Duration next;
        synchronized (this) {
            failedChecks = 0;
            downSince = null;
            next = pingEvery;
        }
        if (state.kind() != ConnectionState.Kind.CONNECTED) {
            LOG.info("monitor connected to the embedded runtime");
            setState(ConnectionState.connected(clock.instant()));
        }
        schedule(next);
    }

    private void down(String reason) {
        Instant now = clock.instant();
        int attempt;
        Instant since;
        synchronized (this) {
            failedChecks++;
            attempt = failedChecks;
            if (downSince == null) {
                downSince = now;
            }
            since = downSince;
        }
        if (Duration.between(since, now).compareTo(giveUpAfter) >= 0) {
            LOG.error("the embedded runtime did not answer for {}; the monitor stops trying until asked: {}", giveUpAfter, reason);
            setState(ConnectionState.lost(reason, now));
            return;
        }
        if (attempt == 1) {
            LOG.warn("the monitor lost the embedded runtime: {}", reason);
        }
        setState(ConnectionState.reconnecting(reason, since, attempt));
        if (restartStopped && !embedded.isRunning()) {
            try {
                embedded.restart();
                LOG.info("restarted the embedded runtime for the monitor");
                check();
                return;
            } catch (RuntimeException e) {
                LOG.warn("restarting the embedded runtime failed: {}", e.toString());
            }
        }
        long pause = Math.min(maxBackoff.toMillis(), firstRetry.toMillis() << Math.min(attempt - 1, 16));
        schedule(Duration.ofMillis(pause));
    }

    private void setState(ConnectionState next) {
        state = next;
        for (Listener l : listeners) {
            l.connection(next);
        }
    }

    private static String reason(Throwable e) {
        if (e instanceof SourceUnavailableException) {
            return e.getMessage();
        }
        String m = e.getMessage();
        if (m != null && m.contains("not started")) {
            return "the embedded runtime is not running";
        }
        return m == null ? e.getClass().getSimpleName() : m;
    }

    @Override
    public void reconnect() {
        synchronized (this) {
            failedChecks = 0;
            downSince = null;
        }
        schedule(Duration.ZERO);
    }

    // ------------------------------------------------------------------ calls

    @Override
    protected <T> CompletableFuture<T> call(String what, Function<CaseflowRuntime, T> work) {
        if (closed) {
            return CompletableFuture.failedFuture(new SourceUnavailableException("the monitor's source is closed", null));
        }
        Supplier<T> task = () -> {
            if (!embedded.isRunning()) {
                throw new SourceUnavailableException("The embedded runtime is not running; " + what + " is not possible now", null);
            }
            try {
                return work.apply(embedded.runtime());
            } catch (ProcessNotFoundException | UnknownCaseException | IdempotencyConflictException | IllegalArgumentException e) {
                throw e;
            } catch (RuntimeException e) {
                // Anything else may mean the runtime is going away: check now rather than at the next ping.
                schedule(Duration.ZERO);
                if (!embedded.isRunning() || String.valueOf(e.getMessage()).contains("not started")) {
                    throw new SourceUnavailableException("The embedded runtime is not running; " + what + " is not possible now", e);
                }
                throw e;
            }
        };
        try {
            return CompletableFuture.supplyAsync(task, executor);
        } catch (RejectedExecutionException e) {
            return CompletableFuture.failedFuture(new SourceUnavailableException("the monitor is shutting down", e));
        }
    }

    @Override
    public String describe() {
        return "embedded runtime";
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

    @Override
    public Optional<DemoTraffic> demo() {
        return Optional.of(demo);
    }

    /** The sample orders this source starts (tests choose the mix of failures). */
    public SampleOrders sampleOrders() {
        return demo;
    }

    @Override
    public void close() {
        closed = true;
        health.close();
        try {
            engineSubscription.close();
        } catch (Exception e) {
            LOG.debug("engine listener not removed", e);
        }
        setState(ConnectionState.lost("the monitor was closed", clock.instant()));
        listeners.clear();
        demo.close();
    }

    /** Settings of an embedded source; each has a default. */
    public static final class Builder {
        private final EmbeddedRuntime embedded;
        private Executor executor = CompletableFuture.delayedExecutor(0, TimeUnit.MILLISECONDS);
        private Clock clock = Clock.systemUTC();
        private Duration pingEvery = DEFAULT_PING_EVERY;
        private Duration firstRetry = DEFAULT_FIRST_RETRY;
        private Duration maxBackoff = DEFAULT_MAX_BACKOFF;
        private Duration giveUpAfter = DEFAULT_GIVE_UP_AFTER;
        private boolean restartStopped = true;
        private Orders.Mix mix = Orders.Mix.DEMO;

        private Builder(EmbeddedRuntime embedded) {
            this.embedded = Objects.requireNonNull(embedded, "embedded");
        }

        /** Where store reads and actions run (the UI executor's pool); default: the common pool. */
        public Builder executor(Executor value) {
            this.executor = Objects.requireNonNull(value, "executor");
            return this;
        }

        public Builder clock(Clock value) {
            this.clock = value;
            return this;
        }

        /** How often the health check runs while all is well (10 ms to 1 minute). */
        public Builder pingEvery(Duration value) {
            this.pingEvery = range("pingEvery", value, Duration.ofMillis(10), Duration.ofMinutes(1));
            return this;
        }

        /** The first pause after a failed check; it doubles up to {@code maxBackoff}. */
        public Builder backoff(Duration first, Duration max) {
            this.firstRetry = range("first backoff", first, Duration.ofMillis(10), Duration.ofMinutes(1));
            this.maxBackoff = range("max backoff", max, first, Duration.ofMinutes(10));
            return this;
        }

        /** How long checks keep failing before the connection counts as LOST (1 second to 1 day). */
        public Builder giveUpAfter(Duration value) {
            this.giveUpAfter = range("giveUpAfter", value, Duration.ofSeconds(1), Duration.ofDays(1));
            return this;
        }

        /** Whether a stopped embedded runtime is restarted by the health check (default true). */
        public Builder restartStopped(boolean value) {
            this.restartStopped = value;
            return this;
        }

        /** The mix of sample orders "start processes" makes (default: {@link Orders.Mix#DEMO}). */
        public Builder sampleMix(Orders.Mix value) {
            this.mix = value;
            return this;
        }

        public EmbeddedMonitorSource build() {
            return new EmbeddedMonitorSource(this);
        }

        private static Duration range(String name, Duration value, Duration min, Duration max) {
            if (value == null || value.compareTo(min) < 0 || value.compareTo(max) > 0) {
                throw new IllegalArgumentException(name + " must be " + min + " to " + max + ", was " + value);
            }
            return value;
        }
    }
}
