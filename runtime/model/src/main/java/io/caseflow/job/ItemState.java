package io.caseflow.job;

/** The result of a bulk job for one process. */
public enum ItemState {
    /** Not acted on yet. */
    PENDING,
    /** The action was applied (retried, cancelled, migrated). */
    DONE,
    /** The process was no longer at the step the job selected it at: something (maybe this job, before a restart) moved it; left alone. */
    MOVED_ON,
    /** The action does not apply to the process as it is (e.g. retry of a process that is not FAILED); the message says why. */
    REFUSED,
    /** No such process. */
    NOT_FOUND,
    /** The action failed with an error; the message says which. */
    FAILED,
    /** The job was cancelled before it reached this process. */
    CANCELLED;

    public boolean isFinal() {
        return this != PENDING;
    }
}
