package io.caseflow.transport.rabbitmq;

import io.caseflow.concurrent.Backoff;
import io.caseflow.concurrent.DaemonThreads;
import io.caseflow.fault.CrashPoint;
import io.caseflow.fault.CrashPoints;
import io.caseflow.message.OutboxMessage;
import io.caseflow.store.OutboxStore;
import io.caseflow.commit.StoredMessage;
import io.caseflow.transport.SharedWriter;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves committed outbox rows to the broker. Rows this node just committed arrive claimed and are
 * published at once; a poller claims the rest (timers that came due, rows whose relaying node died
 * and whose lease ran out) with {@code FOR UPDATE SKIP LOCKED}, so many nodes relay side by side.
 * A row is deleted only after the broker confirmed it; a row whose publish failed is released so it
 * is published again (a duplicate at worst, which the step fence drops).
 */
final class OutboxRelay implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(OutboxRelay.class);
    private static final int CLAIM_BATCH = 500;
    private static final Duration IDLE = Duration.ofMillis(200);

    private final OutboxStore outbox;
    private final ConfirmingPublisher publisher;
    private final String nodeId;
    private final Duration lease;
    private final Clock clock;
    private final Counter relayed;
    private final Counter failed;
    private final LinkedBlockingQueue<Long> confirmed = new LinkedBlockingQueue<>();
    private final LinkedBlockingQueue<Long> toRelease = new LinkedBlockingQueue<>();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition wake = lock.newCondition();
    private volatile SharedWriter writer;
    private volatile boolean running;
    private Thread thread;

    OutboxRelay(OutboxStore outbox, ConfirmingPublisher publisher, String nodeId, Duration lease, Clock clock, MeterRegistry meters) {
        this.outbox = outbox;
        this.publisher = publisher;
        this.nodeId = nodeId;
        this.lease = lease;
        this.clock = clock;
        this.relayed = Counter.builder("caseflow.relay.published").description("outbox rows confirmed by the broker").register(meters);
        this.failed = Counter.builder("caseflow.relay.failed").description("outbox rows whose publish failed and will be retried")
                .register(meters);
    }

    void useWriter(SharedWriter sharedWriter) {
        this.writer = sharedWriter;
    }

    void start() {
        running = true;
        thread = DaemonThreads.start("caseflow-relay", this::loop);
    }

    /** Publishes rows this node holds; deletes each once confirmed. */
    void relay(List<StoredMessage> rows) {
        for (StoredMessage row : rows) {
            publisher.publish(publisher.toQueue(row.destination(), row.body(), row.availableAt()))
                    .whenComplete((ok, error) -> {
                        if (error == null) {
                            relayed.increment();
                            if (row.kind() == OutboxMessage.Kind.SERVICE_REQUEST) {
                                CrashPoints.reach(CrashPoint.AFTER_SERVICE_REQUEST_PUBLISHED);
                            }
                            SharedWriter shared = writer;
                            if (shared != null) {
                                shared.acknowledge(row.id());
                            } else {
                                confirmed.add(row.id());
                                signal();
                            }
                        } else {
                            failed.increment();
                            LOG.debug("publishing outbox row {} to {} failed ({}); it will be published again", row.id(),
                                    row.destination(), error.getMessage());
                            toRelease.add(row.id());
                            signal();
                        }
                    });
        }
    }

    private void loop() {
        Backoff backoff = new Backoff(Duration.ofMillis(200), Duration.ofSeconds(5));
        while (running) {
            try {
                flush();
                List<StoredMessage> due = outbox.claimDueAnywhere(nodeId, clock.instant().plus(lease), CLAIM_BATCH);
                relay(due);
                backoff.reset();
                if (due.size() < CLAIM_BATCH) {
                    await(IDLE);
                }
            } catch (RuntimeException e) {
                Duration pause = backoff.nextDelay();
                LOG.warn("relay cannot reach the outbox ({}); trying again in {} ms", e.getMessage(), pause.toMillis());
                await(pause);
            }
        }
        try {
            flush();
        } catch (RuntimeException e) {
            LOG.warn("relay could not record its last confirms ({}); those rows will be published again", e.getMessage());
        }
    }

    private void flush() {
        List<Long> done = new ArrayList<>();
        confirmed.drainTo(done);
        if (!done.isEmpty()) {
            try {
                outbox.delete(done);
            } catch (RuntimeException e) {
                confirmed.addAll(done);
                throw e;
            }
        }
        List<Long> again = new ArrayList<>();
        toRelease.drainTo(again);
        if (!again.isEmpty()) {
            try {
                outbox.release(again, clock.instant().plusSeconds(1));
            } catch (RuntimeException e) {
                toRelease.addAll(again);
                throw e;
            }
        }
    }

    private void signal() {
        lock.lock();
        try {
            wake.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private void await(Duration duration) {
        lock.lock();
        try {
            if (confirmed.isEmpty() && toRelease.isEmpty()) {
                wake.await(duration.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void close() {
        running = false;
        signal();
        if (thread != null) {
            try {
                thread.join(TimeUnit.SECONDS.toMillis(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
