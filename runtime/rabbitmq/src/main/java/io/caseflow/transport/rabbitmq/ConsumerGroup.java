package io.caseflow.transport.rabbitmq;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.DefaultConsumer;
import com.rabbitmq.client.Envelope;
import com.rabbitmq.client.ShutdownSignalException;
import io.caseflow.concurrent.Backoff;
import io.caseflow.concurrent.DaemonThreads;
import io.caseflow.concurrent.Sleeper;
import io.caseflow.transport.Delivery;
import java.io.IOException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One named consumer: a channel with a bounded prefetch, its queues, and a pool of {@code concurrency}
 * threads that run the consumer. Deliveries are acknowledged manually, after the consumer settles them.
 *
 * <p>The client's automatic recovery brings consumers back after a lost connection, but not after the
 * broker closed just the channel (e.g. a consumer timeout); this class reopens the channel then, so a
 * worker never silently stops consuming.
 */
final class ConsumerGroup {
    private static final Backoff REOPEN_BACKOFF = new Backoff(Duration.ofMillis(500), Duration.ofSeconds(10));
    private static final Logger LOG = LoggerFactory.getLogger(ConsumerGroup.class);

    final String name;
    private final int concurrency;
    private final Consumer<Delivery> consumer;
    private final Supplier<Connection> connection;
    private final RabbitTopology topology;
    private final Function<DeliveryContext, Delivery> deliveries;
    private final ScheduledExecutorService scheduler;
    private final Set<String> queues = ConcurrentHashMap.newKeySet();
    private final ExecutorService workers;
    private final AtomicInteger reopenAttempts = new AtomicInteger();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final Set<String> consumerTags = ConcurrentHashMap.newKeySet();
    private volatile Channel channel;
    private volatile boolean running;

    /** What a delivery needs to settle itself. */
    record DeliveryContext(Channel channel, String queue, Envelope envelope, AMQP.BasicProperties properties, byte[] body,
                           ConsumerGroup group) {
    }

    private final int prefetch;

    ConsumerGroup(String name, int concurrency, int prefetch, Consumer<Delivery> consumer, Supplier<Connection> connection,
                  RabbitTopology topology, Function<DeliveryContext, Delivery> deliveries, ScheduledExecutorService scheduler) {
        this.name = name;
        this.concurrency = concurrency;
        this.prefetch = Math.max(prefetch, concurrency * 2);
        this.consumer = consumer;
        this.connection = connection;
        this.topology = topology;
        this.deliveries = deliveries;
        this.scheduler = scheduler;
        this.workers = Executors.newFixedThreadPool(concurrency, DaemonThreads.factory("caseflow-" + name));
    }

    synchronized void addQueues(Set<String> more) throws IOException {
        for (String queue : more) {
            if (queues.add(queue) && running && channel != null && channel.isOpen()) {
                subscribe(channel, queue);
            }
        }
    }

    synchronized void start() throws IOException {
        running = true;
        open();
    }

    private void open() throws IOException {
        consumerTags.clear();
        Channel fresh = connection.get().createChannel();
        // Handled messages stay unacknowledged until their group commit: the window must hold more than the threads.
        fresh.basicQos(prefetch);
        fresh.addShutdownListener(this::closed);
        for (String queue : queues) {
            subscribe(fresh, queue);
        }
        channel = fresh;
        reopenAttempts.set(0);
    }

    private void subscribe(Channel on, String queue) throws IOException {
        topology.ensureQueue(on, queue);
        String tag = on.basicConsume(queue, false, new DefaultConsumer(on) {
            @Override
            public void handleDelivery(String consumerTag, Envelope envelope, AMQP.BasicProperties properties, byte[] body) {
                inFlight.incrementAndGet();
                Delivery delivery = deliveries.apply(new DeliveryContext(getChannel(), queue, envelope, properties, body,
                        ConsumerGroup.this));
                workers.execute(() -> {
                    try {
                        consumer.accept(delivery);
                    } catch (RuntimeException e) {
                        LOG.error("consumer {} failed on a message from {}; it will be delivered again", name, queue, e);
                        delivery.retryLater(Duration.ofSeconds(1));
                    }
                });
            }

            @Override
            public void handleCancel(String consumerTag) {
                // The queue was deleted or the broker cancelled us: subscribe again on a fresh channel.
                LOG.warn("consumer {} on {} was cancelled by the broker; subscribing again", name, queue);
                topology.forget();
                scheduleReopen();
            }
        });
        consumerTags.add(tag);
    }

    /** Hands a kept delivery to the consumer again (after a local retry delay). */
    void resubmit(Delivery delivery) {
        try {
            workers.execute(() -> {
                try {
                    consumer.accept(delivery);
                } catch (RuntimeException e) {
                    LOG.error("consumer {} failed again on a message from {}", name, delivery.queue(), e);
                    delivery.retryLater(Duration.ofSeconds(1));
                }
            });
        } catch (RejectedExecutionException e) {
            settled(); // stopping: the message stays unacknowledged and the broker delivers it again
        }
    }

    /** A delivery of this group was acknowledged, dead-lettered or given back. */
    void settled() {
        inFlight.decrementAndGet();
    }

    private void closed(ShutdownSignalException cause) {
        if (!running || cause.isInitiatedByApplication()) {
            return;
        }
        if (cause.isHardError()) {
            // The whole connection went; the client's automatic recovery restores this channel and its consumers.
            LOG.warn("consumer {}: connection lost ({}); waiting for recovery", name, cause.getMessage());
            return;
        }
        LOG.warn("consumer {}: the broker closed its channel ({}); reopening it", name, cause.getMessage());
        scheduleReopen();
    }

    private void scheduleReopen() {
        int attempt = reopenAttempts.incrementAndGet();
        long delay = REOPEN_BACKOFF.delayFor(attempt - 1).toMillis();
        scheduler.schedule(() -> {
            synchronized (ConsumerGroup.this) {
                if (!running || (channel != null && channel.isOpen())) {
                    return;
                }
                try {
                    open();
                    LOG.info("consumer {} consuming again", name);
                } catch (IOException | RuntimeException e) {
                    LOG.warn("consumer {}: cannot reopen its channel yet ({})", name, e.getMessage());
                    scheduleReopen();
                }
            }
        }, delay, TimeUnit.MILLISECONDS);
    }

    boolean isConsuming() {
        Channel current = channel;
        return running && current != null && current.isOpen();
    }

    void stop() {
        synchronized (this) {
            running = false;
        }
        Channel current = channel;
        if (current != null && current.isOpen()) {
            for (String tag : consumerTags) {
                try {
                    current.basicCancel(tag); // no new deliveries; unacked ones return to the queue on close
                } catch (IOException | RuntimeException ignored) {
                    // closing anyway
                }
            }
        }
        workers.shutdown();
        try {
            if (!workers.awaitTermination(10, TimeUnit.SECONDS)) {
                workers.shutdownNow();
            }
            // Consumers hand work on (a group commit); give their acknowledgements a moment to arrive.
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (inFlight.get() > 0 && System.nanoTime() < deadline && Sleeper.sleep(Duration.ofMillis(10))) {
                // waiting for the last acknowledgements
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (current != null && current.isOpen()) {
            try {
                current.close();
            } catch (IOException | TimeoutException | RuntimeException ignored) {
                // the connection is going away
            }
        }
    }
}
