package io.caseflow.commit;

import io.caseflow.message.OutboxMessage;
import java.time.Duration;
import java.util.function.Function;

/**
 * Decides which freshly committed outbox rows the committing node takes at once (written already
 * claimed, then handed over in memory after the commit) instead of leaving them for a poller.
 */
@FunctionalInterface
public interface ClaimPolicy {
    ClaimPolicy NONE = message -> null;
    Duration DEFAULT_LEASE = Duration.ofMinutes(5);

    /** The owner to write into {@code claimed_by}, or null to leave the row unclaimed. */
    String ownerFor(OutboxMessage message);

    /**
     * Whether a claimed, due-now message needs no row at all because the process row committed with it implies it: the
     * embedded transport says so for a stage-due message (process, step and stage are the row's), and on restart writes
     * one for every running process that has none ({@code OutboxStore.restoreImpliedStageDues}). A node that shares its
     * database must keep rows: nothing could bring back a message its crash lost.
     */
    default boolean impliedByProcessRow(OutboxMessage message) {
        return false;
    }

    /** How long the owner holds a row; after that any node may take it (the owner died). */
    default Duration lease() {
        return DEFAULT_LEASE;
    }

    static ClaimPolicy of(Function<OutboxMessage, String> owner, Duration lease) {
        return new ClaimPolicy() {
            @Override
            public String ownerFor(OutboxMessage message) {
                return owner.apply(message);
            }

            @Override
            public Duration lease() {
                return lease;
            }
        };
    }
}
