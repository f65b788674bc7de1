package io.caseflow.process;

import io.caseflow.process.ProcessSnapshot;

/** A started process, and whether this call created it (false: an earlier call with the same idempotency key did). */
public record StartResult(ProcessSnapshot process, boolean created) {
}
