package io.caseflow.designer.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import io.caseflow.process.ProcessEvent;
import io.caseflow.process.ProcessSnapshot;
import io.caseflow.process.ProcessStatus;
import io.caseflow.samples.BusinessCase1;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class StageCountsViewModelTest {
    private final Fixture f = new Fixture();
    private final StageCountsViewModel counts = new StageCountsViewModel(f.source, f.ui);

    @Test
    void counts_are_read_for_the_case_and_summed() {
        f.stored(3, ProcessStatus.RUNNING, "reserveStock");
        f.stored(2, ProcessStatus.WAITING, "reserveStock");
        f.stored(1, ProcessStatus.FAILED, "chargePayment");
        counts.setCase(BusinessCase1.KEY);
        counts.tick(f.clock.instant());
        assertThat(counts.load("reserveStock")).isEqualTo(new StageLoad(3, 2, 0, 0, 0));
        assertThat(counts.load("chargePayment").failed()).isEqualTo(1);
        assertThat(counts.totalsProperty().get()).isEqualTo(new StageLoad(3, 2, 1, 0, 0));
    }

    @Test
    void while_events_flow_counts_are_read_at_most_every_min_interval_otherwise_when_idle() {
        List<ProcessSnapshot> stored = f.stored(1, ProcessStatus.RUNNING, "reserveStock");
        counts.setCase(BusinessCase1.KEY);
        counts.tick(f.clock.instant());
        assertThat(counts.reads()).isEqualTo(1);

        for (int i = 0; i < 5; i++) {
            f.clock.advance(Duration.ofMillis(100));
            counts.onEvents(List.of(ProcessEvent.of(stored.get(0))));
            counts.tick(f.clock.instant());
        }
        assertThat(counts.reads()).as("500 ms of events: one read at 300 ms").isEqualTo(2);

        f.clock.advance(StageCountsViewModel.IDLE_INTERVAL);
        counts.tick(f.clock.instant());
        assertThat(counts.reads()).isEqualTo(3);
    }

    @Test
    void events_of_other_cases_do_not_cause_reads() {
        counts.setCase(BusinessCase1.KEY);
        counts.tick(f.clock.instant());
        f.clock.advance(Duration.ofSeconds(1));
        counts.onEvents(List.of(new ProcessEvent("x", new io.caseflow.definition.CaseKey("other", "v1"), 1, 1, ProcessStatus.RUNNING,
                "a", null, 1, f.clock.instant(), null, null)));
        counts.tick(f.clock.instant());
        assertThat(counts.reads()).isEqualTo(1);
    }
}
