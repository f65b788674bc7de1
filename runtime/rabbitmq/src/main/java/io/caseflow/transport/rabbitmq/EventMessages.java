package io.caseflow.transport.rabbitmq;

import io.caseflow.process.ProcessEvent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Packs monitor events into as few messages as their routing keys allow: one message per routing key
 * ({@code <case>.<api>.<status>}), at most {@code maxPerMessage} events each. A message costs the runtime
 * and the broker far more than the event it carries (a publish of its own, a routing of its own), and
 * under load most of a batch shares one key ({@code running}), so this is what keeps events cheap.
 *
 * <p>Order per process holds: a process's events that share a key go in one message in commit order,
 * and when a process's next event has another key, every message packed so far comes first.
 */
final class EventMessages {
    /** One message: its routing key and its events, in order per process. */
    record Message(String routingKey, List<ProcessEvent> events) {
    }

    private EventMessages() {
    }

    static List<Message> pack(List<ProcessEvent> events, int maxPerMessage) {
        if (maxPerMessage < 1) {
            throw new IllegalArgumentException("maxPerMessage must be at least 1, not " + maxPerMessage);
        }
        List<Message> messages = new ArrayList<>();
        Map<String, List<ProcessEvent>> open = new LinkedHashMap<>();
        Map<String, String> keyOfProcess = new HashMap<>();
        for (ProcessEvent event : events) {
            String key = routingKey(event);
            String earlier = keyOfProcess.put(event.processId(), key);
            if (earlier != null && !earlier.equals(key)) {
                closeAll(open, messages); // this process's earlier events, under another key, must leave first
                keyOfProcess.clear();
                keyOfProcess.put(event.processId(), key);
            }
            List<ProcessEvent> message = open.computeIfAbsent(key, k -> new ArrayList<>());
            message.add(event);
            if (message.size() == maxPerMessage) {
                messages.add(new Message(key, List.copyOf(message))); // its processes' later events can only come after it
                open.remove(key);
            }
        }
        closeAll(open, messages);
        return messages;
    }

    private static void closeAll(Map<String, List<ProcessEvent>> open, List<Message> messages) {
        open.forEach((key, events) -> messages.add(new Message(key, List.copyOf(events))));
        open.clear();
    }

    static String routingKey(ProcessEvent event) {
        return event.caseKey().name() + "." + event.caseKey().api() + "." + event.status().name().toLowerCase(Locale.ROOT);
    }
}
