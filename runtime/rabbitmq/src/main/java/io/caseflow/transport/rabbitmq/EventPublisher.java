package io.caseflow.transport.rabbitmq;

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
import java.util.List;
import java.util.Locale;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes every committed transition as a monitor event: routing key {@code <case>.<api>.<status>},
 * and {@code seq} = the process's step, which grows by exactly one per transition, so a monitor that
 * sees a gap knows it missed something and re-reads the process.
 *
 * <p>Events are fire-and-forget, so they cost the committer nothing and the stage messages little: the
 * committer only queues them; one thread of their own encodes and publishes them on a channel of their
 * own, transient, without confirms and outside the stage messages' confirm window. Order per process
 * holds: one thread, one channel. When the broker is away or slower than the engine, events past
 * {@link #MAX_QUEUED} are dropped and counted ({@code caseflow.events.dropped}): losing one costs a
 * monitor a re-read, never a wrong state, and an engine must never wait for its monitors.
 */
final class EventPublisher implements ProcessEventListener, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EventPublisher.class);
    /** Events waiting to be published, at most; about 300 bytes each. */
    static final int MAX_QUEUED = 100_000;
    private static final AMQP.BasicProperties TRANSIENT_JSON = new AMQP.BasicProperties.Builder()
            .contentType("application/json").contentEncoding("utf-8").deliveryMode(1).build();

    private final Supplier<Connection> connection;
    private final String exchange;
    private final LinkedBlockingQueue<List<ProcessEvent>> pending = new LinkedBlockingQueue<>();
    private final AtomicInteger queued = new AtomicInteger();
    private final Counter published;
    private final Counter dropped;
    private volatile boolean running;
    private volatile boolean dropping;
    private Thread thread;
    private Channel channel;

    EventPublisher(Supplier<Connection> connection, String exchange, MeterRegistry meters) {
        this.connection = connection;
        this.exchange = exchange;
        this.published = Counter.builder("caseflow.events.published").register(meters);
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
            List<ProcessEvent> batch;
            try {
                batch = pending.poll(200, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                break;
            }
            if (batch != null) {
                publish(batch);
            }
        }
        List<ProcessEvent> left; // what the engine committed before it stopped still reaches the monitors
        while ((left = pending.poll()) != null) {
            publish(left);
        }
    }

    private void publish(List<ProcessEvent> batch) {
        queued.addAndGet(-batch.size());
        int sent = 0;
        try {
            Channel current = openChannel();
            for (ProcessEvent event : batch) {
                current.basicPublish(exchange, routingKey(event), false, TRANSIENT_JSON, Json.writeBytes(event.toJson()));
                sent++;
            }
            published.increment(sent);
            dropping = false;
        } catch (IOException | RuntimeException e) {
            published.increment(sent);
            drop(batch.size() - sent, e.getMessage());
            closeChannel();
        }
    }

    static String routingKey(ProcessEvent event) {
        return event.caseKey().name() + "." + event.caseKey().api() + "." + event.status().name().toLowerCase(Locale.ROOT);
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
