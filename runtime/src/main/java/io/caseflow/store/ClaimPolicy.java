package io.caseflow.store;

import io.caseflow.message.OutboxMessage;

/**
 * Decides which freshly committed outbox rows the committing node takes at once (written already
 * claimed, then handed over in memory after the commit) instead of leaving them for a poller.
 */
@FunctionalInterface
public interface ClaimPolicy {
    ClaimPolicy NONE = message -> null;

    /** The owner to write into {@code claimed_by}, or null to leave the row unclaimed. */
    String ownerFor(OutboxMessage message);
}
