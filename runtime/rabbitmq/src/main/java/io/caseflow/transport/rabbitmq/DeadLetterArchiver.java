package io.caseflow.transport.rabbitmq;

import io.caseflow.store.OutboxStore;
import io.caseflow.transport.Delivery;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Copies what reaches the dead-letter exchange into the store's dead-letter table, so the monitor
 * lists dead letters the same way for every transport. Reads its own queue
 * ({@value #ARCHIVE_QUEUE}); {@value RabbitTopology#DEAD_LETTER_QUEUE} keeps every message for people
 * and tools.
 */
final class DeadLetterArchiver {
    private static final Logger LOG = LoggerFactory.getLogger(DeadLetterArchiver.class);
    static final String ARCHIVE_QUEUE = "caseflow.dead-letters.archive";

    private final OutboxStore outbox;

    DeadLetterArchiver(OutboxStore outbox) {
        this.outbox = outbox;
    }

    void archive(Delivery delivery, Map<String, Object> headers) {
        String reason = text(headers, RabbitDelivery.REASON);
        String detail = text(headers, RabbitDelivery.DETAIL);
        String source = text(headers, RabbitDelivery.SOURCE_QUEUE);
        if (reason == null) {
            // Dead-lettered by the broker itself (delivery limit, rejection): x-death says why and where.
            Map<String, Object> death = firstDeath(headers);
            reason = death == null ? "unknown" : String.valueOf(death.get("reason"));
            source = death == null ? "unknown" : String.valueOf(death.get("queue"));
            Object count = death == null ? null : death.get("count");
            detail = "the broker dead-lettered it (" + reason + ")" + (count == null ? "" : " after " + count + " time(s)")
                    + "; its consumer kept failing on it";
        }
        try {
            outbox.deadLetter(source, reason, detail == null ? reason : detail, delivery.body(), null);
            delivery.ack();
        } catch (RuntimeException e) {
            LOG.warn("cannot archive a dead letter yet ({}); keeping it", e.getMessage());
            delivery.retryLater(Duration.ofSeconds(2));
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> firstDeath(Map<String, Object> headers) {
        if (headers != null && headers.get("x-death") instanceof List<?> deaths && !deaths.isEmpty()
                && deaths.get(0) instanceof Map<?, ?> first) {
            return (Map<String, Object>) first;
        }
        return null;
    }

    private static String text(Map<String, Object> headers, String name) {
        Object value = headers == null ? null : headers.get(name);
        return value == null ? null : value.toString(); // LongString prints as its text
    }
}
