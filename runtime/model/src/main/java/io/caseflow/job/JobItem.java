package io.caseflow.job;

import java.time.Instant;

/**
 * One process a bulk job selected: the step it was at when selected (the job acts on it only at that step),
 * and the job's result for it.
 */
public record JobItem(String processId, long step, ItemState state, String message, Instant doneAt) {
}
