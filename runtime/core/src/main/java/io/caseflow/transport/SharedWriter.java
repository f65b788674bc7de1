package io.caseflow.transport;

import io.caseflow.message.OutboxMessage;
import java.util.concurrent.CompletableFuture;

/**
 * The engine's group commit, offered to a transport whose queue lives in the same database (the
 * embedded one): acknowledgements and stand-alone messages then share the engine's transactions
 * instead of each paying for their own durable commit.
 */
public interface SharedWriter {

    /** Deletes the outbox row in the next group commit. Fire and forget: a lost acknowledgement only means a redelivery. */
    void acknowledge(long outboxId);

    /**
     * Writes the message in the next group commit; completes once it is durable. If the transport's
     * claim policy takes it, it is handed to {@link Transport#committed} like any new row.
     */
    default CompletableFuture<Void> append(OutboxMessage message) {
        return append(message, 0);
    }

    /** Like {@link #append(OutboxMessage)}, deleting the outbox row {@code consumedRowId} (when not 0) in the same transaction. */
    CompletableFuture<Void> append(OutboxMessage message, long consumedRowId);
}
