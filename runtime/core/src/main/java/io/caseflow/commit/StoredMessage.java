package io.caseflow.commit;

import io.caseflow.message.OutboxMessage;
import java.time.Instant;

/** An outbox row: a message committed and not yet acknowledged (or relayed). */
public record StoredMessage(long id, String destination, OutboxMessage.Kind kind, String processId, String body,
                            Instant availableAt, int deliveries) {
}
