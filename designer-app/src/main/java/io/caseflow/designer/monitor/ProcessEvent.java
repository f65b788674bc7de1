package io.caseflow.designer.monitor;

import io.caseflow.definition.CaseKey;
import io.caseflow.process.ProcessSnapshot;
import io.caseflow.process.ProcessStatus;
import java.time.Instant;

/**
 * One committed transition of one process, as the monitor hears it. Field for field the message the
 * runtime publishes on its events exchange (so the remote source parses it as is), and what the
 * embedded source makes of {@code Commit.next()}: no process data, just where the process stands.
 *
 * @param seq the process's step: it grows by exactly one per transition, so {@code seq > last + 1}
 *            means the monitor missed something and must re-read the process
 */
public record ProcessEvent(String processId, CaseKey caseKey, int caseVersion, long seq, ProcessStatus status, String stage,
                           String previousStage, int attempt, Instant at, String failedStage, String error) {

    public static ProcessEvent of(ProcessSnapshot p) {
        return new ProcessEvent(p.id(), p.caseKey(), p.caseVersion(), p.step(), p.status(), p.currentStage(), p.previousStage(),
                p.attempt(), p.updatedAt(), p.failure() == null ? null : p.failure().stage(),
                p.failure() == null ? null : p.failure().message());
    }
}
