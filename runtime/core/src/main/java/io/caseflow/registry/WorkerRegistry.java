package io.caseflow.registry;

import io.caseflow.concurrent.Backoff;
import io.caseflow.concurrent.DaemonThreads;
import io.caseflow.definition.CaseKey;
import io.caseflow.store.CounterValue;
import io.caseflow.store.WorkerStore;
import io.caseflow.worker.WorkerRecord;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This node's entry in the live worker registry: registered at {@link #start}, refreshed by a heartbeat
 * on a daemon thread, marked stopped by {@link #close()}. A node killed with {@code kill -9} simply stops
 * beating, and readers judge it gone once {@value WorkerRecord#MISSED_HEARTBEATS_UNTIL_GONE} heartbeats
 * are missed. The heartbeat thread also deletes, in small batches, records nobody has seen for the
 * retention period, so every registered node keeps the table small and none has to be special.
 *
 * <p>A store outage never stops the node: the heartbeat logs once, retries with backoff (never slower than
 * its interval) and says when it is back. Thread-safe.
 */
public final class WorkerRegistry implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(WorkerRegistry.class);
    static final int AGE_OUT_BATCH = 100;
    static final int AGE_OUT_MAX_BATCHES = 10;
    static final Duration AGE_OUT_EVERY = Duration.ofMinutes(1);
    private static final Duration JOIN_TIMEOUT = Duration.ofSeconds(5);

    /** What the node serves right now; read on every heartbeat, so cases deployed and services attached later show up. */
    public record Duties(List<CaseKey> cases, List<String> handlers, List<String> services) {
        public Duties {
            cases = List.copyOf(cases);
            handlers = List.copyOf(handlers);
            services = List.copyOf(services);
        }
    }

    private final WorkerStore store;
    private final Clock clock;
    private final WorkerRegistration registration;
    private final Supplier<Duties> duties;
    private final Supplier<List<CounterValue>> counters;
    private final WorkerRecord registered;
    private final CountDownLatch stopping = new CountDownLatch(1);
    private Thread heartbeat;
    private Instant nextAgeOut;
    private boolean failing;

    private WorkerRegistry(WorkerStore store, Clock clock, WorkerRegistration registration, Supplier<Duties> duties,
                           Supplier<List<CounterValue>> counters, NodeIdentity identity) {
        this.store = store;
        this.clock = clock;
        this.registration = registration;
        this.duties = duties;
        this.counters = counters;
        Instant now = clock.instant();
        Duties current = duties.get();
        this.registered = new WorkerRecord(identity.id(), registration.kind(), identity.host(), identity.pid(), identity.version(), now,
                now, null, registration.heartbeatInterval(), current.cases(), current.handlers(), current.services());
        this.nextAgeOut = now;
    }

    /** Writes this node's record now (a store failure here is the caller's) and starts the heartbeat. */
    public static WorkerRegistry start(WorkerStore store, Clock clock, WorkerRegistration registration, Supplier<Duties> duties) {
        return start(store, clock, registration, duties, List::of);
    }

    /**
     * Like {@link #start(WorkerStore, Clock, WorkerRegistration, Supplier)}, and every heartbeat (and a clean
     * stop) also writes the node's {@code counters}, so a server can show the deployment's totals.
     */
    public static WorkerRegistry start(WorkerStore store, Clock clock, WorkerRegistration registration, Supplier<Duties> duties,
                                       Supplier<List<CounterValue>> counters) {
        WorkerRegistry registry = new WorkerRegistry(store, clock, registration, duties, counters, NodeIdentity.current());
        store.register(registry.registered);
        store.writeCounters(registry.workerId(), counters.get());
        registry.heartbeat = DaemonThreads.start("caseflow-worker-heartbeat", registry::beatUntilStopped);
        LOG.info("registered as {} {} (heartbeat every {} ms)", registration.kind(), registry.workerId(),
                registration.heartbeatInterval().toMillis());
        return registry;
    }

    public String workerId() {
        return registered.id();
    }

    /**
     * Writes what the node serves now, without waiting for the next heartbeat (e.g. right after a service is
     * attached). Never throws: a store failure is logged and the heartbeat keeps trying.
     */
    public synchronized void refresh() {
        beatLogged();
    }

    private void beatUntilStopped() {
        Duration interval = registration.heartbeatInterval();
        Duration firstRetry = interval.compareTo(Duration.ofSeconds(1)) < 0 ? interval : Duration.ofSeconds(1);
        Backoff backoff = new Backoff(firstRetry, interval);
        Duration pause = interval;
        while (!awaitStop(pause)) {
            boolean beaten;
            synchronized (this) {
                beaten = beatLogged();
            }
            if (beaten) {
                backoff.reset();
                pause = interval;
                ageOutIfDue();
            } else {
                pause = backoff.nextDelay();
            }
        }
    }

    /** Waits up to {@code pause}; true once the registry is closing. */
    private boolean awaitStop(Duration pause) {
        try {
            return stopping.await(pause.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
    }

    private boolean beatLogged() {
        try {
            beat();
            if (failing) {
                LOG.info("worker {}: heartbeat written again", workerId());
                failing = false;
            }
            return true;
        } catch (RuntimeException e) {
            if (!failing) {
                LOG.warn("worker {}: cannot write the heartbeat ({}); retrying, other nodes see this one as gone after {}", workerId(),
                        e.getMessage(), registered.heartbeatWindow());
                failing = true;
            }
            return false;
        }
    }

    private void beat() {
        if (stopping.getCount() == 0) {
            return; // closing: a late beat must not bring back a record marked stopped
        }
        Duties current = duties.get();
        WorkerRecord seen = registered.seenAt(clock.instant(), current.cases(), current.handlers(), current.services());
        if (!store.heartbeat(seen)) {
            // Deleted while this node was frozen past the retention (or by hand): come back rather than stay invisible.
            LOG.info("worker {}: its registry record was gone; registering again", workerId());
            store.register(seen);
        }
        store.writeCounters(workerId(), counters.get());
    }

    private void ageOutIfDue() {
        Instant now = clock.instant();
        if (now.isBefore(nextAgeOut)) {
            return;
        }
        nextAgeOut = now.plus(AGE_OUT_EVERY);
        try {
            Instant cutoff = now.minus(registration.retention());
            int deleted = 0;
            for (int batch = 0; batch < AGE_OUT_MAX_BATCHES; batch++) {
                int count = store.deleteSeenBefore(cutoff, AGE_OUT_BATCH);
                deleted += count;
                if (count < AGE_OUT_BATCH) {
                    break;
                }
            }
            if (deleted > 0) {
                LOG.info("deleted {} worker record(s) not seen since {}", deleted, cutoff);
            }
        } catch (RuntimeException e) {
            LOG.debug("ageing out worker records failed; the next round tries again: {}", e.getMessage());
        }
    }

    /** Stops the heartbeat and marks this node stopped (a store failure is logged: the record then ages out as gone). */
    @Override
    public void close() {
        if (stopping.getCount() == 0) {
            return;
        }
        stopping.countDown();
        Thread thread = heartbeat;
        if (thread != null) {
            try {
                thread.join(JOIN_TIMEOUT.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        synchronized (this) {
            try {
                store.writeCounters(workerId(), counters.get()); // the last counts, e.g. what happened while stopping
                store.markStopped(workerId(), clock.instant());
                LOG.info("worker {} marked stopped", workerId());
            } catch (RuntimeException e) {
                LOG.warn("worker {}: cannot mark the record stopped ({}); readers will see it gone after {}", workerId(), e.getMessage(),
                        registered.heartbeatWindow());
            }
        }
    }
}
