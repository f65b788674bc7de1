package io.caseflow.commit;

import io.caseflow.message.OutboxMessage;
import io.caseflow.process.ProcessSnapshot;
import io.caseflow.process.ProcessStatus;
import java.util.List;

/**
 * One transition of one process, as the decision step describes it and the store applies it: in one
 * transaction and only if the process is still at {@code expectedStep} (the fence), write the new
 * state, the stage-run history and the outgoing messages; optionally drop the process's pending
 * timers.
 *
 * <p>What a transition writes stays small whatever the process carries: stage results are written once,
 * with their stage run, and the free data only when {@code writesData} (the stage changed it). That data is
 * encoded ({@code dataJson}, UTF-8) where the commit is made, not on the one thread that commits for all.
 *
 * <p>{@code movesStatus} is false only for a commit known to leave the process's status, and a settled process's stage,
 * as they were (see {@link #from}): the store then leaves the process's status row alone without looking at it.
 */
public record Commit(ProcessSnapshot next,
                     long expectedStep,
                     List<StageRunWrite> runWrites,
                     List<OutboxMessage> messages,
                     boolean cancelTimers,
                     boolean writesData,
                     byte[] dataJson,
                     boolean movesStatus) {

    /** A commit that writes the free data as it is in {@code next} if {@code writesData}. */
    public Commit(ProcessSnapshot next, long expectedStep, List<StageRunWrite> runWrites, List<OutboxMessage> messages,
                  boolean cancelTimers, boolean writesData) {
        this(next, expectedStep, runWrites, messages, cancelTimers, writesData, writesData ? next.data().toJson() : null, true);
    }

    /** A commit that writes the free data as it is in {@code next}. */
    public Commit(ProcessSnapshot next, long expectedStep, List<StageRunWrite> runWrites, List<OutboxMessage> messages,
                  boolean cancelTimers) {
        this(next, expectedStep, runWrites, messages, cancelTimers, true);
    }

    public Commit {
        runWrites = List.copyOf(runWrites);
        messages = List.copyOf(messages);
        if (next.step() != expectedStep + 1) {
            throw new IllegalArgumentException("a commit advances the step by exactly one");
        }
        if (writesData != (dataJson != null)) {
            throw new IllegalArgumentException("a commit that writes the data carries it encoded, and only then");
        }
    }

    /** The same commit, knowing the state it moves from: whether the status, or the stage a process settled at, changes. */
    public Commit from(ProcessSnapshot previous) {
        boolean moves = previous.status() != next.status()
                || next.status() != ProcessStatus.RUNNING && !previous.currentStage().equals(next.currentStage());
        return new Commit(next, expectedStep, runWrites, messages, cancelTimers, writesData, dataJson, moves);
    }

    public String processId() {
        return next.id();
    }
}
