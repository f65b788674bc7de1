package io.caseflow.worker;

import static org.assertj.core.api.Assertions.assertThat;

import io.caseflow.definition.CaseKey;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class WorkerRecordTest {
    private static final Instant SEEN = Instant.parse("2026-01-01T10:00:00Z");

    private static WorkerRecord seenAt(Instant lastSeen, Instant stoppedAt) {
        return new WorkerRecord("host-1-abc", "worker", "host", 1, "1.0", SEEN.minusSeconds(60), lastSeen, stoppedAt,
                Duration.ofSeconds(5), List.of(new CaseKey("orders", "v1")), List.of("h"), List.of());
    }

    @Test
    void a_worker_is_alive_until_it_misses_three_heartbeats_then_gone() {
        WorkerRecord worker = seenAt(SEEN, null);
        assertThat(worker.heartbeatWindow()).isEqualTo(Duration.ofSeconds(15));
        assertThat(worker.statusAt(SEEN.plusSeconds(15))).isEqualTo(WorkerStatus.ALIVE);
        assertThat(worker.statusAt(SEEN.plusSeconds(15).plusMillis(1))).isEqualTo(WorkerStatus.GONE);
    }

    @Test
    void a_worker_that_stopped_cleanly_is_stopped_not_gone() {
        assertThat(seenAt(SEEN, SEEN).statusAt(SEEN.plusSeconds(3600))).isEqualTo(WorkerStatus.STOPPED);
        assertThat(WorkerStatus.STOPPED.isAlive()).isFalse();
    }

    @Test
    void last_seen_ago_is_measured_on_the_readers_clock_and_never_negative() {
        WorkerRecord worker = seenAt(SEEN, null);
        assertThat(WorkerSnapshot.at(worker, SEEN.plusSeconds(4)).lastSeenAgo()).isEqualTo(Duration.ofSeconds(4));
        assertThat(WorkerSnapshot.at(worker, SEEN.minusSeconds(1)).lastSeenAgo()).isZero();
        assertThat(WorkerSnapshot.at(worker, SEEN.plusSeconds(4)).alive()).isTrue();
    }

    @Test
    void a_service_is_unserved_only_when_the_transport_counted_no_consumer() {
        assertThat(new ServiceConsumers("payments", "q", List.of(), OptionalInt.of(0)).unserved()).isTrue();
        assertThat(new ServiceConsumers("payments", "q", List.of(), OptionalInt.of(2)).unserved()).isFalse();
        assertThat(new ServiceConsumers("payments", "q", List.of(), OptionalInt.empty()).unserved()).isFalse();
    }
}
