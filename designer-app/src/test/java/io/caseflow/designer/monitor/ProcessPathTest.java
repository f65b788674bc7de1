package io.caseflow.designer.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import io.caseflow.definition.CaseDefinition;
import io.caseflow.designer.monitor.source.InMemoryMonitorSource;
import io.caseflow.process.ProcessSnapshot;
import io.caseflow.process.ProcessStatus;
import io.caseflow.process.StageRun;
import io.caseflow.process.StageRunStatus;
import io.caseflow.samples.BusinessCase1;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProcessPathTest {
    private final CaseDefinition d = BusinessCase1.definition();
    private final Instant t = Instant.parse("2025-01-01T10:00:00Z");

    private StageRun run(long step, String stage, int attempt, StageRunStatus status, String outcome) {
        return new StageRun("p", step, stage, attempt, status, t.plusSeconds(step), t.plusSeconds(step + 1), outcome, null, null, null, null);
    }

    private int index(String from, String to) {
        for (int i = 0; i < d.transitions().size(); i++) {
            if (d.transitions().get(i).from().equals(from) && d.transitions().get(i).to().equals(to)) {
                return i;
            }
        }
        throw new AssertionError(from + " -> " + to);
    }

    @Test
    void a_declined_order_takes_the_declined_branch_and_attempts_are_counted() {
        ProcessSnapshot p = InMemoryMonitorSource.snapshot("p", BusinessCase1.KEY, 1, ProcessStatus.RUNNING, "cancelOrder", 7, null, null, t);
        List<StageRun> runs = List.of(run(1, "validateOrder", 1, StageRunStatus.COMPLETED, "next"),
                run(2, "reserveStock", 1, StageRunStatus.FAILED, null),
                run(3, "reserveStock", 2, StageRunStatus.COMPLETED, "next"),
                run(5, "chargePayment", 1, StageRunStatus.COMPLETED, "declined"),
                run(6, "releaseStock", 1, StageRunStatus.COMPLETED, "next"));

        ProcessPath path = ProcessPath.of(d, p, runs);

        assertThat(path.stages()).containsExactly("validateOrder", "reserveStock", "chargePayment", "releaseStock", "cancelOrder");
        assertThat(path.attempts()).containsEntry("reserveStock", 2).containsEntry("chargePayment", 1);
        assertThat(path.transitions()).containsExactlyInAnyOrder(index("validateOrder", "reserveStock"),
                index("reserveStock", "chargePayment"), index("chargePayment", "releaseStock"), index("releaseStock", "cancelOrder"));
        assertThat(path.visited("createShipment")).isFalse();
        assertThat(path.order("chargePayment")).isEqualTo(3);
    }

    @Test
    void a_retry_from_an_earlier_stage_is_a_jump_not_a_transition() {
        ProcessSnapshot p = InMemoryMonitorSource.snapshot("p", BusinessCase1.KEY, 1, ProcessStatus.RUNNING, "reserveStock", 9, null, null, t);
        List<StageRun> runs = List.of(run(1, "validateOrder", 1, StageRunStatus.COMPLETED, "next"),
                run(2, "reserveStock", 1, StageRunStatus.COMPLETED, "next"),
                run(4, "chargePayment", 1, StageRunStatus.FAILED, null),
                run(6, "reserveStock", 1, StageRunStatus.WAITING, null));

        ProcessPath path = ProcessPath.of(d, p, runs);

        assertThat(path.transitions()).containsExactlyInAnyOrder(index("validateOrder", "reserveStock"), index("reserveStock", "chargePayment"));
        assertThat(path.current()).isEqualTo("reserveStock");
    }
}
