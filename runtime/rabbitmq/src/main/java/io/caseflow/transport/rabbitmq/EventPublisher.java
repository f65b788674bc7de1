package io.caseflow.transport.rabbitmq;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import io.caseflow.concurrent.DaemonThreads;
import io.caseflow.json.Json;
import io.caseflow.process.ProcessEvent;
import io.caseflow.process.ProcessEventListener;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes every committed transition as a monitor event: routing key {@code <case>.<api>.<status>},
 * and {@code seq} = the process's step, which grows by exactly one per transition, so a monitor that
 * sees a gap knows it missed something and re-reads the process. A message's body is a JSON array of
 * the events that share its routing key, in order per process ({@link EventMessages}): one event when
 * the engine is quiet, up to {@link #MAX_PER_MESSAGE} under load, where a message per event cost a
 * quarter of the throughput on RabbitMQ + H2.
 *
 * <p>Events are fire-and-forget, so they cost the committer nothing and the stage messages little: the
 * committer only queues them; one thread of their own encodes and publishes whatever is waiting, at
 * once, on a channel of their own, transient, without confirms and outside the stage messages' confirm
 * window. Order per process holds for what this node publishes: one thread, one channel (another
 * node's events for the same process may cross these on the way; monitors keep the highest
 * {@code seq}). When the broker is away or slower than the engine, events past {@link #MAX_QUEUED} are
 * dropped and counted ({@code caseflow.events.dropped}): losing one costs a monitor a re-read, never a
 * wrong state, and an engine must never wait for its monitors.
 */
final class EventPublisher implements ProcessEventListener, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EventPublisher.class);
    /** Events waiting to be published, at most; about 300 bytes each. */
    static final int MAX_QUEUED = 100_000;
    /** Events in one message, at most: about 100 KB of JSON, so no watcher ever receives a large message. */
    static final int MAX_PER_MESSAGE = 300;
    /** Events taken off the queue for one round of messages, at most. */
    private static final int MAX_PER_ROUND = 10 * MAX_PER_MESSAGE;
    private static final AMQP.BasicProperties TRANSIENT_JSON = new AMQP.BasicProperties.Builder()
            .contentType("application/json").contentEncoding("utf-8").deliveryMode(1).build();

    private final Supplier<Connection> connection;
    private final String exchange;
    private final LinkedBlockingQueue<List<ProcessEvent>> pending = new LinkedBlockingQueue<>();
    private final AtomicInteger queued = new AtomicInteger();
    private final Counter published;
    private final Counter messages;
    private final Counter dropped;
    private volatile boolean running;
    private volatile boolean dropping;
    private Thread thread;
    private Channel channel;

    EventPublisher(Supplier<Connection> connection, String exchange, MeterRegistry meters) {
        this.connection = connection;
        this.exchange = exchange;
        this.published = Counter.builder("caseflow.events.published").register(meters);
        this.messages = Counter.builder("caseflow.events.messages")
                .description("messages that carried the published events: fewer than the events while the engine is busy").register(meters);
        this.dropped = Counter.builder("caseflow.events.dropped")
                .description("monitor events not published: the broker was away or slower than the engine").register(meters);
    }

    /** Called on the committer thread: only queues. */
    @Override
    public void events(List<ProcessEvent> events) {
        if (queued.addAndGet(events.size()) > MAX_QUEUED) {
            queued.addAndGet(-events.size());
            drop(events.size(), "more than " + MAX_QUEUED + " events are waiting for the broker");
            return;
        }
        pending.add(events);
    }

    synchronized void start() {
        if (thread == null) {
            running = true;
            thread = DaemonThreads.start("caseflow-events", this::loop);
        }
    }

    private void loop() {
        while (running) {
            List<ProcessEvent> first;
            try {
                first = pending.poll(200, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                break;
            }
            if (first != null) {
                publish(withWhatWaits(first));
            }
        }
        List<ProcessEvent> left; // what the engine committed before it stopped still reaches the monitors
        while ((left = pending.poll()) != null) {
            publish(withWhatWaits(left));
        }
    }

    /** {@code first} and the events queued behind it, up to a round's worth: no waiting for more. */
    private List<ProcessEvent> withWhatWaits(List<ProcessEvent> first) {
        List<ProcessEvent> round = new ArrayList<>(first);
        List<ProcessEvent> next;
        while (round.size() < MAX_PER_ROUND && (next = pending.poll()) != null) {
            round.addAll(next);
        }
        return round;
    }

    private void publish(List<ProcessEvent> round) {
        queued.addAndGet(-round.size());
        int sent = 0;
        try {
            Channel current = openChannel();
            for (EventMessages.Message message : EventMessages.pack(round, MAX_PER_MESSAGE)) {
                ArrayNode body = Json.MAPPER.createArrayNode();
                message.events().forEach(event -> body.add(event.toJson()));
                current.basicPublish(exchange, message.routingKey(), false, TRANSIENT_JSON, Json.writeBytes(body));
                sent += message.events().size();
                messages.increment();
            }
            published.increment(sent);
            dropping = false;
        } catch (IOException | RuntimeException e) {
            published.increment(sent);
            drop(round.size() - sent, e.getMessage());
            closeChannel();
        }
    }

    private void drop(int count, String why) {
        dropped.increment(count);
        if (!dropping) {
            dropping = true; // once per outage, not once per event
            LOG.warn("monitor events are being dropped ({}); monitors will re-read the processes concerned", why);
        }
    }

    private Channel openChannel() throws IOException {
        if (channel != null && channel.isOpen()) {
            return channel;
        }
        channel = Channels.open(connection);
        return channel;
    }

    private void closeChannel() {
        Channels.closeQuietly(channel);
        channel = null;
    }

    /** Publishes what is queued, then stops; call before the connection closes. */
    @Override
    public synchronized void close() {
        running = false;
        if (thread != null) {
            try {
                thread.join(TimeUnit.SECONDS.toMillis(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            thread = null;
        }
        closeChannel();
    }
}
