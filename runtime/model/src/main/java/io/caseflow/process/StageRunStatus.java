package io.caseflow.process;

/** How one attempt of a stage ended (or that it still waits for a service). */
public enum StageRunStatus {
    COMPLETED,
    WAITING,
    FAILED,
    TIMED_OUT,
    CANCELLED
}
