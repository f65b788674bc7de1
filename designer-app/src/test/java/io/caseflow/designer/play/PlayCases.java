package io.caseflow.designer.play;

import io.caseflow.definition.CaseDefinition;
import io.caseflow.definition.Layout;
import io.caseflow.definition.RetryPolicy;
import io.caseflow.definition.StageDefinition;
import java.time.Duration;

/** Small drawn cases the Play tests run. */
final class PlayCases {
    private PlayCases() {
    }

    /**
     * review (task: approve | reject) → approve → charge (service payments.charge: ok | declined) →
     * shipped; reject → rejected; declined → declined. The service stage tries twice, 50 ms apart,
     * so a simulated error fails a process quickly. No stage has a handler that exists anywhere.
     */
    static CaseDefinition approval() {
        return CaseDefinition.builder("approval", "v1")
                .stage(StageDefinition.task("review", "approval.review").withLayout(new Layout(40, 160)))
                .stage(StageDefinition.service("charge", "approval.charge", "payments", "charge")
                        .withRetry(RetryPolicy.attempts(2, Duration.ofMillis(50))).withLayout(new Layout(300, 80)))
                .stage(StageDefinition.end("shipped").withLayout(new Layout(560, 40)))
                .stage(StageDefinition.end("declined").withLayout(new Layout(560, 140)))
                .stage(StageDefinition.end("rejected").withLayout(new Layout(300, 260)))
                .transition("review", "charge", "approve")
                .transition("review", "rejected", "reject")
                .transition("charge", "shipped", "ok")
                .transition("charge", "declined", "declined")
                .build();
    }
}
