package io.caseflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class WorkersCommandTest {

    @Test
    void last_seen_reads_in_the_two_largest_units() {
        assertThat(WorkersCommand.ListWorkers.ago(Duration.ofMillis(4900))).isEqualTo("4s ago");
        assertThat(WorkersCommand.ListWorkers.ago(Duration.ofSeconds(190))).isEqualTo("3m 10s ago");
        assertThat(WorkersCommand.ListWorkers.ago(Duration.ofMinutes(125))).isEqualTo("2h 5m ago");
        assertThat(WorkersCommand.ListWorkers.ago(Duration.ofHours(27))).isEqualTo("1d 3h ago");
    }

    @Test
    void columns_are_as_wide_as_their_widest_cell() {
        String table = WorkersCommand.ListWorkers.table(List.of(List.of("ID", "STATUS", "SERVICES"),
                List.of("a-very-long-id", "alive", "payments"), List.of("b", "gone", "-")));
        assertThat(table.lines()).containsExactly(
                "ID              STATUS  SERVICES",
                "a-very-long-id  alive   payments",
                "b               gone    -");
    }
}
