package io.caseflow.commit;

import com.fasterxml.jackson.databind.JsonNode;
import io.caseflow.process.StageRun;
import io.caseflow.process.StageRunStatus;
import java.time.Instant;

/** A change to the stage-run history, committed with its transition. */
public sealed interface StageRunWrite {

    /** A new attempt's row. */
    record Insert(StageRun run) implements StageRunWrite {
    }

    /** Ends the waiting row begun at {@code step} (a service stage's reply, timeout or cancel). */
    record Finish(String processId, long step, StageRunStatus status, Instant endedAt, String outcome, JsonNode output,
                  String error, String errorTrace) implements StageRunWrite {
    }
}
