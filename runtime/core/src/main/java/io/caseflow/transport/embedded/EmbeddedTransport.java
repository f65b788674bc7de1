package io.caseflow.transport.embedded;

import io.caseflow.commit.ClaimPolicy;
import io.caseflow.commit.StoredMessage;
import io.caseflow.concurrent.Backoff;
import io.caseflow.concurrent.DaemonThreads;
import io.caseflow.concurrent.Futures;
import io.caseflow.concurrent.Sleeper;
import io.caseflow.installation.Installation;
import io.caseflow.message.OutboxMessage;
import io.caseflow.store.OutboxStore;
import io.caseflow.transport.Delivery;
import io.caseflow.transport.SharedWriter;
import io.caseflow.transport.Transport;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The transport with nothing to install: the outbox table is the durable queue. Rows committed for a
 * queue this JVM consumes are written already claimed and handed to the consumer in memory right
 * after the commit; a poller picks up everything else (rows due later, rows left from before a
 * restart). An acknowledgement deletes the row, so a JVM killed at any instant redelivers whatever
 * it had not acknowledged when it starts again. A stage-due message it takes itself has no row: the process row
 * committed with it implies it, and start writes the row back for every running process that has none (decision 0011).
 *
 * <p>One embedded transport owns its database: at start it drops all claims left by an earlier run.
 */
