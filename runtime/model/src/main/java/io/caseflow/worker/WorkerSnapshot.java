package io.caseflow.worker;

import java.time.Duration;
import java.time.Instant;

/**
 * A worker's record as one reader judged it at {@code checkedAt} (the server's clock, for API clients),
 * so "last seen 4 s ago" needs no agreement between the reader's and the client's clocks.
 */
public record WorkerSnapshot(WorkerRecord worker, WorkerStatus status, Instant checkedAt) {

    /** The record judged at {@code now}. */
    public static WorkerSnapshot at(WorkerRecord worker, Instant now) {
        return new WorkerSnapshot(worker, worker.statusAt(now), now);
    }

    public boolean alive() {
        return status.isAlive();
    }

    /** How long before {@code checkedAt} the worker's last heartbeat was (never negative). */
    public Duration lastSeenAgo() {
        Duration ago = Duration.between(worker.lastSeenAt(), checkedAt);
        return ago.isNegative() ? Duration.ZERO : ago;
    }
}
