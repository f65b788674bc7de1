package io.caseflow.transport.rabbitmq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.caseflow.definition.CaseKey;
import io.caseflow.process.ProcessEvent;
import io.caseflow.process.ProcessStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class EventMessagesTest {

    @Test
    void events_that_share_a_routing_key_share_a_message() {
        List<EventMessages.Message> messages = EventMessages.pack(List.of(
                event("p1", 0, ProcessStatus.RUNNING), event("p2", 0, ProcessStatus.RUNNING),
                event("p3", 4, ProcessStatus.FAILED), event("p1", 1, ProcessStatus.RUNNING)), 100);
        assertThat(messages).extracting(EventMessages.Message::routingKey).containsExactly("orders.v1.running", "orders.v1.failed");
        assertThat(messages.get(0).events()).extracting(ProcessEvent::processId).containsExactly("p1", "p2", "p1");
    }

    @Test
    void a_process_whose_next_event_has_another_key_gets_its_earlier_events_out_first() {
        List<EventMessages.Message> messages = EventMessages.pack(List.of(
                event("p2", 8, ProcessStatus.COMPLETED), event("p1", 0, ProcessStatus.RUNNING), event("p1", 1, ProcessStatus.COMPLETED)), 100);
        // grouping by key alone would send p1's seq 1 (completed, with p2's) before its seq 0
        assertThat(flatten(messages)).extracting(e -> e.processId() + "#" + e.seq()).containsSubsequence("p1#0", "p1#1");
        assertThat(messages).extracting(EventMessages.Message::routingKey)
                .containsExactly("orders.v1.completed", "orders.v1.running", "orders.v1.completed");
    }

    @Test
    void no_message_holds_more_than_the_bound() {
        List<ProcessEvent> events = new ArrayList<>();
        for (int i = 0; i < 1_001; i++) {
            events.add(event("p" + i, 0, ProcessStatus.RUNNING));
        }
        List<EventMessages.Message> messages = EventMessages.pack(events, 250);
        assertThat(messages).extracting(m -> m.events().size()).containsExactly(250, 250, 250, 250, 1);
        assertThat(flatten(messages)).containsExactlyElementsOf(events);
    }

    @Test
    void every_event_leaves_once_under_its_own_key_and_in_order_per_process_whatever_the_mix() {
        Random random = new Random(42);
        ProcessStatus[] statuses = ProcessStatus.values();
        for (int round = 0; round < 200; round++) {
            int processes = 1 + random.nextInt(20);
            long[] next = new long[processes];
            List<ProcessEvent> events = new ArrayList<>();
            for (int i = random.nextInt(400); i > 0; i--) {
                int p = random.nextInt(processes);
                events.add(event("p" + p, next[p]++, statuses[random.nextInt(statuses.length)]));
            }
            List<EventMessages.Message> messages = EventMessages.pack(events, 1 + random.nextInt(50));
            assertThat(messages).allMatch(m -> !m.events().isEmpty()
                    && m.events().stream().allMatch(e -> m.routingKey().equals(EventMessages.routingKey(e))));
            List<ProcessEvent> sent = flatten(messages);
            assertThat(sent).containsExactlyInAnyOrderElementsOf(events);
            for (int p = 0; p < processes; p++) {
                String id = "p" + p;
                assertThat(sent.stream().filter(e -> e.processId().equals(id)).mapToLong(ProcessEvent::seq).toArray())
                        .as("round %d, process %s", round, id).isSorted();
            }
        }
    }

    @Test
    void a_bound_below_one_is_refused() {
        assertThatThrownBy(() -> EventMessages.pack(List.of(), 0)).hasMessageContaining("maxPerMessage must be at least 1, not 0");
    }

    private static List<ProcessEvent> flatten(List<EventMessages.Message> messages) {
        return messages.stream().flatMap(m -> m.events().stream()).toList();
    }

    private static ProcessEvent event(String process, long seq, ProcessStatus status) {
        return new ProcessEvent(process, new CaseKey("orders", "v1"), 1, seq, status, "a", null, 1, Instant.EPOCH, null, null);
    }
}
