package io.caseflow.transport.rabbitmq;

import io.caseflow.process.ProcessEvent;
import io.caseflow.process.ProcessEventListener;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Locale;
import java.util.function.BiConsumer;

/**
 * Publishes every committed transition as a monitor event: routing key {@code <case>.<api>.<status>},
 * and {@code seq} = the process's step, which grows by exactly one per transition, so a monitor that
 * sees a gap knows it missed something and re-reads the process. Events are published after the commit
 * and without waiting for confirms: losing one costs a re-read, never a wrong state.
 */
final class EventPublisher implements ProcessEventListener {
    private final BiConsumer<String, String> publish;
    private final Counter published;

    EventPublisher(BiConsumer<String, String> publish, MeterRegistry meters) {
        this.publish = publish;
        this.published = Counter.builder("caseflow.events.published").register(meters);
    }

    @Override
    public void events(List<ProcessEvent> events) {
        for (ProcessEvent event : events) {
            String routingKey = event.caseKey().name() + "." + event.caseKey().api() + "." + event.status().name().toLowerCase(Locale.ROOT);
            publish.accept(routingKey, event.toJson().toString());
            published.increment();
        }
    }
}
