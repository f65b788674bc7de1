package io.caseflow.commit;

import io.caseflow.message.OutboxMessage;
import io.caseflow.process.ProcessSnapshot;

/** A process to create, with the message that runs its first stage. */
public record NewProcess(ProcessSnapshot process, OutboxMessage first) {
}
