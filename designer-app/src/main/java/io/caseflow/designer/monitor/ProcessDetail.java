package io.caseflow.designer.monitor;

import io.caseflow.process.ProcessSnapshot;
import io.caseflow.process.StageRun;
import java.util.List;

/** A process and its stage runs, read together for the detail view. */
public record ProcessDetail(ProcessSnapshot process, List<StageRun> history) {
    public ProcessDetail {
        history = List.copyOf(history);
    }
}
