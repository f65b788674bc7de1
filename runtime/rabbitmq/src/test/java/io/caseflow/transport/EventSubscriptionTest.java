package io.caseflow.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.caseflow.CaseflowRuntime;
import io.caseflow.definition.CaseDefinition;
import io.caseflow.definition.CaseKey;
import io.caseflow.definition.StageDefinition;
import io.caseflow.handler.HandlerRegistry;
import io.caseflow.process.ProcessEvent;
import io.caseflow.process.ProcessSnapshot;
import io.caseflow.process.ProcessStatus;
import io.caseflow.testing.ExternalServices;
import io.caseflow.transport.rabbitmq.EventSubscription;
import io.caseflow.transport.rabbitmq.RabbitSettings;
import io.caseflow.transport.rabbitmq.RabbitTransport;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class EventSubscriptionTest {

    @Test
    void every_transition_reaches_a_subscribed_monitor_in_order_with_consecutive_sequence_numbers() throws Exception {
        ExternalServices.requireRabbitMq();
        CaseKey key = new CaseKey("events-" + UUID.randomUUID().toString().substring(0, 8), "v1");
        List<ProcessEvent> events = new CopyOnWriteArrayList<>();
        List<EventSubscription.State> states = new CopyOnWriteArrayList<>();
        RabbitSettings settings = RabbitSettings.defaults(ExternalServices.RABBITMQ_URI).withConnectionName("caseflow-test");
        try (EventSubscription subscription = EventSubscription.open(ExternalServices.RABBITMQ_URI, ExternalServices.testInstallation(), key.name() + ".v1.*",
                events::add, states::add);
             CaseflowRuntime runtime = CaseflowRuntime.builder().installation(ExternalServices.testInstallation())
                     .jdbcUrl(ExternalServices.freshPostgresSchema())
                     .handlers(new HandlerRegistry().register("h", ctx -> ctx.next()))
                     .transport((installation, outbox, clock, meters) -> new RabbitTransport(settings, installation, outbox, clock, meters))
                     .build().start()) {
            runtime.deploy(CaseDefinition.builder(key.name(), key.api()).stage(StageDefinition.task("a", "h"))
                    .stage(StageDefinition.task("b", "h")).stage(StageDefinition.end("z")).transition("a", "b").transition("b", "z").build());
            ProcessSnapshot p = runtime.startProcess(key, Map.of());
            await().atMost(Duration.ofSeconds(15)).until(() -> events.stream().anyMatch(e -> e.status() == ProcessStatus.COMPLETED));
            assertThat(states).startsWith(EventSubscription.State.CONNECTED);
            assertThat(events).allMatch(e -> e.processId().equals(p.id()));
            assertThat(events).extracting(ProcessEvent::seq).containsExactly(0L, 1L, 2L, 3L);
            assertThat(events).extracting(ProcessEvent::stage).containsExactly("a", "b", "z", "z");
            assertThat(events.get(0).status()).isEqualTo(ProcessStatus.RUNNING);
            assertThat(events.get(3).status()).isEqualTo(ProcessStatus.COMPLETED);
            assertThat(subscription.isOpen()).isTrue();
        } finally {
            ExternalServices.deleteQueues(List.of(ExternalServices.testInstallation().innerQ(key), ExternalServices.testInstallation().serviceQ(key)));
        }
    }
}
