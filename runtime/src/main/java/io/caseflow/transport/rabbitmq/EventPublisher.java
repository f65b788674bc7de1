package io.caseflow.transport.rabbitmq;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.caseflow.engine.Commit;
import io.caseflow.engine.EngineListener;
import io.caseflow.process.ProcessEvent;
import io.caseflow.process.ProcessSnapshot;
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
final class EventPublisher implements EngineListener {
    private final BiConsumer<String, String> publish;
    private final Counter published;

    EventPublisher(BiConsumer<String, String> publish, MeterRegistry meters) {
        this.publish = publish;
        this.published = Counter.builder("caseflow.events.published").register(meters);
    }

    @Override
    public void committed(List<Commit> commits) {
        for (Commit commit : commits) {
            ProcessSnapshot p = commit.next();
            String routingKey = p.caseKey().name() + "." + p.caseKey().api() + "." + p.status().name().toLowerCase(Locale.ROOT);
            publish.accept(routingKey, event(p).toString());
            published.increment();
        }
    }

    @Override
    public void started(List<ProcessSnapshot> processes) {
        for (ProcessSnapshot p : processes) {
            publish.accept(p.caseKey().name() + "." + p.caseKey().api() + ".running", event(p).toString());
            published.increment();
        }
    }

    static ObjectNode event(ProcessSnapshot p) {
        return ProcessEvent.of(p).toJson();
    }
}
