package io.caseflow.transport.rabbitmq;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ShutdownSignalException;
import io.caseflow.concurrent.DaemonThreads;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentNavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes persistent messages on one channel in confirm mode, from one thread, with up to
 * {@code window} confirms outstanding (never one by one: that is ten times slower). Every message is
 * published with {@code mandatory}: a message the broker cannot route is returned, and its future
 * fails instead of counting as confirmed. When the channel or connection goes away, every unconfirmed
 * message fails, so its owner publishes it again.
 *
 * <p>Thread-safe: {@link #publish} may be called from any thread; futures complete on the client's
 * connection thread, so callbacks must be quick.
 */
final class ConfirmingPublisher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ConfirmingPublisher.class);

    private final Supplier<Connection> connection;
    private final RabbitTopology topology;
    private final Duration confirmTimeout;
    private final Semaphore window;
    private final LinkedBlockingQueue<Request> queue = new LinkedBlockingQueue<>();
    private final ConcurrentNavigableMap<Long, Request> unconfirmed = new ConcurrentSkipListMap<>();
    private final Map<String, Request> byMessageId = new ConcurrentHashMap<>();
    private final Thread thread;
    private volatile boolean running = true;
    private volatile Channel channel;

    ConfirmingPublisher(Supplier<Connection> connection, RabbitTopology topology, int window, Duration confirmTimeout) {
        this.connection = connection;
        this.topology = topology;
        this.confirmTimeout = confirmTimeout;
        this.window = new Semaphore(window);
        this.thread = DaemonThreads.start("caseflow-publisher", this::loop);
    }

    /** A message to publish: to a work queue (see {@link #toQueue}) or to another exchange. */
    record Message(String exchange, String routingKey, String body, Instant timestamp, Map<String, Object> headers,
                   boolean ensureQueue) {
    }

    /** A message to a work queue, through the installation's exchange; the queue is declared first if needed. */
    Message toQueue(String queue, String body, Instant timestamp) {
        return new Message(topology.exchange(), queue, body, timestamp, Map.of(), true);
    }

    RabbitTopology topology() {
        return topology;
    }

    /** Completes once the broker has confirmed the message; fails if it was returned, nacked or lost. */
    CompletableFuture<Void> publish(Message message) {
        Request request = new Request(message, new CompletableFuture<>(), UUID.randomUUID().toString());
        if (!running) {
            request.result.completeExceptionally(new IllegalStateException("the publisher is closed"));
            return request.result;
        }
        queue.add(request);
        return request.result;
    }

    private void loop() {
        while (running) {
            Request request;
            try {
                request = queue.poll(200, TimeUnit.MILLISECONDS);
                if (request == null) {
                    expireOverdue();
                    continue;
                }
                window.acquire();
            } catch (InterruptedException e) {
                return;
            }
            try {
                send(request);
            } catch (IOException | RuntimeException e) {
                window.release();
                request.result.completeExceptionally(new IOException("cannot publish to " + request.message.routingKey()
                        + ": " + e.getMessage(), e));
                closeChannelQuietly();
            }
        }
    }

    private void send(Request request) throws IOException {
        Channel current = openChannel();
        Message message = request.message;
        if (message.ensureQueue()) {
            topology.ensureQueue(current, message.routingKey());
        }
        AMQP.BasicProperties properties = new AMQP.BasicProperties.Builder()
                .deliveryMode(2)
                .contentType("application/json")
                .contentEncoding("utf-8")
                .messageId(request.messageId)
                .timestamp(Date.from(message.timestamp()))
                .headers(message.headers().isEmpty() ? null : message.headers())
                .build();
        long sequence = current.getNextPublishSeqNo();
        request.sentAt = System.nanoTime();
        unconfirmed.put(sequence, request);
        byMessageId.put(request.messageId, request);
        current.basicPublish(message.exchange(), message.routingKey(), true, properties,
                message.body().getBytes(StandardCharsets.UTF_8));
    }

    private Channel openChannel() throws IOException {
        Channel current = channel;
        if (current != null && current.isOpen()) {
            return current;
        }
        Channel fresh = Channels.open(connection);
        fresh.confirmSelect();
        fresh.addConfirmListener((sequence, multiple) -> settle(sequence, multiple, null),
                (sequence, multiple) -> settle(sequence, multiple, "the broker refused the message (nack)"));
        fresh.addReturnListener(returned -> {
            Request request = byMessageId.get(returned.getProperties().getMessageId());
            if (request != null) {
                request.returned = "unroutable: " + returned.getReplyText() + " (exchange '" + returned.getExchange()
                        + "', routing key '" + returned.getRoutingKey() + "')";
            }
        });
        fresh.addShutdownListener(this::channelClosed);
        topology.forget();
        channel = fresh;
        return fresh;
    }

    private void settle(long sequence, boolean multiple, String nackReason) {
        ConcurrentNavigableMap<Long, Request> done = multiple ? unconfirmed.headMap(sequence, true)
                : unconfirmed.subMap(sequence, true, sequence, true);
        for (Map.Entry<Long, Request> entry : done.entrySet()) {
            Request request = entry.getValue();
            if (unconfirmed.remove(entry.getKey(), request)) {
                finish(request, nackReason != null ? nackReason : request.returned);
            }
        }
    }

    private void finish(Request request, String failure) {
        byMessageId.remove(request.messageId);
        window.release();
        if (failure == null) {
            request.result.complete(null);
        } else {
            request.result.completeExceptionally(new IOException(failure));
        }
    }

    private void channelClosed(ShutdownSignalException cause) {
        if (running) {
            LOG.warn("publisher channel closed ({}); {} unconfirmed message(s) will be published again", cause.getMessage(),
                    unconfirmed.size());
        }
        failAllUnconfirmed("the channel closed before the broker confirmed: " + cause.getMessage());
    }

    private void failAllUnconfirmed(String why) {
        for (Long sequence : unconfirmed.keySet()) {
            Request request = unconfirmed.remove(sequence);
            if (request != null) {
                finish(request, why);
            }
        }
    }

    /** A confirm that never comes (e.g. the connection hangs) must not hold a message forever. */
    private void expireOverdue() {
        long limit = System.nanoTime() - confirmTimeout.toNanos();
        for (Map.Entry<Long, Request> entry : unconfirmed.entrySet()) {
            if (entry.getValue().sentAt < limit && unconfirmed.remove(entry.getKey(), entry.getValue())) {
                finish(entry.getValue(), "no confirm from the broker within " + confirmTimeout);
            }
        }
    }

    private void closeChannelQuietly() {
        Channel current = channel;
        channel = null;
        Channels.closeQuietly(current);
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
        try {
            thread.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!unconfirmed.isEmpty() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        closeChannelQuietly();
        failAllUnconfirmed("the publisher closed");
        Request request;
        while ((request = queue.poll()) != null) {
            request.result.completeExceptionally(new IllegalStateException("the publisher closed"));
        }
    }

    private static final class Request {
        final Message message;
        final CompletableFuture<Void> result;
        final String messageId;
        volatile String returned;
        volatile long sentAt;

        Request(Message message, CompletableFuture<Void> result, String messageId) {
            this.message = message;
            this.result = result;
            this.messageId = messageId;
        }
    }
}
