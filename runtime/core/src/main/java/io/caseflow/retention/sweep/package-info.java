/**
 * Retention on the server: {@link io.caseflow.retention.sweep.RetentionStore} keeps the per-case periods and the
 * sweeper's record; {@link io.caseflow.retention.sweep.RetentionSweeper} deletes finished processes (COMPLETED and
 * CANCELLED, with their payload, stage runs, outbox rows, dead letters and idempotency keys) in small transactions,
 * one node at a time. What clients see of it is in the model's {@code io.caseflow.retention}.
 */
package io.caseflow.retention.sweep;
