package io.caseflow.job;

/** Where a bulk job is: running (or waiting for a node to run it), cancelled, or done with every item. */
public enum JobState {
    RUNNING,
    CANCELLED,
    DONE;

    public boolean isTerminal() {
        return this != RUNNING;
    }
}
