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

    void retryLater(Duration delay);

    /**
     * Gives up on the message, keeping it with the reason.
     *
     * @param reason a short stable code, e.g. {@code malformed}, {@code bad_task_id}
     * @param detail one sentence for a person
     */
    void deadLetter(String reason, String detail);
}
