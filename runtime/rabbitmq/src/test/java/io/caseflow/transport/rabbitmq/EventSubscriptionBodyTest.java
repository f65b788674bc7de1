package io.caseflow.transport.rabbitmq;

import static org.assertj.core.api.Assertions.assertThat;

import io.caseflow.process.ProcessEvent;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a monitor makes of an events message's body, including ones no caseflow runtime would send. */
class EventSubscriptionBodyTest {
    private static final String EVENT = """
            {"processId":"%s","case":"orders","api":"v1","version":1,"seq":%d,"status":"RUNNING","stage":"a","attempt":1}""";

    @Test
    void an_array_hands_on_every_event_in_order() {
        assertThat(read("[" + event("p1", 0) + "," + event("p2", 3) + "," + event("p1", 1) + "]"))
                .extracting(e -> e.processId() + "#" + e.seq()).containsExactly("p1#0", "p2#3", "p1#1");
    }

    @Test
    void a_single_event_object_as_earlier_builds_sent_it_is_read_too() {
        assertThat(read(event("p1", 7))).extracting(ProcessEvent::seq).containsExactly(7L);
    }

    @Test
    void an_event_that_does_not_read_is_skipped_and_the_rest_of_its_message_still_arrives() {
        assertThat(read("[" + event("p1", 0) + ",{\"processId\":\"p2\"},42,null," + event("p1", 1) + "]"))
                .extracting(ProcessEvent::seq).containsExactly(0L, 1L);
    }

    @Test
    void a_monitor_that_fails_on_one_event_still_gets_the_next_and_nothing_is_thrown_at_the_client() {
        List<Long> seen = new ArrayList<>();
        String body = "[" + event("p1", 0) + "," + event("p1", 1) + "," + event("p1", 2) + "]";
        EventSubscription.deliver(body.getBytes(StandardCharsets.UTF_8), "orders.v1.running", event -> {
            if (event.seq() == 1) {
                throw new IllegalStateException("the monitor's table refused a row");
            }
            seen.add(event.seq());
        });
        assertThat(seen).containsExactly(0L, 2L);
    }

    @Test
    void nonsense_is_ignored_without_an_exception() {
        assertThat(read("not json at all")).isEmpty();
        assertThat(read("")).isEmpty();
        assertThat(read("\"a string\"")).isEmpty();
        assertThat(read("[[[[")).isEmpty();
        assertThat(read("[" + "[".repeat(5_000) + "]".repeat(5_000) + "]")).isEmpty();
    }

    private static String event(String process, long seq) {
        return EVENT.formatted(process, seq);
    }

    private static List<ProcessEvent> read(String body) {
        List<ProcessEvent> events = new ArrayList<>();
        EventSubscription.deliver(body.getBytes(StandardCharsets.UTF_8), "orders.v1.running", events::add);
        return events;
    }
}
