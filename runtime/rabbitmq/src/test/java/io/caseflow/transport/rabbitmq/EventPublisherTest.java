package io.caseflow.transport.rabbitmq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.GetResponse;
import io.caseflow.definition.CaseKey;
import io.caseflow.json.Json;
import io.caseflow.process.ProcessEvent;
import io.caseflow.process.ProcessStatus;
import io.caseflow.testing.ExternalServices;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Monitor events on a real RabbitMQ: in order, off the committer's path, and dropped (counted) rather than waited for. */
class EventPublisherTest {
    private final String exchange = "cf-test.events-" + UUID.randomUUID().toString().substring(0, 8);
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final AtomicReference<Connection> connection = new AtomicReference<>();
    private Connection admin;
    private Channel adminChannel;
    private String queue;

    @BeforeEach
    void bindAQueue() throws Exception {
        ExternalServices.requireRabbitMq();
        admin = connect();
        adminChannel = admin.createChannel();
        adminChannel.exchangeDeclare(exchange, "topic", false, true, null);
        queue = adminChannel.queueDeclare().getQueue();
        adminChannel.queueBind(queue, exchange, "orders.v1.*");
    }

    @AfterEach
    void close() throws Exception {
        if (connection.get() != null) {
            connection.get().abort();
        }
        adminChannel.exchangeDelete(exchange);
        admin.close();
    }

    @Test
    void events_reach_a_bound_queue_in_order_with_their_routing_key_and_transient() throws Exception {
        connection.set(connect());
        try (EventPublisher publisher = new EventPublisher(connection::get, exchange, meters)) {
            publisher.start();
            publisher.events(List.of(event("p1", 0, ProcessStatus.RUNNING), event("p1", 1, ProcessStatus.RUNNING)));
            publisher.events(List.of(event("p1", 2, ProcessStatus.COMPLETED), event("p2", 0, ProcessStatus.RUNNING, "returns")));
        }
        List<GetResponse> received = drain(2);
        assertThat(received).extracting(r -> r.getEnvelope().getRoutingKey()).containsExactly("orders.v1.running", "orders.v1.completed");
        assertThat(received).extracting(r -> events(r).stream().map(ProcessEvent::seq).toList())
                .containsExactly(List.of(0L, 1L), List.of(2L));
        assertThat(received).allMatch(r -> r.getProps().getDeliveryMode() == 1 && "application/json".equals(r.getProps().getContentType()));
        assertThat(meters.counter("caseflow.events.published").count()).isEqualTo(4); // the returns case's event went nowhere, as it should
        assertThat(meters.counter("caseflow.events.dropped").count()).isZero();
    }

