package io.caseflow.commit;

import io.caseflow.json.Json;
import io.caseflow.message.OutboxMessage;
import io.caseflow.process.ProcessSnapshot;
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
 */
public record Commit(ProcessSnapshot next,
                     long expectedStep,
                     List<StageRunWrite> runWrites,
                     List<OutboxMessage> messages,
                     boolean cancelTimers,
                     boolean writesData,
                     byte[] dataJson) {

    /** A commit that writes the free data as it is in {@code next} if {@code writesData}. */
    public Commit(ProcessSnapshot next, long expectedStep, List<StageRunWrite> runWrites, List<OutboxMessage> messages,
                  boolean cancelTimers, boolean writesData) {
        this(next, expectedStep, runWrites, messages, cancelTimers, writesData, writesData ? Json.writeBytes(next.data()) : null);
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

    public String processId() {
        return next.id();
    }
}
