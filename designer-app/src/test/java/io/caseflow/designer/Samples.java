package io.caseflow.designer;

import io.caseflow.definition.CaseDefinition;
import io.caseflow.definition.Layout;
import io.caseflow.definition.StageDefinition;

/** Small cases for tests. */
public final class Samples {
    private Samples() {
    }

    /** start(task) → call(service) → done(end), laid out left to right, 220 apart. */
    public static CaseDefinition tiny() {
        return CaseDefinition.builder("tiny", "v1")
                .stage(StageDefinition.task("start", "h.start").withLayout(new Layout(40, 100)))
                .stage(StageDefinition.service("call", "h.call", "warehouse", "reserve").withLayout(new Layout(260, 100)))
                .stage(StageDefinition.end("done").withLayout(new Layout(480, 100)))
                .transition("start", "call")
                .transition("call", "done", "ok")
                .build();
    }
}
