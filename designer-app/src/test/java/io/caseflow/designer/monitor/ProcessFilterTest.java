package io.caseflow.designer.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import io.caseflow.process.ProcessEvent;
import io.caseflow.process.ProcessStatus;
import io.caseflow.process.ProcessQuery;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ProcessFilterTest {
    private final ProcessEvent failedAtCharge = LiveEventBufferTest.event("0190-abc", 3, ProcessStatus.FAILED, "chargePayment");

    @Test
    void an_empty_filter_matches_everything() {
        assertThat(ProcessFilter.NONE.matches(failedAtCharge)).isEqualTo(ProcessFilter.Match.YES);
    }

    @Test
    void status_case_api_version_and_stage_decide_for_events() {
        ProcessFilter f = ProcessFilter.NONE.withStatuses(Set.of(ProcessStatus.FAILED)).withCase("orders", "v1").withVersion(1)
                .withStage("chargePayment");
        assertThat(f.matches(failedAtCharge)).isEqualTo(ProcessFilter.Match.YES);
        assertThat(f.withStage("notify").matches(failedAtCharge)).isEqualTo(ProcessFilter.Match.NO);
        assertThat(f.withVersion(2).matches(failedAtCharge)).isEqualTo(ProcessFilter.Match.NO);
        assertThat(f.withCase("orders", "v2").matches(failedAtCharge)).isEqualTo(ProcessFilter.Match.NO);
        assertThat(f.withStatuses(Set.of(ProcessStatus.RUNNING)).matches(failedAtCharge)).isEqualTo(ProcessFilter.Match.NO);
    }

    @Test
    void text_in_the_id_matches_but_text_elsewhere_only_the_store_can_tell() {
        assertThat(ProcessFilter.NONE.withText("ABC").matches(failedAtCharge)).isEqualTo(ProcessFilter.Match.YES);
        assertThat(ProcessFilter.NONE.withText("ORD-10042").matches(failedAtCharge)).isEqualTo(ProcessFilter.Match.UNKNOWN);
    }

    @Test
    void blank_fields_do_not_filter_and_the_query_carries_the_rest() {
        ProcessFilter f = new ProcessFilter(Set.of(ProcessStatus.WAITING), " ", "", null, "  ", " ord ");
        assertThat(f.caseName()).isNull();
        assertThat(f.text()).isEqualTo("ord");
        assertThat(f.toQuery(500, 100)).isEqualTo(new ProcessQuery(Set.of(ProcessStatus.WAITING), null, null, null, null, "ord", 500, 100));
    }
}
