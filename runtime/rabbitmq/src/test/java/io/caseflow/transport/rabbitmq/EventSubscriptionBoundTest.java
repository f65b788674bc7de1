package io.caseflow.transport.rabbitmq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.rabbitmq.client.BuiltinExchangeType;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.MessageProperties;
import io.caseflow.definition.CaseKey;
import io.caseflow.installation.Installation;
import io.caseflow.json.Json;
import io.caseflow.process.ProcessEvent;
import io.caseflow.process.ProcessStatus;
import io.caseflow.testing.ExternalServices;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** A monitor that stalls, on a real RabbitMQ: its queue stays within its bound, and it goes on with the newest events. */
class EventSubscriptionBoundTest {
    private static final int EVENTS_PER_MESSAGE = 40;

    @Test
    void a_monitor_that_stalls_never_holds_more_than_its_bound_on_the_broker_and_then_gets_the_newest_events() throws Exception {
        ExternalServices.requireRabbitMq();
        Installation installation = ExternalServices.freshInstallation();
        CaseKey key = new CaseKey("bound", "v1");
        long bound = 256 * 1024;
        CountDownLatch reading = new CountDownLatch(1);
        List<Long> seen = new CopyOnWriteArrayList<>();
        AtomicLong blocked = new AtomicLong();
        ConnectionFactory factory = new ConnectionFactory();
        factory.setUri(ExternalServices.RABBITMQ_URI);
        try (EventSubscription subscription = EventSubscription.open(ExternalServices.RABBITMQ_URI, installation, "#", event -> {
                 if (blocked.getAndIncrement() == 0) {
                     awaitQuietly(reading); // the monitor stalls on its first event
                 }
                 seen.add(event.seq());
             }, state -> { }, bound);
             Connection publisher = factory.newConnection("cf-test-bound-publisher")) {
            Channel channel = publisher.createChannel();
            channel.exchangeDeclare(RabbitTopology.events(installation), BuiltinExchangeType.TOPIC, true);
            channel.confirmSelect();
            int messages = 2_000;
            int bodyBytes = 0;
            for (int m = 0; m < messages; m++) {
                byte[] body = message(key, m).getBytes(StandardCharsets.UTF_8);
                bodyBytes = body.length;
                channel.basicPublish(RabbitTopology.events(installation), "bound.v1.running", MessageProperties.MINIMAL_BASIC, body);
            }
            channel.waitForConfirmsOrDie(30_000);
            long published = (long) messages * EVENTS_PER_MESSAGE;
            assertThat((long) messages * bodyBytes).as("published far more than the bound").isGreaterThan(20 * bound);

            long waiting = subscription.waitingOnBroker();
            assertThat(waiting * bodyBytes).as("bytes waiting on the broker for the stalled monitor").isLessThanOrEqualTo(bound);
            assertThat(waiting).as("the queue is full to its bound, the rest dropped").isGreaterThan(0);

            reading.countDown();
            long last = published - 1;
            await().atMost(Duration.ofSeconds(30)).until(() -> seen.contains(last));
            assertThat(seen.size()).as("events that reached the monitor").isLessThan((int) published);
            assertThat(seen).as("in order, with a gap where the broker dropped the oldest").isSorted();
            assertThat(gaps(seen)).isNotEmpty();
        } finally {
            ExternalServices.deleteInstallation(installation);
        }
    }

    /** One message of the runtime's format: a JSON array of events of one process, numbered on from {@code m}. */
    private static String message(CaseKey key, int m) {
        List<Object> events = new ArrayList<>(EVENTS_PER_MESSAGE);
        for (int i = 0; i < EVENTS_PER_MESSAGE; i++) {
            long seq = (long) m * EVENTS_PER_MESSAGE + i;
            events.add(new ProcessEvent("p-bound", key, 1, seq, ProcessStatus.RUNNING, "stage-" + seq, null, 1,
                    Instant.parse("2026-12-06T23:00:00Z"), null, null).toJson());
        }
        return Json.write(events);
    }

    private static List<Long> gaps(List<Long> seqs) {
        List<Long> gaps = new ArrayList<>();
        for (int i = 1; i < seqs.size(); i++) {
            if (seqs.get(i) != seqs.get(i - 1) + 1) {
                gaps.add(seqs.get(i - 1));
            }
        }
        return gaps;
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
