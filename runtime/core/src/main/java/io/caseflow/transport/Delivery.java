package io.caseflow.transport;

import java.time.Duration;
import java.time.Instant;

/**
 * One received message, to be settled exactly one way: {@link #ack()} once handled,
 * {@link #retryLater(Duration)} when it could not be handled now (the store is down), or
 * {@link #deadLetter(String, String)} when it can never be handled (malformed, forged, unknown).
 *
 * <p>May be settled from any thread.
 */
public interface Delivery {
    String queue();

    String body();

    /** When the message became due (its commit, or the end of its delay); for hop latency. */
    Instant dueAt();

    /** 1 on first delivery; more when the message was delivered before and not acknowledged. */
    int deliveryCount();

    void ack();

    /**
     * The outbox row this message is, when the transport keeps its messages in the engine's own store (the
     * embedded transport); 0 when it does not. The commit that handles the message may delete that row in its
     * own transaction: the hop is then settled by one durable write instead of two (the commit, then the
     * acknowledgement), and a crash between them can no longer bring the message back. Settle such a delivery
     * with {@link #ackedByCommit()}.
     */
    default long storedRowId() {
        return 0;
    }

    /** Settles a message whose row the handling commit deleted ({@link #storedRowId()}): nothing more is written. */
    default void ackedByCommit() {
        ack();
    }

    void retryLater(Duration delay);

    /**
     * Gives up on the message, keeping it with the reason.
     *
     * @param reason a short stable code, e.g. {@code malformed}, {@code bad_task_id}
     * @param detail one sentence for a person
     */
    void deadLetter(String reason, String detail);
}
