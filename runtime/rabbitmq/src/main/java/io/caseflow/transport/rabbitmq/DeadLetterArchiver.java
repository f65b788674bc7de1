package io.caseflow.transport.rabbitmq;

import io.caseflow.store.OutboxStore;
import io.caseflow.store.StoreException;
import io.caseflow.transport.Delivery;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Copies what reaches the dead-letter exchange into the store's dead-letter table, so the monitor
 * lists dead letters the same way for every transport. Reads its own queue
 * ({@link RabbitTopology#archiveQueue()}); {@link RabbitTopology#deadLetterQueue()} keeps every message
 * for people and tools.
 *
 * <p>Only an unavailable store makes it wait. A message the store refuses as it is (a NUL byte
 * PostgreSQL cannot keep in text, a reason longer than its column) is set aside instead: archived
 * under reason {@value #UNSTORABLE} with its body in base64 and the original reason in the detail,
 * so one bad message never holds back the ones after it.
 */
final class DeadLetterArchiver {
    private static final Logger LOG = LoggerFactory.getLogger(DeadLetterArchiver.class);
    static final String UNSTORABLE = "unstorable";
    private static final Duration STORE_RETRY = Duration.ofSeconds(2);
    private static final int MAX_TEXT = 2000;

    private final OutboxStore outbox;
    private final String deadLetterQueue;

    DeadLetterArchiver(OutboxStore outbox, String deadLetterQueue) {
        this.outbox = outbox;
        this.deadLetterQueue = deadLetterQueue;
    }

    /** Archives {@code delivery} ({@code rawBody} is its body as the broker delivered it) and settles it. */
    void archive(Delivery delivery, Map<String, Object> headers, byte[] rawBody) {
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
        String why = detail == null ? reason : detail;
        try {
            outbox.deadLetter(source, reason, why, delivery.body(), null);
        } catch (RuntimeException refused) {
            if (StoreException.isUnavailable(refused)) {
                LOG.warn("cannot archive a dead letter yet ({}); keeping it", refused.getMessage());
                delivery.retryLater(STORE_RETRY);
                return;
            }
            if (!setAside(delivery, rawBody, source, reason, why, refused)) {
                return;
            }
        }
        delivery.ack();
    }

    /** False when the store went away meanwhile and the delivery will come again. */
    private boolean setAside(Delivery delivery, byte[] rawBody, String source, String reason, String detail, RuntimeException refused) {
        String note = "set aside: the store refused it as received (" + refused.getMessage() + "), so its body is kept in base64; "
                + "dead-lettered as " + reason + ": " + detail;
        try {
            outbox.deadLetter(printable(source == null ? "unknown" : source, 300), UNSTORABLE, printable(note, MAX_TEXT),
                    Base64.getEncoder().encodeToString(rawBody), null);
            LOG.warn("archived a dead letter from {} as {} (body in base64): {}", source, UNSTORABLE, refused.getMessage());
            return true;
        } catch (RuntimeException e) {
            if (StoreException.isUnavailable(e)) {
                delivery.retryLater(STORE_RETRY);
                return false;
            }
            // Still kept, unchanged, in the dead-letter queue for people and tools.
            LOG.error("cannot archive a dead letter from {} even in base64; it stays only in {}", source,
                    deadLetterQueue, e);
            return true;
        }
    }

    /** Text any store keeps: no control characters (a NUL ends PostgreSQL's patience), at most {@code max} characters. */
    private static String printable(String text, int max) {
        String clean = text.replaceAll("\\p{Cntrl}", "?");
        return clean.length() > max ? clean.substring(0, max) : clean;
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
