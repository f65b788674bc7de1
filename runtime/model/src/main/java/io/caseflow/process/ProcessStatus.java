package io.caseflow.process;

/** Where a process stands. */
public enum ProcessStatus {
    /** A stage is due or running. */
    RUNNING,
    /** A service stage sent its request and waits for the reply. */
    WAITING,
    /** Reached an end stage, or a handler completed it. */
    COMPLETED,
    /** A stage failed with no attempts left; retry resumes at that stage. */
    FAILED,
    /** Stopped on request; nothing more runs. */
    CANCELLED;

    public boolean isTerminal() {
        return this == COMPLETED || this == FAILED || this == CANCELLED;
    }

    /** Ended for good (COMPLETED or CANCELLED): nothing changes it again, and retention deletes it after its period. FAILED is not: it waits for an operator. */
    public boolean isFinished() {
        return this == COMPLETED || this == CANCELLED;
    }

    public boolean isRetriable() {
        return this == FAILED;
    }

    public boolean isCancellable() {
        return !isTerminal() || this == FAILED;
    }
}
