package io.caseflow.designer.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import io.caseflow.process.ProcessEvent;
import io.caseflow.process.ProcessSnapshot;
import io.caseflow.process.ProcessStatus;
import io.caseflow.samples.BusinessCase1;
import io.caseflow.message.DeadLetter;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The monitor as a whole, on an in-memory source: ticks, gaps, reconnects and actions. */
class MonitorViewModelTest {
    private final Fixture f = new Fixture();
    private final MonitorViewModel vm = new MonitorViewModel(f.source, f.ui, f.clock);

    private void tick() {
        f.clock.advance(MonitorViewModel.TICK);
        vm.tick();
    }

    @Test
    void starts_on_the_sample_case_with_its_graph_rows_and_counts() {
        f.stored(4, ProcessStatus.RUNNING, "reserveStock");
        vm.start();
        tick();
        assertThat(vm.monitoredCaseProperty().get()).isEqualTo(BusinessCase1.KEY);
        assertThat(vm.graphProperty().get().stages()).hasSize(9);
        assertThat(vm.table().items()).hasSize(4);
        assertThat(vm.counts().load("reserveStock").running()).isEqualTo(4);
        assertThat(vm.connectionProperty().get().isUp()).isTrue();
    }

    @Test
    void events_reach_the_table_only_when_drained_by_a_tick() {
        List<ProcessSnapshot> stored = f.stored(1, ProcessStatus.RUNNING, "reserveStock");
        vm.start();
        f.source.commit(f.moved(stored.get(0), ProcessStatus.WAITING, "chargePayment"));
        assertThat(vm.table().items().get(0).row().stage()).isEqualTo("reserveStock");
        tick();
        assertThat(vm.table().items().get(0).row().stage()).isEqualTo("chargePayment");
        assertThat(vm.throughput().totalStageRuns()).isZero();
    }

    @Test
    void a_gap_in_sequence_numbers_re_reads_the_process() {
        List<ProcessSnapshot> stored = f.stored(1, ProcessStatus.RUNNING, "reserveStock");
        vm.start();
        tick();
        ProcessSnapshot missed = f.moved(stored.get(0), ProcessStatus.WAITING, "chargePayment");
        ProcessSnapshot seen = f.moved(missed, ProcessStatus.FAILED, "chargePayment");
        f.source.put(seen);
        f.source.emit(List.of(ProcessEvent.of(seen)));
        tick();
        assertThat(vm.rereads()).isEqualTo(1);
        assertThat(vm.table().items().get(0).row().status()).isEqualTo(ProcessStatus.FAILED);
        assertThat(vm.tracker().last(seen.id())).isEqualTo(seen.step());
    }

    @Test
    void the_selected_process_is_read_in_full_and_again_after_its_events() {
        List<ProcessSnapshot> stored = f.stored(1, ProcessStatus.RUNNING, "reserveStock");
        vm.start();
        vm.detail().select(stored.get(0).id());
        assertThat(vm.detail().processProperty().get()).isEqualTo(stored.get(0));
        assertThat(vm.detail().pathProperty().get().current()).isEqualTo("reserveStock");
        f.source.commit(f.moved(stored.get(0), ProcessStatus.FAILED, "chargePayment"));
        tick();
        assertThat(vm.detail().processProperty().get().status()).isEqualTo(ProcessStatus.FAILED);
        assertThat(vm.detail().processProperty().get().failure().message()).isEqualTo("boom at chargePayment");
    }

    @Test
    void a_dropped_connection_is_shown_and_a_reconnect_re_reads_everything() {
        f.stored(2, ProcessStatus.RUNNING, "reserveStock");
        vm.start();
        tick();
        f.source.setAvailable(false, "connection refused");
        tick();
        assertThat(vm.connectionProperty().get().kind()).isEqualTo(ConnectionState.Kind.RECONNECTING);
        assertThat(vm.actions().lastProperty().get().text()).contains("Lost the in-memory source").contains("connection refused");

        f.stored(3, ProcessStatus.FAILED, "chargePayment");
        f.source.setAvailable(true, null);
        tick();
        assertThat(vm.connectionProperty().get().isUp()).isTrue();
        assertThat(vm.resyncs()).isEqualTo(1);
        assertThat(vm.table().items()).as("processes made while disconnected are read").hasSize(5);
        tick();
        assertThat(vm.counts().load("chargePayment").failed()).isEqualTo(3);
    }

    @Test
    void retry_of_a_failed_process_logs_the_result_and_the_row_follows_the_event() {
        List<ProcessSnapshot> failed = f.stored(1, ProcessStatus.FAILED, "chargePayment");
        vm.start();
        vm.actions().retry(failed.get(0).id());
        assertThat(vm.actions().lastProperty().get().kind()).isEqualTo(ActivityEntry.Kind.SUCCESS);
        assertThat(vm.actions().lastProperty().get().text()).endsWith("resumes at stage 'chargePayment'");
        tick();
        assertThat(vm.table().items().get(0).row().status()).isEqualTo(ProcessStatus.RUNNING);
        assertThat(vm.actions().busyIds()).isEmpty();
    }

