package io.caseflow.transport.rabbitmq;

import com.fasterxml.jackson.databind.JsonNode;
import com.rabbitmq.client.BuiltinExchangeType;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.DeliverCallback;
import com.rabbitmq.client.Recoverable;
import com.rabbitmq.client.RecoveryListener;
import io.caseflow.installation.Installation;
import io.caseflow.json.Json;
import io.caseflow.process.ProcessEvent;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A monitor's live feed: a queue of its own (exclusive, deleted when the monitor goes) bound to
 * one installation's events exchange ({@code <installation>.events}). After a lost connection the client recovers the queue and its
 * binding; events published meanwhile are gone, so the monitor is told ({@link State#RECOVERED}) and
 * re-reads. Callbacks run on the client's connection thread: hand events on quickly.
 *
 * <p>A monitor that reads slower than the runtime publishes must never fill the broker: its queue holds at most
 * {@link #QUEUE_BYTES} of events and drops the oldest beyond that, and at most {@link #PREFETCH} messages are on
 * their way to it unacknowledged. The monitor sees the loss as a gap in a process's {@code seq} and re-reads that
 * process. (One that stops altogether, a suspended JVM, misses its heartbeats: the broker closes its connection
 * and the queue goes with it, and the client recovers when it wakes.)
 *
 * <pre>{@code
 * EventSubscription events = EventSubscription.open("amqp://monitor:secret@rabbit:5672", Installation.DEFAULT, "businessCase1.v1.*",
 *         event -> buffer.add(event), state -> status.set(state));
 * }</pre>
 */
public final class EventSubscription implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EventSubscription.class);

    /** Where the feed stands. */
    public enum State { CONNECTED, RECONNECTING, RECOVERED, CLOSED }

    /** What a monitor's queue holds before the broker drops its oldest events (about 200,000 events). */
    static final long QUEUE_BYTES = 64L * 1024 * 1024;
    /** Messages (up to 300 events each) on their way to the monitor before it acknowledges them. */
    static final int PREFETCH = 100;

    private final Connection connection;
    private final String queue;

    private EventSubscription(Connection connection, String queue) {
        this.connection = connection;
        this.queue = queue;
    }

    /**
     * Subscribes to events whose routing key ({@code <case>.<api>.<status>}) matches {@code bindingKey}
     * ({@code #} for all) in {@code installation}. Fails at once, with a clear message, if the broker cannot be reached.
     */
    public static EventSubscription open(String brokerUri, Installation installation, String bindingKey, Consumer<ProcessEvent> onEvent,
                                         Consumer<State> onState) throws IOException {
        return open(brokerUri, installation, bindingKey, onEvent, onState, QUEUE_BYTES);
    }

    /** As above, with the queue bounded at {@code queueBytes} of event bodies. */
    static EventSubscription open(String brokerUri, Installation installation, String bindingKey, Consumer<ProcessEvent> onEvent,
                                  Consumer<State> onState, long queueBytes) throws IOException {
        ConnectionFactory factory = new ConnectionFactory();
        try {
            factory.setUri(brokerUri);
        } catch (Exception e) {
            throw new IOException("the broker URI is not valid: " + e.getMessage(), e);
        }
        factory.setAutomaticRecoveryEnabled(true);
        factory.setTopologyRecoveryEnabled(true);
        factory.setNetworkRecoveryInterval(2000);
        factory.setRequestedHeartbeat(10);
        Connection connection;
        try {
            connection = factory.newConnection("caseflow-monitor");
        } catch (TimeoutException e) {
            throw new IOException("RabbitMQ did not answer in time", e);
        }
        try {
            Channel channel = connection.createChannel();
            String events = RabbitTopology.events(installation);
            channel.exchangeDeclare(events, BuiltinExchangeType.TOPIC, true);
            // Server-named, exclusive, auto-delete: it goes when the monitor goes. Bounded: see the class comment.
            String queue = channel.queueDeclare("", false, true, true,
                    Map.of("x-max-length-bytes", queueBytes, "x-overflow", "drop-head")).getQueue();
            channel.queueBind(queue, events, bindingKey);
            channel.basicQos(PREFETCH);
            DeliverCallback deliver = (tag, message) -> {
                deliver(message.getBody(), message.getEnvelope().getRoutingKey(), onEvent);
                channel.basicAck(message.getEnvelope().getDeliveryTag(), false);
            };
            channel.basicConsume(queue, false, deliver, tag -> onState.accept(State.RECONNECTING));
            if (connection instanceof Recoverable recoverable) {
                recoverable.addRecoveryListener(new RecoveryListener() {
                    @Override
                    public void handleRecovery(Recoverable recovered) {
                        onState.accept(State.RECOVERED);
                    }

                    @Override
                    public void handleRecoveryStarted(Recoverable recovering) {
                        onState.accept(State.RECONNECTING);
                    }
                });
            }
            onState.accept(State.CONNECTED);
            return new EventSubscription(connection, queue);
        } catch (IOException | RuntimeException e) {
            connection.abort();
            throw e;
        }
    }

    /**
     * A message holds a JSON array of events (or one event object, as earlier builds published it): each
     * event that reads is handed on, in order; one that does not, or that {@code onEvent} fails on, is logged
     * and skipped, never the rest.
     */
    static void deliver(byte[] body, String routingKey, Consumer<ProcessEvent> onEvent) {
        JsonNode events;
        try {
            events = Json.MAPPER.readTree(body);
        } catch (IOException e) {
            LOG.warn("ignored a message under '{}' that is not JSON: {}", routingKey, e.getMessage());
            return;
        }
        if (events == null || !events.isArray() && !events.isObject()) {
            LOG.warn("ignored a message under '{}': its body is neither an array of events nor an event", routingKey);
            return;
        }
        int index = 0;
        for (JsonNode event : events.isArray() ? events : List.of(events)) {
            ProcessEvent read;
            try {
                read = ProcessEvent.fromJson(event);
            } catch (IllegalArgumentException e) {
                LOG.warn("ignored event {} of a message under '{}': {}", index++, routingKey, e.getMessage());
                continue;
            }
            try {
                onEvent.accept(read);
            } catch (RuntimeException e) {
                // Thrown out of the client's callback, it would close the channel and end the feed without a word.
                LOG.warn("the monitor failed on event {} of a message under '{}'; the feed goes on", index, routingKey, e);
            }
            index++;
        }
    }

    /** Messages waiting on the broker for this monitor (its queue is exclusive: only its own connection may ask). */
    long waitingOnBroker() throws IOException {
        Channel channel = connection.createChannel();
        try {
            return channel.queueDeclarePassive(queue).getMessageCount();
        } finally {
            try {
                channel.close();
            } catch (TimeoutException | RuntimeException ignored) {
                // only asked a question
            }
        }
    }

    public boolean isOpen() {
        return connection.isOpen();
    }

    @Override
    public void close() {
        try {
            connection.close(2000);
        } catch (IOException | RuntimeException e) {
            connection.abort();
        }
    }
}
