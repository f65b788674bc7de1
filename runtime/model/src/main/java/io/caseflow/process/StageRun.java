package io.caseflow.process;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * One attempt of one stage, as the history shows it.
 *
 * @param step    the process step at which the attempt began; unique per process, so a result is
 *                recorded at most once
 * @param outcome the transition outcome it took (or the service reply's outcome)
 * @param output  what it produced: the handler's result, or the service's reply payload
 */
public record StageRun(String processId,
                       long step,
                       String stage,
                       int attempt,
                       StageRunStatus status,
                       Instant startedAt,
                       Instant endedAt,
                       String outcome,
                       JsonNode output,
                       String taskId,
                       String error,
                       String errorTrace) {
}