    @Test
    void retrying_a_process_that_is_not_failed_changes_nothing_and_says_why() {
        List<ProcessSnapshot> running = f.stored(1, ProcessStatus.RUNNING, "reserveStock");
        vm.start();
        vm.actions().retry(running.get(0).id());
        assertThat(vm.actions().lastProperty().get().kind()).isEqualTo(ActivityEntry.Kind.WARNING);
        assertThat(vm.actions().lastProperty().get().text()).contains("is RUNNING; only a FAILED process is retried");
    }

    @Test
    void retry_with_invalid_data_is_refused_before_anything_is_sent() {
        List<ProcessSnapshot> failed = f.stored(1, ProcessStatus.FAILED, "notifyCustomer");
        vm.start();
        long calls = f.source.calls();
        var result = vm.actions().retryWith(failed.get(0).id(), null, "{\"orderId\": ");
        assertThat(result).isCompletedExceptionally();
        assertThat(f.source.calls()).isEqualTo(calls);
        assertThat(vm.actions().lastProperty().get().text()).contains("not valid JSON").contains("Line 1");
    }

    @Test
    void retry_with_edited_data_from_an_earlier_stage_replaces_the_data() {
        List<ProcessSnapshot> failed = f.stored(1, ProcessStatus.FAILED, "notifyCustomer");
        vm.start();
        vm.actions().retryWith(failed.get(0).id(), "createShipment", "{\"orderId\": \"ORD-1\"}");
        ProcessSnapshot now = f.source.find(failed.get(0).id()).orElseThrow();
        assertThat(now.currentStage()).isEqualTo("createShipment");
        assertThat(now.data().toString()).isEqualTo("{\"orderId\":\"ORD-1\"}");
        assertThat(vm.actions().lastProperty().get().text()).endsWith("resumes at stage 'createShipment'");
    }

    @Test
    void retry_all_failed_at_a_stage_counts_first_then_retries_each() {
        f.stored(3, ProcessStatus.FAILED, "chargePayment");
        f.stored(2, ProcessStatus.FAILED, "notifyCustomer");
        vm.start();
        assertThat(vm.actions().countFailedAt(BusinessCase1.KEY, "chargePayment").join()).isEqualTo(3);
        MonitorActions.BulkOutcome outcome = vm.actions().retryFailedAt(BusinessCase1.KEY, "chargePayment").join();
        assertThat(outcome).isEqualTo(new MonitorActions.BulkOutcome(3, 3, 0, 0, null));
        assertThat(vm.actions().lastProperty().get().text()).isEqualTo("Retried 3 of 3 processes failed at 'chargePayment'");
        tick();
        assertThat(vm.counts().load("chargePayment").failed()).isZero();
        assertThat(vm.counts().load("notifyCustomer").failed()).isEqualTo(2);
    }

    @Test
    void retrying_a_selection_reports_the_ones_that_were_no_longer_failed() {
        List<ProcessSnapshot> failed = f.stored(2, ProcessStatus.FAILED, "chargePayment");
        List<ProcessSnapshot> running = f.stored(1, ProcessStatus.RUNNING, "reserveStock");
        vm.start();
        var outcome = vm.actions().retryAll(List.of(failed.get(0).id(), failed.get(1).id(), running.get(0).id()), "selected processes").join();
        assertThat(outcome.changed()).isEqualTo(2);
        assertThat(vm.actions().lastProperty().get().text()).isEqualTo("Retried 2 of 3 selected processes; 1 was no longer failed");
    }

    @Test
    void cancel_stops_the_process_and_an_action_on_a_lost_source_fails_plainly() {
        List<ProcessSnapshot> running = f.stored(1, ProcessStatus.RUNNING, "reserveStock");
        vm.start();
        vm.actions().cancel(running.get(0).id());
        tick();
        assertThat(vm.table().items().get(0).row().status()).isEqualTo(ProcessStatus.CANCELLED);

        f.source.setAvailable(false, "connection refused");
        vm.actions().cancel(running.get(0).id());
        assertThat(vm.actions().lastProperty().get().kind()).isEqualTo(ActivityEntry.Kind.FAILURE);
        assertThat(vm.actions().lastProperty().get().text()).contains("Cancel of").contains("failed: the source does not answer");
    }

    @Test
    void dead_letters_are_read_when_due() {
        vm.start();
        f.source.addDeadLetter(new DeadLetter(1, "caseflow.businessCase1.v1.serviceQ", "bad_task_id", "signature does not match",
                "{}", null, f.clock.instant()));
        vm.deadLetters().visibleProperty().set(true);
        f.clock.advance(Duration.ofSeconds(4));
        vm.tick();
        assertThat(vm.deadLetters().rows()).singleElement().extracting(DeadLetterRow::explain)
                .isEqualTo("The task id was forged or damaged");
    }

    @Test
    void the_chart_counts_stage_runs_and_failures_from_events() {
        List<ProcessSnapshot> stored = f.stored(2, ProcessStatus.RUNNING, "reserveStock");
        vm.start();
        f.source.commit(f.moved(stored.get(0), ProcessStatus.FAILED, "chargePayment"));
        f.source.commit(f.moved(stored.get(1), ProcessStatus.RUNNING, "chargePayment"));
        tick();
        assertThat(vm.throughput().totalStageRuns()).isEqualTo(2);
        assertThat(vm.throughput().totalFailures()).isEqualTo(1);
    }
}
