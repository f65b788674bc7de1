package io.caseflow.commit;

import io.caseflow.message.OutboxMessage;
import java.time.Instant;

/**
 * An outbox row: a message committed and not yet acknowledged (or relayed). Its id is {@link #NO_ROW} when the process row
 * committed with it implies it ({@code ClaimPolicy.impliedByProcessRow}): handed over in memory, with nothing to delete.
 */
public record StoredMessage(long id, String destination, OutboxMessage.Kind kind, String processId, String body,
                            Instant availableAt, int deliveries) {
    public static final long NO_ROW = 0;
}
