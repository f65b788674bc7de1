package io.caseflow.worker;

/** What a registered worker is doing, as judged from its record at one instant. */
public enum WorkerStatus {
    /** Its last heartbeat is within its window ({@link WorkerRecord#MISSED_HEARTBEATS_UNTIL_GONE} heartbeats). */
    ALIVE,
    /** It missed its heartbeats without stopping: killed, frozen, or cut off from the store. */
    GONE,
    /** It stopped cleanly. */
    STOPPED;

    public boolean isAlive() {
        return this == ALIVE;
    }
}
