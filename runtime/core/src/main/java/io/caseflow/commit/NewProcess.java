package io.caseflow.commit;

import io.caseflow.json.Json;
import io.caseflow.message.OutboxMessage;
import io.caseflow.process.ProcessSnapshot;

/**
 * A process to create, with the message that runs its first stage. Its input and data are encoded (UTF-8 JSON)
 * where the start is made, not on the one thread that commits for all.
 */
public record NewProcess(ProcessSnapshot process, OutboxMessage first, byte[] inputJson, byte[] dataJson) {

    public NewProcess(ProcessSnapshot process, OutboxMessage first) {
        this(process, first, Json.writeBytes(process.input()), Json.writeBytes(process.data()));
    }
}
