package io.caseflow.designer.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import io.caseflow.designer.monitor.SequenceTracker.Verdict;
import org.junit.jupiter.api.Test;

class SequenceTrackerTest {
    private final SequenceTracker tracker = new SequenceTracker(3);

    @Test
    void the_next_step_follows_and_a_jump_is_a_gap() {
        assertThat(tracker.observe("p", 1)).isEqualTo(Verdict.FIRST);
        assertThat(tracker.observe("p", 2)).isEqualTo(Verdict.NEXT);
        assertThat(tracker.observe("p", 5)).isEqualTo(Verdict.GAP);
        assertThat(tracker.last("p")).isEqualTo(5);
    }

    @Test
    void duplicates_and_late_events_are_stale_and_change_nothing() {
        tracker.observe("p", 4);
        assertThat(tracker.observe("p", 4)).isEqualTo(Verdict.STALE);
        assertThat(tracker.observe("p", 3)).isEqualTo(Verdict.STALE);
        assertThat(tracker.last("p")).isEqualTo(4);
    }

    @Test
    void a_read_older_than_an_event_already_seen_is_refused() {
        tracker.observe("p", 7);
        assertThat(tracker.seed("p", 6)).isFalse();
        assertThat(tracker.seed("p", 7)).isTrue();
        assertThat(tracker.seed("p", 9)).isTrue();
        assertThat(tracker.observe("p", 10)).isEqualTo(Verdict.NEXT);
    }

    @Test
    void a_seeded_step_makes_the_next_event_a_gap_if_one_was_skipped() {
        tracker.seed("p", 2);
        assertThat(tracker.observe("p", 4)).isEqualTo(Verdict.GAP);
    }

    @Test
    void the_least_recently_seen_process_is_forgotten_beyond_capacity() {
        tracker.observe("a", 1);
        tracker.observe("b", 1);
        tracker.observe("c", 1);
        tracker.observe("a", 2);
        tracker.observe("d", 1);
        assertThat(tracker.size()).isEqualTo(3);
        assertThat(tracker.last("b")).isEqualTo(-1);
        assertThat(tracker.last("a")).isEqualTo(2);
    }
}
