package io.caseflow.store;

import io.caseflow.commit.ClaimPolicy;
import io.caseflow.commit.CommitResult;
import io.caseflow.commit.WriteBatch;
import io.caseflow.process.ProcessSnapshot;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the engine needs of the process store: read a process, and apply a batch of transitions and
 * starts atomically, each transition only if its process is still at the expected step (the fence).
 */
public interface ProcessStore {

    Optional<ProcessSnapshot> find(String processId);

    /**
     * The process, for a message that expects it at {@code step}: like {@link #find}, except that a store which is the
     * only writer of its database may answer from what it committed last, without a read, when that was this step.
     */
    default Optional<ProcessSnapshot> findAt(String processId, long step) {
        return find(processId);
    }

    /** Several processes at once, in one round trip; missing ids are simply absent. */
    Map<String, ProcessSnapshot> findAll(List<String> processIds);

    /**
     * Creates processes and applies transitions in one transaction. A transition whose process is no
     * longer at its expected step is skipped (a duplicate) and reported as not applied. Outbox rows the
     * policy claims are written claimed by that owner.
     */
    CommitResult commit(WriteBatch batch, ClaimPolicy claims);
}
