package io.caseflow.commit;

import com.fasterxml.jackson.databind.JsonNode;
import io.caseflow.json.Json;
import io.caseflow.process.StageRun;
import io.caseflow.process.StageRunStatus;
import java.time.Instant;

/**
 * A change to the stage-run history, committed with its transition. A stage's output is encoded as JSON
 * ({@code outputJson}, UTF-8) where the write is made, on the thread that ran the stage: the one thread that
 * commits for every worker then only copies bytes.
 */
public sealed interface StageRunWrite {

    /** A new attempt's row. */
    record Insert(StageRun run, byte[] outputJson) implements StageRunWrite {
        public Insert(StageRun run) {
            this(run, encode(run.output()));
        }
    }

    /**
     * Ends the waiting row begun at {@code step} (a service stage's reply, timeout or cancel), recording it under
     * {@code stage}, the name the process's case version gives the stage it waits at (a migration may have renamed
     * it since the row began), so its output is that stage's result both in memory and when read back;
     * {@code outputJson} is the reply's payload (UTF-8 JSON), or null.
     */
    record Finish(String processId, long step, String stage, StageRunStatus status, Instant endedAt, String outcome,
                  byte[] outputJson, String error, String errorTrace) implements StageRunWrite {
    }

    private static byte[] encode(JsonNode output) {
        return output == null ? null : Json.writeBytes(output);
    }
}
