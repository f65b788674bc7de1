package io.caseflow.commit;

import io.caseflow.message.OutboxMessage;
import io.caseflow.process.ProcessSnapshot;

/**
 * A process to create, with the message that runs its first stage. Its input and data are encoded (UTF-8 JSON)
 * where the start is made, not on the one thread that commits for all (the process keeps them as that text), and so
 * is {@code inputChecksum}: the input's
 * fingerprint ({@link InputChecksum}) when the start has an idempotency key, the only case in which it is ever
 * compared, and empty otherwise.
 */
public record NewProcess(ProcessSnapshot process, OutboxMessage first, byte[] inputJson, byte[] dataJson, String inputChecksum) {

    public NewProcess(ProcessSnapshot process, OutboxMessage first) {
        this(process, first, process.input().bytes(), process.data().toJson(),
                process.idempotencyKey() == null ? "" : InputChecksum.of(process.input().tree()));
    }

    public NewProcess {
        if (inputChecksum == null || (process.idempotencyKey() != null && inputChecksum.isEmpty())) {
            throw new IllegalArgumentException("a start with an idempotency key carries its input's checksum");
        }
    }
}
