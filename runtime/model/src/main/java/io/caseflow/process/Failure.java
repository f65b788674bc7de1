package io.caseflow.process;

import java.time.Instant;

/** A failed attempt: which stage, why, the message a person reads and the stack trace when there is one. */
public record Failure(String stage, FailureKind kind, String message, String stackTrace, Instant at) {
}