public final class EmbeddedTransport implements Transport {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedTransport.class);

    public static final int DEFAULT_MAX_DELIVERIES = 20;
    public static final int DEFAULT_MAX_IN_FLIGHT = 1024;
    private static final Duration MAX_IDLE = Duration.ofMillis(500);
    private static final Duration LEASE = Duration.ofDays(3650);
    private static final int CLAIM_BATCH = 256;

    private final Installation installation;
    private final OutboxStore outbox;
    private final Clock clock;
    private final int maxDeliveries;
    private final int maxInFlight;
    private final String nodeId = "embedded-" + UUID.randomUUID();
    private final List<Subscription> subscriptions = new CopyOnWriteArrayList<>();
    private final Map<String, Subscription> byQueue = new ConcurrentHashMap<>();
    private final ReentrantLock wakeLock = new ReentrantLock();
    private final Condition wake = wakeLock.newCondition();
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicInteger pendingWake = new AtomicInteger();
    private final ScheduledExecutorService retries = Executors.newSingleThreadScheduledExecutor(DaemonThreads.factory("caseflow-redeliver"));
    private Thread poller;
    private volatile SharedWriter writer;

    public EmbeddedTransport(Installation installation, OutboxStore outbox, Clock clock) {
        this(installation, outbox, clock, DEFAULT_MAX_DELIVERIES, DEFAULT_MAX_IN_FLIGHT);
    }

    public EmbeddedTransport(Installation installation, OutboxStore outbox, Clock clock, int maxDeliveries, int maxInFlight) {
        this.installation = installation;
        this.outbox = outbox;
        this.clock = clock;
        this.maxDeliveries = maxDeliveries;
        this.maxInFlight = maxInFlight;
    }

    @Override
    public Installation installation() {
        return installation;
    }

    @Override
    public synchronized void consume(String name, Set<String> queues, int concurrency, Consumer<Delivery> consumer) {
        Subscription subscription = subscriptions.stream().filter(s -> s.name.equals(name)).findFirst().orElse(null);
        if (subscription == null) {
            subscription = new Subscription(name, consumer, Executors.newFixedThreadPool(concurrency, DaemonThreads.factory("caseflow-" + name)));
            subscriptions.add(subscription);
        }
        for (String queue : queues) {
            Subscription owner = byQueue.putIfAbsent(queue, subscription);
            if (owner != null && owner != subscription) {
                throw new IllegalArgumentException("queue " + queue + " already has consumer " + owner.name);
            }
            subscription.queues.add(queue);
        }
        wakePoller();
    }

    /** This transport owns its database, so its own subscriptions are every consumer there is: 1 per subscribed queue while running. */
    @Override
    public OptionalInt consumerCount(String queue) {
        return OptionalInt.of(running.get() && byQueue.containsKey(queue) ? 1 : 0);
    }

    /** It drops every claim at start and consumes its outbox alone: nothing else may write to its database. */
    @Override
    public boolean ownsDatabase() {
        return true;
    }

    /**
     * Takes every message for a queue it consumes. A stage-due message gets no row: the process row committed with it says
     * the same (process, step, stage), and {@link #start()} writes one for each running process that has none after a
     * stop or a crash. An in-process hand-on is then two row writes, not eight (issue 14).
     */
    @Override
    public ClaimPolicy claimPolicy() {
        return new ClaimPolicy() {
            @Override
            public String ownerFor(OutboxMessage message) {
                return running.get() && byQueue.containsKey(message.destination()) ? nodeId : null;
            }

            @Override
            public boolean impliedByProcessRow(OutboxMessage message) {
                return message.kind() == OutboxMessage.Kind.STAGE_DUE;
            }
        };
    }

    @Override
    public void committed(List<StoredMessage> claimed) {
        for (StoredMessage message : claimed) {
            dispatch(message);
        }
    }

    /**
     * Acknowledgements and published messages ride in the engine's group commits: the one way this
     * transport writes. The engine offers its writer when it is made; {@link #start()} refuses to run
     * without one.
     */
    @Override
    public void shareWriter(SharedWriter sharedWriter) {
        this.writer = sharedWriter;
    }

    @Override
    public void publish(OutboxMessage message) {
        Futures.join(requireWriter().append(message)); // durable before the caller acknowledges what it answers
        if (claimPolicy().ownerFor(message) == null) {
            wakePoller();
        }
    }

    /** The reply and the deletion of the request's row in one group commit: one durable write per service call. */
    @Override
    public void publishAnswering(OutboxMessage message, Delivery answered) {
        long row = answered.storedRowId();
        Futures.join(requireWriter().append(message, row));
        if (claimPolicy().ownerFor(message) == null) {
            wakePoller();
        }
        if (row != 0) {
            answered.ackedByCommit();
        } else {
            answered.ack();
        }
    }

    private SharedWriter requireWriter() {
        SharedWriter shared = writer;
        if (shared == null) {
            throw new IllegalStateException("the embedded transport writes through the engine's group commit; "
                    + "make an Engine over it (which shares its writer) before starting it");
        }
        return shared;
    }

    @Override
    public synchronized void start() {
        requireWriter();
        if (!running.compareAndSet(false, true)) {
            return;
        }
        int released = outbox.releaseAllClaims();
        if (released > 0) {
            LOG.info("redelivering {} message(s) left unacknowledged by an earlier run", released);
        }
        int restored = outbox.restoreImpliedStageDues(installation);
        if (restored > 0) {
            LOG.info("redelivering {} stage(s) that running processes were at when an earlier run stopped", restored);
        }
        poller = DaemonThreads.start("caseflow-outbox-poller", this::pollLoop);
    }

    @Override
    public synchronized void close() {
        if (!running.compareAndSet(true, false)) {
            return;
        }
        wakePoller();
        join(poller);
        for (Subscription subscription : subscriptions) {
            subscription.executor.shutdown();
        }
        for (Subscription subscription : subscriptions) {
            try {
                if (!subscription.executor.awaitTermination(10, TimeUnit.SECONDS)) {
                    subscription.executor.shutdownNow();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        awaitSettled(Duration.ofSeconds(10));
        retries.shutdownNow();
    }

    /** Consumers hand work on (e.g. to a group commit); wait for it to be acknowledged before the acker stops. */
    private void awaitSettled(Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (inFlight() > 0 && System.nanoTime() < deadline) {
            Sleeper.sleep(Duration.ofMillis(10));
        }
    }

    /** The number of messages handed to consumers and not yet settled. */
    public int inFlight() {
        return subscriptions.stream().mapToInt(s -> s.inFlight.get()).sum();
    }

    private void dispatch(StoredMessage message) {
        Subscription subscription = byQueue.get(message.destination());
        if (subscription == null) {
            LOG.warn("no consumer for queue {}; message {} stays in the outbox", message.destination(), message.id());
            return;
        }
        subscription.inFlight.incrementAndGet();
        EmbeddedDelivery delivery = new EmbeddedDelivery(message, subscription);
        if (message.deliveries() > maxDeliveries) {
            delivery.deadLetter("redelivered", "delivered " + (message.deliveries() - 1)
                    + " times without being handled; the consumer kept crashing on it");
            return;
        }
        try {
            subscription.executor.execute(() -> deliver(subscription, delivery));
        } catch (RejectedExecutionException e) {
            subscription.inFlight.decrementAndGet(); // shutting down; the row stays claimed until the next start
        }
    }

    private void deliver(Subscription subscription, EmbeddedDelivery delivery) {
        try {
            subscription.consumer.accept(delivery);
        } catch (RuntimeException e) {
            LOG.error("consumer {} failed on message {} from {}; it will be delivered again", subscription.name,
                    delivery.message.id(), delivery.message.destination(), e);
            delivery.retryLater(Duration.ofSeconds(1));
        }
    }

    private void pollLoop() {
        Backoff backoff = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(5));
        while (running.get()) {
            try {
                boolean full = false;
                for (Subscription subscription : subscriptions) {
                    int room = Math.min(CLAIM_BATCH, maxInFlight - subscription.inFlight.get());
                    if (room <= 0) {
                        continue;
                    }
                    if (subscription.queues.isEmpty()) {
                        continue;
                    }
                    List<StoredMessage> claimed = outbox.claimDue(Set.copyOf(subscription.queues), nodeId, clock.instant().plus(LEASE), room);
                    claimed.forEach(this::dispatch);
                    full |= claimed.size() == room;
                }
                backoff.reset();
                if (!full) {
                    awaitWork();
                }
            } catch (RuntimeException e) {
                if (!running.get()) {
                    return;
                }
                Duration pause = backoff.nextDelay();
                LOG.warn("cannot read the outbox ({}); trying again in {} ms", e.getMessage(), pause.toMillis());
                Sleeper.sleep(pause);
            }
        }
    }

    private void awaitWork() {
        Set<String> all = Set.copyOf(byQueue.keySet());
        Optional<Instant> next = outbox.nextDue(all);
        Instant now = clock.instant();
        Duration wait = next.map(at -> Duration.between(now, at)).orElse(MAX_IDLE);
        if (wait.compareTo(MAX_IDLE) > 0) {
            wait = MAX_IDLE;
        }
        if (wait.isNegative() || wait.isZero()) {
            // Due now but nothing claimable: every consumer is full. Wait for room.
            wait = Duration.ofMillis(10);
        }
        wakeLock.lock();
        try {
            if (pendingWake.getAndSet(0) == 0 && running.get()) {
                wake.await(wait.toNanos(), TimeUnit.NANOSECONDS);
            }
            pendingWake.set(0);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            wakeLock.unlock();
        }
    }

    private void wakePoller() {
        wakeLock.lock();
        try {
            pendingWake.incrementAndGet();
            wake.signalAll();
        } finally {
            wakeLock.unlock();
        }
    }

    private static void join(Thread thread) {
        if (thread == null) {
            return;
        }
        try {
            thread.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static final class Subscription {
        final String name;
        final Set<String> queues = ConcurrentHashMap.newKeySet();
        final Consumer<Delivery> consumer;
        final ExecutorService executor;
        final AtomicInteger inFlight = new AtomicInteger();

        Subscription(String name, Consumer<Delivery> consumer, ExecutorService executor) {
            this.name = name;
            this.consumer = consumer;
            this.executor = executor;
        }
    }

    /** A claimed outbox row handed to a consumer. */
    private final class EmbeddedDelivery implements Delivery {
        final StoredMessage message;
        final Subscription subscription;
        final AtomicBoolean settled = new AtomicBoolean();

        EmbeddedDelivery(StoredMessage message, Subscription subscription) {
            this.message = message;
            this.subscription = subscription;
        }

        @Override
        public String queue() {
            return message.destination();
        }

        @Override
        public String body() {
            return message.body();
        }

        @Override
        public Instant dueAt() {
            return message.availableAt();
        }

        @Override
        public int deliveryCount() {
            return Math.max(1, message.deliveries());
        }

        @Override
        public void ack() {
            if (settled.compareAndSet(false, true)) {
                subscription.inFlight.decrementAndGet();
                requireWriter().acknowledge(message.id()); // NO_ROW: the writer has nothing to delete
            }
        }

        @Override
        public long storedRowId() {
            return message.id();
        }

        @Override
        public void ackedByCommit() {
            if (settled.compareAndSet(false, true)) {
                subscription.inFlight.decrementAndGet();
            }
        }

        @Override
        public void retryLater(Duration delay) {
            if (!settled.compareAndSet(false, true)) {
                return;
            }
            // The row stays claimed by this node, so nobody else takes it; deliver it again here.
            StoredMessage again = new StoredMessage(message.id(), message.destination(), message.kind(), message.processId(),
                    message.body(), message.availableAt(), message.deliveries() + 1);
            subscription.inFlight.decrementAndGet();
            try {
                retries.schedule(() -> dispatch(again), delay.toMillis(), TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException e) {
                // Shutting down: the row stays in the outbox and is delivered after the next start.
            }
        }

        @Override
        public void deadLetter(String reason, String detail) {
            if (!settled.compareAndSet(false, true)) {
                return;
            }
            try {
                outbox.deadLetter(message, reason, detail);
                subscription.inFlight.decrementAndGet();
                LOG.warn("dead-lettered message {} from {}: {} ({})", message.id(), message.destination(), reason, detail);
            } catch (RuntimeException e) {
                settled.set(false);
                LOG.warn("cannot dead-letter message {} ({}); trying again", message.id(), e.getMessage());
                retryLater(Duration.ofSeconds(1));
            }
        }
    }
}
