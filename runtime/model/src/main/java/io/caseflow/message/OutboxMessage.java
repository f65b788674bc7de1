package io.caseflow.message;

import java.time.Instant;

/**
 * A message written in the same transaction as the transition that sends it, and handed to the
 * transport only after that transaction commits. A future {@code availableAt} makes it a timer
 * (retry backoff, reply deadline).
 */
public record OutboxMessage(String destination, String processId, Kind kind, String body, Instant availableAt) {

    public enum Kind {
        STAGE_DUE,
        REPLY_TIMEOUT,
        SERVICE_REQUEST,
        SERVICE_REPLY
    }

    public boolean isTimer() {
        return kind == Kind.REPLY_TIMEOUT;
    }
}
