package io.caseflow.commit;

import io.caseflow.process.IdempotencyConflictException;
import io.caseflow.process.ProcessSnapshot;

/**
 * What became of a {@link NewProcess}: created now, or an existing process with the same
 * idempotency key and input ({@code created} false), or refused because that key was used with
 * another input ({@code conflict} set).
 */
public record StartOutcome(ProcessSnapshot process, boolean created, IdempotencyConflictException conflict) {
}
