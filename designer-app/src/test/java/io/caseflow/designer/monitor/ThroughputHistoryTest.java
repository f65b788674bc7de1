package io.caseflow.designer.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class ThroughputHistoryTest {
    private final ThroughputHistory history = new ThroughputHistory();
    private final Instant t0 = Instant.parse("2025-01-01T10:00:00Z");

    @Test
    void stages_are_counted_per_whole_second_and_the_running_second_is_left_out() {
        history.record(t0, 10, 0);
        history.record(t0.plusMillis(500), 5, 0);
        history.record(t0.plusSeconds(1), 7, 0);
        long[] s = history.stagesPerSecond(t0.plusSeconds(2));
        assertThat(s).hasSize(ThroughputHistory.SECONDS);
        assertThat(s[ThroughputHistory.SECONDS - 2]).isEqualTo(15);
        assertThat(s[ThroughputHistory.SECONDS - 1]).isEqualTo(7);
    }

    @Test
    void seconds_older_than_the_window_are_forgotten() {
        history.record(t0, 10, 0);
        long[] s = history.stagesPerSecond(t0.plusSeconds(ThroughputHistory.SECONDS + 5));
        assertThat(s).containsOnly(0L);
    }

    @Test
    void failures_are_counted_per_minute_with_the_running_minute_last() {
        history.record(t0, 0, 2);
        history.record(t0.plusSeconds(61), 0, 3);
        long[] m = history.failuresPerMinute(t0.plusSeconds(70));
        assertThat(m[ThroughputHistory.MINUTES - 1]).isEqualTo(3);
        assertThat(m[ThroughputHistory.MINUTES - 2]).isEqualTo(2);
        assertThat(history.recentFailuresPerMinute(t0.plusSeconds(70))).isEqualTo(3);
    }

    @Test
    void the_current_rate_is_the_mean_of_the_last_five_seconds() {
        for (int i = 0; i < 5; i++) {
            history.record(t0.plusSeconds(i), 100, 0);
        }
        assertThat(history.currentRate(t0.plusSeconds(5))).isEqualTo(100.0);
    }
}
