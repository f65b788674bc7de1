package io.caseflow.message;

import io.caseflow.definition.CaseKey;
import io.caseflow.installation.Installation;
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

    /** The message that hands a process on to {@code due}'s stage, on its case's inner queue, available at {@code at}. */
    public static OutboxMessage stageDue(Installation installation, CaseKey caseKey, StageDue due, Instant at) {
        return new OutboxMessage(installation.innerQ(caseKey), due.processId(), Kind.STAGE_DUE, Messages.write(due), at);
    }

    public boolean isTimer() {
        return kind == Kind.REPLY_TIMEOUT;
    }
}
