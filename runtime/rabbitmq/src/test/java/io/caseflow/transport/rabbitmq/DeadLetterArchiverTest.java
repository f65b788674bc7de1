package io.caseflow.transport.rabbitmq;

import static org.assertj.core.api.Assertions.assertThat;

import io.caseflow.message.DeadLetter;
import io.caseflow.store.Database;
import io.caseflow.store.OutboxStore;
import io.caseflow.testing.ExternalServices;
import io.caseflow.transport.Delivery;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The archive of dead letters on a real PostgreSQL, which refuses what a broker happily carries. */
class DeadLetterArchiverTest {
    private Database database;
    private OutboxStore outbox;
    private DeadLetterArchiver archiver;

    @BeforeEach
    void open() {
        database = Database.open(ExternalServices.freshPostgresSchema(), 2);
        outbox = new OutboxStore(database, Clock.systemUTC());
        archiver = new DeadLetterArchiver(outbox, "cf-test.dead-letters");
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void a_body_with_a_nul_byte_is_set_aside_in_base64_and_the_next_dead_letter_is_archived() {
        String poison = "{\"processId\": \"a\u0000b\"}";
        FakeDelivery first = new FakeDelivery(poison);
        archiver.archive(first, headers("malformed", "not valid JSON"), poison.getBytes(StandardCharsets.UTF_8));
        FakeDelivery second = new FakeDelivery("plain");
        archiver.archive(second, headers("malformed", "not valid JSON"), "plain".getBytes(StandardCharsets.UTF_8));

        assertThat(first.settled).isEqualTo("ack");
        assertThat(second.settled).isEqualTo("ack");
        List<DeadLetter> letters = outbox.deadLetters(10);
        assertThat(letters).hasSize(2);
        DeadLetter setAside = letters.get(1);
        assertThat(setAside.reason()).isEqualTo(DeadLetterArchiver.UNSTORABLE);
        assertThat(setAside.sourceQueue()).isEqualTo("caseflow.orders.v1.innerQ");
        assertThat(setAside.detail()).contains("base64", "malformed: not valid JSON");
        assertThat(new String(Base64.getDecoder().decode(setAside.body()), StandardCharsets.UTF_8)).isEqualTo(poison);
        assertThat(letters.get(0).body()).isEqualTo("plain");
    }

    @Test
    void a_reason_too_long_for_its_column_is_set_aside_too() {
        FakeDelivery delivery = new FakeDelivery("body");
        archiver.archive(delivery, headers("x".repeat(100), "a made-up reason"), "body".getBytes(StandardCharsets.UTF_8));
        assertThat(delivery.settled).isEqualTo("ack");
        assertThat(outbox.deadLetters(10)).singleElement().satisfies(d -> assertThat(d.reason()).isEqualTo(DeadLetterArchiver.UNSTORABLE));
    }

    private static Map<String, Object> headers(String reason, String detail) {
        return Map.of(RabbitDelivery.REASON, reason, RabbitDelivery.DETAIL, detail, RabbitDelivery.SOURCE_QUEUE, "caseflow.orders.v1.innerQ");
    }

    private static final class FakeDelivery implements Delivery {
        private final String body;
        String settled;

        FakeDelivery(String body) {
            this.body = body;
        }

        @Override
        public String queue() {
            return "cf-test.dead-letters.archive";
        }

        @Override
        public String body() {
            return body;
        }

        @Override
        public Instant dueAt() {
            return Instant.now();
        }

        @Override
        public int deliveryCount() {
            return 1;
        }

        @Override
        public void ack() {
            settled = "ack";
        }

        @Override
        public void retryLater(Duration delay) {
            settled = "retryLater";
        }

        @Override
        public void deadLetter(String reason, String detail) {
            settled = "deadLetter";
        }
    }
}
