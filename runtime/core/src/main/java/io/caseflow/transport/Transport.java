package io.caseflow.transport;

import io.caseflow.installation.Installation;
import io.caseflow.message.OutboxMessage;
import io.caseflow.commit.ClaimPolicy;
import io.caseflow.commit.StoredMessage;
import io.caseflow.process.ProcessEventListener;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Carries committed messages to consumers, at least once. The engine writes messages into the
 * outbox in its transactions; a transport makes them arrive: the embedded one consumes outbox rows
 * directly, the RabbitMQ one relays them to the broker.
 *
 * <p>Thread-safe. Consumers are called on the transport's threads, up to {@code concurrency} at once
 * per {@link #consume} call; they may block.
 */
public interface Transport extends AutoCloseable {

    /** The installation whose queues this transport carries: consumers name their queues after it. */
    Installation installation();

    /**
     * Delivers messages of these queues to {@code consumer}. Calling again with the same {@code name}
     * adds queues to that consumer (e.g. when a new case is deployed); allowed before and after start.
     */
    void consume(String name, Set<String> queues, int concurrency, Consumer<Delivery> consumer);

    /** Which freshly committed rows this node takes at once (see {@link ClaimPolicy}). */
    ClaimPolicy claimPolicy();

    /** Rows just committed claimed by this node: deliver or relay them now. Called after the commit. */
    void committed(List<StoredMessage> claimed);

    /** Sends a message that belongs to no process transition, e.g. a service's reply. */
    void publish(OutboxMessage message);

    /**
     * Sends {@code message} (a service's reply) and then settles {@code answered}, the delivery it answers. A transport
     * whose messages are rows of the engine's store does both in one durable write (see {@link Delivery#storedRowId()});
     * the default publishes, then acknowledges. If publishing throws, {@code answered} is left unsettled.
     */
    default void publishAnswering(OutboxMessage message, Delivery answered) {
        publish(message);
        answered.ack();
    }

    /**
     * Offers the engine's group commit for the transport's own durable writes (acknowledgements,
     * deleting relayed rows). Called before {@link #start()}; a transport may ignore it.
     */
    default void shareWriter(SharedWriter writer) {
    }

    /** A listener that publishes committed transitions as monitor events, if this transport has an events channel. */
    default Optional<ProcessEventListener> eventPublisher() {
        return Optional.empty();
    }

    /**
     * How many consumers take messages from {@code queue} right now, as far as this transport can see: on a
     * broker, across every node; a queue nobody declared has 0. Empty when it cannot tell (e.g. the broker is
     * unreachable). For monitoring; may block briefly. The default cannot tell.
     */
    default OptionalInt consumerCount(String queue) {
        return OptionalInt.empty();
    }

    /**
     * Whether a runtime on this transport is the only writer of its database. The embedded transport is: its
     * outbox is its queue, and it drops every claim at start. A broker's nodes share their database.
     */
    default boolean ownsDatabase() {
        return false;
    }

    /** Whether the transport is connected and working; for health checks. */
    default boolean isHealthy() {
        return true;
    }

    void start();

    /** Stops consuming, lets running consumers finish (briefly), and settles what it can. */
    @Override
    void close();
}
