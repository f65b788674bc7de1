package io.caseflow.designer.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import io.caseflow.process.ProcessEvent;
import io.caseflow.process.ProcessSnapshot;
import io.caseflow.process.ProcessStatus;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javafx.collections.ListChangeListener;
import org.junit.jupiter.api.Test;

class ProcessTableViewModelTest {
    private final Fixture f = new Fixture();
    private final SequenceTracker tracker = new SequenceTracker();
    private final ProcessTableViewModel table = new ProcessTableViewModel(f.source, f.ui, tracker);
    private final List<ListChangeListener.Change<? extends ProcessItem>> changes = new ArrayList<>();

    private void watchChanges() {
        table.items().addListener((ListChangeListener<ProcessItem>) c -> changes.add(c));
    }

    private static ProcessEvent event(ProcessSnapshot p) {
        return ProcessEvent.of(p);
    }

    @Test
    void reload_reads_the_first_page_newest_first() {
        List<ProcessSnapshot> stored = f.stored(30, ProcessStatus.RUNNING, "reserveStock");
        table.setPageSize(20);
        table.reload();
        assertThat(table.items()).hasSize(20);
        assertThat(table.items().get(0).id()).isEqualTo(stored.get(29).id());
        assertThat(table.totalProperty().get()).isEqualTo(30);
        assertThat(table.completeProperty().get()).isFalse();
        assertThat(table.footer()).isEqualTo("Showing 20 of 30 · scroll down for more");
    }

    @Test
    void a_live_update_changes_the_row_in_place_and_never_the_list() {
        List<ProcessSnapshot> stored = f.stored(5, ProcessStatus.RUNNING, "reserveStock");
        table.reload();
        ProcessItem third = table.items().get(2);
        watchChanges();

        table.apply(List.of(event(f.moved(stored.get(2), ProcessStatus.FAILED, "chargePayment"))));

        assertThat(changes).as("no list change: nothing scrolls, the selection stays").isEmpty();
        assertThat(table.items().get(2)).isSameAs(third);
        assertThat(third.row().status()).isEqualTo(ProcessStatus.FAILED);
        assertThat(third.row().stage()).isEqualTo("chargePayment");
        assertThat(third.row().error()).isEqualTo("boom at chargePayment");
    }

    @Test
    void an_older_event_does_not_overwrite_a_newer_row() {
        List<ProcessSnapshot> stored = f.stored(1, ProcessStatus.RUNNING, "reserveStock");
        table.reload();
        ProcessSnapshot later = f.moved(stored.get(0), ProcessStatus.WAITING, "chargePayment");
        table.apply(List.of(event(later)));
        table.apply(List.of(event(stored.get(0))));
        assertThat(table.items().get(0).row().stage()).isEqualTo("chargePayment");
    }

    @Test
    void new_processes_go_on_top_while_following_and_wait_otherwise() {
        f.stored(3, ProcessStatus.RUNNING, "reserveStock");
        table.reload();
        ProcessSnapshot first = f.started("validateOrder");
        table.apply(List.of(event(first)));
        assertThat(table.items()).hasSize(4);
        assertThat(table.items().get(0).id()).isEqualTo(first.id());

        table.setFollowing(false);
        ProcessSnapshot second = f.started("validateOrder");
        watchChanges();
        table.apply(List.of(event(second)));
        table.apply(List.of(event(f.moved(second, ProcessStatus.WAITING, "reserveStock"))));
        assertThat(changes).isEmpty();
        assertThat(table.pendingCountProperty().get()).isEqualTo(1);

        table.showPending();
        assertThat(table.items()).hasSize(5);
        assertThat(table.items().get(0).row().stage()).as("the pending row kept up with its events").isEqualTo("reserveStock");
        assertThat(table.pendingCountProperty().get()).isZero();
    }

    @Test
    void following_again_shows_what_was_pending() {
        f.stored(2, ProcessStatus.RUNNING, "reserveStock");
        table.reload();
        table.setFollowing(false);
        table.apply(List.of(event(f.started("validateOrder")), event(f.started("validateOrder"))));
        assertThat(table.items()).hasSize(2);
        table.setFollowing(true);
        assertThat(table.items()).hasSize(4);
    }

    @Test
    void events_that_do_not_match_the_filter_are_not_added_and_text_in_data_needs_the_store() {
        f.stored(2, ProcessStatus.FAILED, "chargePayment");
        table.setFilter(ProcessFilter.NONE.withStatuses(Set.of(ProcessStatus.FAILED)));
        assertThat(table.items()).hasSize(2);
        table.apply(List.of(event(f.started("validateOrder"))));
        assertThat(table.items()).hasSize(2);

        table.setFilter(ProcessFilter.NONE.withText("ORD-"));
        table.apply(List.of(event(f.started("validateOrder"))));
        assertThat(table.maybeMoreProperty().get()).isTrue();
    }

    @Test
    void a_row_that_stops_matching_stays_where_it_is() {
        List<ProcessSnapshot> stored = f.stored(2, ProcessStatus.FAILED, "chargePayment");
        table.setFilter(ProcessFilter.NONE.withStatuses(Set.of(ProcessStatus.FAILED)));
        table.apply(List.of(event(f.moved(stored.get(1), ProcessStatus.RUNNING, "chargePayment"))));
        assertThat(table.items()).hasSize(2);
        assertThat(table.filter().matchesFields(table.items().get(0).row())).isFalse();
    }

    @Test
    void the_next_page_skips_rows_pushed_down_by_new_processes() {
        f.stored(10, ProcessStatus.RUNNING, "reserveStock");
        table.setPageSize(4);
        table.reload();
        for (int i = 0; i < 3; i++) {
            f.source.put(f.started("validateOrder"));
        }
        table.loadMore();
        table.loadMore();
        table.loadMore();
        table.loadMore();
        Set<String> ids = new HashSet<>();
        table.items().forEach(i -> ids.add(i.id()));
        assertThat(ids).hasSize(table.items().size());
        assertThat(table.items()).hasSize(10);
        assertThat(table.completeProperty().get()).isTrue();
    }

    @Test
    void sorting_orders_the_loaded_rows_and_updates_do_not_resort() {
        List<ProcessSnapshot> stored = f.stored(3, ProcessStatus.RUNNING, "reserveStock");
        table.reload();
        table.sort(java.util.Comparator.comparing(ProcessRow::id));
        assertThat(table.items().get(0).id()).isEqualTo(stored.get(0).id());
        watchChanges();
        table.apply(List.of(event(f.moved(stored.get(0), ProcessStatus.FAILED, "chargePayment"))));
        assertThat(changes).isEmpty();
        assertThat(table.footer()).contains("sorted");
        table.sort(null);
        assertThat(table.items().get(0).id()).isEqualTo(stored.get(2).id());
    }

    @Test
    void a_listing_older_than_an_event_already_seen_asks_for_a_reread() {
        List<ProcessSnapshot> stored = f.stored(2, ProcessStatus.RUNNING, "reserveStock");
        tracker.observe(stored.get(0).id(), stored.get(0).step() + 1);
        List<Set<String>> asked = new ArrayList<>();
        table.setOnOutdated(asked::add);
        table.reload();
        assertThat(asked).containsExactly(Set.of(stored.get(0).id()));
    }

    @Test
    void a_failed_load_says_so_and_keeps_the_rows() {
        f.stored(2, ProcessStatus.RUNNING, "reserveStock");
        table.reload();
        f.source.setAvailable(false, "connection refused");
        table.reload();
        assertThat(table.items()).hasSize(2);
        assertThat(table.errorProperty().get()).startsWith("Could not load processes: the source does not answer (connection refused)");
    }
}
