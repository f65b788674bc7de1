package io.caseflow.commit;

import io.caseflow.message.OutboxMessage;

/**
 * Decides which freshly committed outbox rows the committing node takes at once (written already
 * claimed, then handed over in memory after the commit) instead of leaving them for a poller.
 */
@FunctionalInterface
public interface ClaimPolicy {
    ClaimPolicy NONE = message -> null;
    java.time.Duration DEFAULT_LEASE = java.time.Duration.ofMinutes(5);

    /** The owner to write into {@code claimed_by}, or null to leave the row unclaimed. */
    String ownerFor(OutboxMessage message);

    /** How long the owner holds a row; after that any node may take it (the owner died). */
    default java.time.Duration lease() {
        return DEFAULT_LEASE;
    }

    static ClaimPolicy of(java.util.function.Function<OutboxMessage, String> owner, java.time.Duration lease) {
        return new ClaimPolicy() {
            @Override
            public String ownerFor(OutboxMessage message) {
                return owner.apply(message);
            }

            @Override
            public java.time.Duration lease() {
                return lease;
            }
        };
    }
}
