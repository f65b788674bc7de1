package io.caseflow.engine;

import java.util.List;

/**
 * Told about every committed transition, after the commit, on the committer thread: keep it quick and
 * hand heavy work elsewhere. The monitor and the event publisher listen here.
 */
@FunctionalInterface
public interface EngineListener {
    void committed(List<Commit> commits);

    /** Processes created in a group commit (their step is 0). */
    default void started(List<io.caseflow.process.ProcessSnapshot> processes) {
    }
}
