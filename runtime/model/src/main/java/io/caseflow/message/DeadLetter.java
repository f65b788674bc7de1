package io.caseflow.message;

import java.time.Instant;

/**
 * A message that could not be handled, kept with the reason. {@code state} says whether it is still
 * {@code DEAD}, or was {@code REPLAYED} (a copy went back to {@code sourceQueue}) or {@code DISCARDED},
 * and {@code settledAt} when.
 */
public record DeadLetter(long id, String sourceQueue, String reason, String detail, String body, String processId,
                         Instant deadAt, String state, Instant settledAt) {

    public static final String DEAD = "DEAD";
    public static final String REPLAYED = "REPLAYED";
    public static final String DISCARDED = "DISCARDED";

    /** A dead letter nobody has settled yet. */
    public DeadLetter(long id, String sourceQueue, String reason, String detail, String body, String processId, Instant deadAt) {
        this(id, sourceQueue, reason, detail, body, processId, deadAt, DEAD, null);
    }

    public DeadLetter {
        state = state == null ? DEAD : state;
    }

    /** Whether it still waits for someone to replay or discard it. */
    public boolean isDead() {
        return DEAD.equals(state);
    }
}
