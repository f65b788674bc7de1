package io.caseflow.designer.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import io.caseflow.definition.CaseKey;
import io.caseflow.process.ProcessEvent;
import io.caseflow.process.ProcessStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class LiveEventBufferTest {
    static final CaseKey KEY = new CaseKey("orders", "v1");
    private final LiveEventBuffer buffer = new LiveEventBuffer(new SequenceTracker());

    static ProcessEvent event(String id, long seq, ProcessStatus status, String stage) {
        return new ProcessEvent(id, KEY, 1, seq, status, stage, null, 1, Instant.EPOCH.plusSeconds(seq),
                status == ProcessStatus.FAILED ? stage : null, status == ProcessStatus.FAILED ? "boom" : null);
    }

    @Test
    void many_events_of_one_process_become_its_newest_one() {
        buffer.events(List.of(event("p", 1, ProcessStatus.RUNNING, "a"), event("p", 2, ProcessStatus.WAITING, "b")));
        buffer.events(List.of(event("p", 3, ProcessStatus.RUNNING, "c"), event("q", 1, ProcessStatus.RUNNING, "a")));

        LiveEventBuffer.Batch batch = buffer.drain();

        assertThat(batch.events()).hasSize(2).extracting(ProcessEvent::processId, ProcessEvent::seq)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("p", 3L), org.assertj.core.groups.Tuple.tuple("q", 1L));
        assertThat(batch.transitions()).isEqualTo(4);
        assertThat(batch.stageRuns()).as("the request sent (WAITING) is not a stage of its own").isEqualTo(3);
        assertThat(buffer.drain().isEmpty()).isTrue();
    }

    @Test
    void a_jump_in_sequence_is_reported_as_a_gap_and_stale_events_are_dropped() {
        buffer.events(List.of(event("p", 1, ProcessStatus.RUNNING, "a")));
        buffer.drain();
        buffer.events(List.of(event("p", 4, ProcessStatus.FAILED, "d"), event("p", 2, ProcessStatus.RUNNING, "b")));

        LiveEventBuffer.Batch batch = buffer.drain();

        assertThat(batch.gaps()).containsExactly("p");
        assertThat(batch.events()).singleElement().extracting(ProcessEvent::seq).isEqualTo(4L);
        assertThat(batch.failures()).isEqualTo(1);
        assertThat(batch.stale()).isEqualTo(1);
    }

    @Test
    void only_the_latest_connection_state_is_handed_over() {
        buffer.connection(ConnectionState.reconnecting("down", Instant.EPOCH, 1));
        buffer.connection(ConnectionState.connected(Instant.EPOCH));
        assertThat(buffer.drain().connection().kind()).isEqualTo(ConnectionState.Kind.CONNECTED);
        assertThat(buffer.drain().connection()).isNull();
    }

    @Test
    void producers_on_many_threads_lose_nothing_while_the_ui_drains() throws Exception {
        int threads = 4;
        int perThread = 20_000;
        CountDownLatch done = new CountDownLatch(threads);
        for (int t = 0; t < threads; t++) {
            String prefix = "t" + t + "-";
            Thread producer = new Thread(() -> {
                for (int i = 0; i < perThread; i += 100) {
                    List<ProcessEvent> chunk = new ArrayList<>();
                    for (int j = i; j < i + 100; j++) {
                        chunk.add(event(prefix + (j % 500), j / 500 + 1, ProcessStatus.RUNNING, "a"));
                    }
                    buffer.events(chunk);
                }
                done.countDown();
            });
            producer.start();
        }
        long transitions = 0;
        while (!done.await(1, TimeUnit.MILLISECONDS)) {
            transitions += buffer.drain().transitions();
        }
        LiveEventBuffer.Batch last = buffer.drain();
        transitions += last.transitions();
        assertThat(transitions).isEqualTo((long) threads * perThread);
        assertThat(buffer.gapsTotal()).isZero();
    }
}
