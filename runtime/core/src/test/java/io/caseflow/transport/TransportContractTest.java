package io.caseflow.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import io.caseflow.commit.WriteBatch;
import io.caseflow.engine.Engine;
import io.caseflow.engine.EngineMetrics;
import io.caseflow.handler.HandlerRegistry;
import io.caseflow.message.OutboxMessage;
import io.caseflow.store.Database;
import io.caseflow.store.JdbcDefinitionStore;
import io.caseflow.store.JdbcProcessStore;
import io.caseflow.store.OutboxStore;
import io.caseflow.store.ProcessStore;
import io.caseflow.taskid.TaskIdCodec;
import io.caseflow.tracing.Tracing;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What every transport promises the engine: at-least-once delivery, settled exactly one way. */
abstract class TransportContractTest {
    @TempDir
    Path dir;
    protected final String queue = "caseflow.contract-" + UUID.randomUUID().toString().substring(0, 8) + ".v1.innerQ";
    protected Database database;
    protected OutboxStore outbox;
    protected ProcessStore processes;
    private Transport transport;
    private Engine engine;
    private final List<Delivery> received = new CopyOnWriteArrayList<>();

    protected abstract Transport newTransport(OutboxStore outbox);

    @BeforeEach
    void open() {
        database = Database.open(Database.h2File(dir.resolve("store")), 4);
        processes = new JdbcProcessStore(database, Clock.systemUTC());
        outbox = new OutboxStore(database, Clock.systemUTC());
    }

    @AfterEach
    void close() {
        if (transport != null) {
            stop();
        }
        database.close();
        cleanUp();
    }

    protected void cleanUp() {
    }

    /**
     * Starts the transport as production does: with an engine made over it, whose group commit carries
     * the transport's own writes (acknowledgements, published messages). The engine serves no case.
     */
    private Transport start(Consumer<Delivery> consumer) {
        transport = newTransport(outbox);
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        engine = new Engine(processes, new JdbcDefinitionStore(database, Clock.systemUTC()), new HandlerRegistry(), transport,
                new TaskIdCodec(key), Clock.systemUTC(), new EngineMetrics(new SimpleMeterRegistry()), List.of(), 2, 64, Tracing.NONE);
        transport.consume("contract", Set.of(queue), 2, consumer);
        transport.start();
        return transport;
    }

    private void restart(Consumer<Delivery> consumer) {
        stop();
        start(consumer);
    }

    /** The transport first, then the engine, as the runtime closes them: the last acknowledgements are written. */
    private void stop() {
        transport.close();
        engine.close();
    }

    private OutboxMessage message(String body) {
        return new OutboxMessage(queue, null, OutboxMessage.Kind.SERVICE_REPLY, body, Instant.now());
    }

    @Test
    void a_consumed_queue_counts_its_consumer_and_a_queue_nobody_declared_counts_none() {
        start(Delivery::ack);
        await().atMost(Duration.ofSeconds(15)).until(() -> transport.consumerCount(queue), count -> count.equals(OptionalInt.of(1)));
        assertThat(transport.consumerCount(queue.replace("contract-", "nobody-"))).hasValue(0);
        assertThat(transport.consumerCount(queue)).as("still answers after asking about a missing queue").hasValue(1);
    }

    @Test
    void a_published_message_is_delivered_and_once_acknowledged_never_again() {
        start(d -> {
            received.add(d);
            d.ack();
        });
        transport.publish(message("{\"n\":1}"));
        await().atMost(Duration.ofSeconds(15)).until(() -> received.size() == 1);
        assertThat(received.get(0).body()).isEqualTo("{\"n\":1}");
        assertThat(received.get(0).queue()).isEqualTo(queue);
        assertThat(received.get(0).deliveryCount()).isEqualTo(1);
        restart(d -> {
            received.add(d);
            d.ack();
        });
        transport.publish(message("{\"n\":2}"));
        await().atMost(Duration.ofSeconds(15)).until(() -> received.size() == 2);
        assertThat(received.get(1).body()).isEqualTo("{\"n\":2}");
    }

    @Test
    void a_message_never_acknowledged_comes_back_after_a_restart() {
        start(received::add); // takes it and never settles it, as a consumer that died would
        transport.publish(message("{\"n\":3}"));
        await().atMost(Duration.ofSeconds(15)).until(() -> received.size() == 1);
        List<Delivery> again = new CopyOnWriteArrayList<>();
        restart(d -> {
            again.add(d);
            d.ack();
        });
        await().atMost(Duration.ofSeconds(30)).until(() -> !again.isEmpty());
        assertThat(again.get(0).body()).isEqualTo("{\"n\":3}");
        assertThat(again.get(0).deliveryCount()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void retry_later_delivers_the_same_message_again_counting_the_attempt() {
        start(d -> {
            received.add(d);
            if (received.size() < 3) {
                d.retryLater(Duration.ofMillis(100));
            } else {
                d.ack();
            }
        });
        transport.publish(message("{\"n\":4}"));
        await().atMost(Duration.ofSeconds(15)).until(() -> received.size() == 3);
        assertThat(received).extracting(Delivery::body).containsOnly("{\"n\":4}");
        assertThat(received.get(2).deliveryCount()).isGreaterThan(received.get(0).deliveryCount());
    }

    @Test
    void a_dead_letter_keeps_the_message_with_its_reason() {
        start(d -> d.deadLetter("malformed", "field 'x' is missing"));
        transport.publish(message("{\"bad\":true}"));
        await().atMost(Duration.ofSeconds(20)).until(() -> outbox.deadLetters(10).stream().anyMatch(l -> l.sourceQueue().equals(queue)));
        var letter = outbox.deadLetters(10).stream().filter(l -> l.sourceQueue().equals(queue)).findFirst().orElseThrow();
        assertThat(letter.reason()).isEqualTo("malformed");
        assertThat(letter.detail()).isEqualTo("field 'x' is missing");
        assertThat(letter.body()).isEqualTo("{\"bad\":true}");
    }

    @Test
    void committed_outbox_rows_are_delivered_and_a_timer_only_when_due() {
        start(d -> {
            received.add(d);
            d.ack();
        });
        OutboxMessage now = new OutboxMessage(queue, null, OutboxMessage.Kind.STAGE_DUE, "{\"t\":\"now\"}", Instant.now());
        OutboxMessage later = new OutboxMessage(queue, null, OutboxMessage.Kind.STAGE_DUE, "{\"t\":\"later\"}",
                Instant.now().plusMillis(1500));
        var result = processes.commit(new WriteBatch(List.of(), List.of(), List.of(now, later), List.of()),
                transport.claimPolicy());
        transport.committed(result.messages());
        await().atMost(Duration.ofSeconds(15)).until(() -> received.size() == 1);
        assertThat(received.get(0).body()).isEqualTo("{\"t\":\"now\"}");
        Instant seen = Instant.now();
        await().atMost(Duration.ofSeconds(15)).until(() -> received.size() == 2);
        assertThat(received.get(1).body()).isEqualTo("{\"t\":\"later\"}");
        assertThat(received.get(1).dueAt()).isAfter(seen.minusMillis(1500));
        await().atMost(Duration.ofSeconds(15)).until(() -> outbox.pendingCount() == 0);
    }

    /** Shared setup for broker-backed transports. */
    static SimpleMeterRegistry meters() {
        return new SimpleMeterRegistry();
    }

}
