package io.caseflow.engine;

import io.caseflow.handler.StageOutcome;
import io.caseflow.json.JsonFields;
import io.caseflow.process.FailureKind;
import java.time.Instant;

/**
 * How one run of a handler ended: with an outcome and the data it left, or with a failure it did not
 * choose (it threw, or ran past its timeout).
 */
public record HandlerResult(Instant startedAt, Instant endedAt, StageOutcome outcome, JsonFields data,
                            FailureKind failureKind, String failureMessage, String stackTrace) {

    public static HandlerResult finished(Instant startedAt, Instant endedAt, StageOutcome outcome, JsonFields data) {
        return new HandlerResult(startedAt, endedAt, outcome, data, null, null, null);
    }

    public static HandlerResult failed(Instant startedAt, Instant endedAt, FailureKind kind, String message, String stackTrace) {
        return new HandlerResult(startedAt, endedAt, null, null, kind, message, stackTrace);
    }

    public boolean hasOutcome() {
        return outcome != null;
    }
}