    @Test
    void a_busy_engine_s_events_share_messages_and_keep_each_process_s_order() throws Exception {
        connection.set(connect());
        int processes = 40;
        int steps = 50;
        try (EventPublisher publisher = new EventPublisher(connection::get, exchange, meters)) {
            for (int step = 0; step < steps; step++) { // queued before the publisher starts, as behind a busy committer
                List<ProcessEvent> commit = new ArrayList<>();
                for (int p = 0; p < processes; p++) {
                    commit.add(event("p" + p, step, step == steps - 1 ? ProcessStatus.COMPLETED : ProcessStatus.RUNNING));
                }
                publisher.events(commit);
            }
            publisher.start();
        }
        List<ProcessEvent> received = new ArrayList<>();
        List<GetResponse> messages = new ArrayList<>();
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            GetResponse response;
            while ((response = adminChannel.basicGet(queue, true)) != null) {
                messages.add(response);
                received.addAll(events(response));
            }
            return received.size() >= processes * steps;
        });
        assertThat(received).hasSize(processes * steps);
        for (int p = 0; p < processes; p++) {
            String id = "p" + p;
            assertThat(received.stream().filter(e -> e.processId().equals(id)).map(ProcessEvent::seq))
                    .as("process %s's events, in order", id).containsExactlyElementsOf(LongStream.range(0, steps).boxed().toList());
        }
        assertThat(messages).allMatch(m -> events(m).size() <= EventPublisher.MAX_PER_MESSAGE)
                .allMatch(m -> events(m).stream().allMatch(e -> m.getEnvelope().getRoutingKey().equals(EventMessages.routingKey(e))));
        assertThat(messages.size()).as("messages for %d events", received.size()).isLessThan(received.size() / 50);
        assertThat(meters.counter("caseflow.events.messages").count()).isEqualTo(messages.size());
    }

    @Test
    void with_no_broker_events_are_dropped_and_counted_and_the_caller_never_waits() {
        try (EventPublisher publisher = new EventPublisher(connection::get, exchange, meters)) {
            publisher.start();
            long started = System.nanoTime();
            for (int i = 0; i < 1_000; i++) {
                publisher.events(List.of(event("p" + i, 0, ProcessStatus.RUNNING)));
            }
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(1));
            await().atMost(Duration.ofSeconds(10)).until(() -> meters.counter("caseflow.events.dropped").count() == 1_000);
            assertThat(meters.counter("caseflow.events.published").count()).isZero();
        }
    }

    @Test
    void publishing_resumes_on_a_new_connection_after_the_old_one_died() throws Exception {
        connection.set(connect());
        try (EventPublisher publisher = new EventPublisher(connection::get, exchange, meters)) {
            publisher.start();
            publisher.events(List.of(event("before", 0, ProcessStatus.RUNNING)));
            assertThat(drain(1)).hasSize(1);
            connection.get().abort(); // the broker connection is gone: the publisher's channel with it
            publisher.events(List.of(event("during", 0, ProcessStatus.RUNNING)));
            await().atMost(Duration.ofSeconds(10)).until(() -> meters.counter("caseflow.events.dropped").count() == 1);
            connection.set(connect());
            publisher.events(List.of(event("after", 0, ProcessStatus.RUNNING)));
            List<GetResponse> after = drain(1);
            assertThat(events(after.get(0))).extracting(ProcessEvent::processId).containsExactly("after");
        }
    }

    @Test
    void more_than_the_bound_waiting_are_dropped_not_held() {
        try (EventPublisher publisher = new EventPublisher(connection::get, exchange, meters)) {
            List<ProcessEvent> thousand = IntStream.range(0, 1_000).mapToObj(i -> event("p" + i, 0, ProcessStatus.RUNNING)).toList();
            for (int i = 0; i < EventPublisher.MAX_QUEUED / 1_000 + 3; i++) {
                publisher.events(thousand); // not started: nothing leaves the queue
            }
            assertThat(meters.counter("caseflow.events.dropped").count()).isEqualTo(3_000);
        }
    }

    private List<GetResponse> drain(int expected) {
        List<GetResponse> received = new ArrayList<>();
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            GetResponse response;
            while ((response = adminChannel.basicGet(queue, true)) != null) {
                received.add(response);
            }
            return received.size() >= expected;
        });
        return received;
    }

    private static List<ProcessEvent> events(GetResponse message) {
        List<ProcessEvent> events = new ArrayList<>();
        Json.parse(message.getBody()).forEach(event -> events.add(ProcessEvent.fromJson(event)));
        return events;
    }

    private static ProcessEvent event(String process, long seq, ProcessStatus status) {
        return event(process, seq, status, "orders");
    }

    private static ProcessEvent event(String process, long seq, ProcessStatus status, String caseName) {
        return new ProcessEvent(process, new CaseKey(caseName, "v1"), 1, seq, status, "a", null, 1, Instant.now(), null, null);
    }

    private static Connection connect() throws Exception {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setUri(ExternalServices.RABBITMQ_URI);
        factory.setAutomaticRecoveryEnabled(false);
        return factory.newConnection("caseflow-test-events");
    }
}
