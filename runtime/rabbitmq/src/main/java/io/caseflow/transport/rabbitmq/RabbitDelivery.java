package io.caseflow.transport.rabbitmq;

import com.rabbitmq.client.AlreadyClosedException;
import io.caseflow.transport.Delivery;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A message the broker delivered, settled once: acknowledged, dead-lettered (published to the
 * dead-letter exchange with the reason in its headers, confirmed, then acknowledged), or — when it
 * cannot be handled right now, e.g. the store is down — kept and handed to the consumer again later
 * without going back to the broker, so an outage never counts against the delivery limit.
 */
final class RabbitDelivery implements Delivery {
    private static final Logger LOG = LoggerFactory.getLogger(RabbitDelivery.class);
    static final String REASON = "x-caseflow-reason";
    static final String DETAIL = "x-caseflow-detail";
    static final String SOURCE_QUEUE = "x-caseflow-source-queue";

    private final ConsumerGroup.DeliveryContext context;
    private final ConfirmingPublisher publisher;
    private final ScheduledExecutorService scheduler;
    private final Clock clock;
    private final AtomicBoolean settled = new AtomicBoolean();
    private final int localAttempts;

    RabbitDelivery(ConsumerGroup.DeliveryContext context, ConfirmingPublisher publisher, ScheduledExecutorService scheduler,
                   Clock clock, int localAttempts) {
        this.context = context;
        this.publisher = publisher;
        this.scheduler = scheduler;
        this.clock = clock;
        this.localAttempts = localAttempts;
    }

    Map<String, Object> headers() {
        Map<String, Object> headers = context.properties().getHeaders();
        return headers == null ? Map.of() : headers;
    }

    @Override
    public String queue() {
        return context.queue();
    }

    @Override
    public String body() {
        return new String(context.body(), StandardCharsets.UTF_8);
    }

    /** The body exactly as the broker delivered it, whatever its bytes. */
    byte[] rawBody() {
        return context.body().clone();
    }

    @Override
    public Instant dueAt() {
        return context.properties().getTimestamp() == null ? clock.instant() : context.properties().getTimestamp().toInstant();
    }

    @Override
    public int deliveryCount() {
        Map<String, Object> headers = context.properties().getHeaders();
        int broker = 1;
        if (headers != null && headers.get("x-delivery-count") instanceof Number earlier) {
            broker = earlier.intValue() + 1; // quorum queues count earlier deliveries
        } else if (context.envelope().isRedeliver()) {
            broker = 2;
        }
        return broker + localAttempts;
    }

    @Override
    public void ack() {
        if (!settled.compareAndSet(false, true)) {
            return;
        }
        try {
            context.channel().basicAck(context.envelope().getDeliveryTag(), false);
        } catch (IOException | AlreadyClosedException e) {
            // The channel is gone: the broker delivers the message again and the step fence drops it.
            LOG.debug("acknowledgement lost with its channel ({}); the message will come back as a duplicate", e.getMessage());
        } finally {
            context.group().settled();
        }
    }

    @Override
    public void retryLater(Duration delay) {
        if (!settled.compareAndSet(false, true)) {
            return;
        }
        RabbitDelivery again = new RabbitDelivery(context, publisher, scheduler, clock, localAttempts + 1);
        try {
            scheduler.schedule(() -> context.group().resubmit(again), delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            context.group().settled(); // shutting down: unacked, so the broker delivers it again
        }
    }

    @Override
    public void deadLetter(String reason, String detail) {
        if (!settled.compareAndSet(false, true)) {
            return;
        }
        Map<String, Object> headers = new HashMap<>();
        headers.put(REASON, reason);
        headers.put(DETAIL, detail.length() > 2000 ? detail.substring(0, 2000) : detail);
        headers.put(SOURCE_QUEUE, context.queue());
        publisher.publish(new ConfirmingPublisher.Message(publisher.topology().deadLetterExchange(), context.queue(), body(), clock.instant(),
                headers, false)).whenComplete((ok, error) -> {
            if (error == null) {
                settled.set(false);
                ack();
                LOG.warn("dead-lettered a message from {}: {} ({})", context.queue(), reason, detail);
            } else {
                LOG.warn("cannot dead-letter a message from {} yet ({}); keeping it", context.queue(), error.getMessage());
                settled.set(false);
                retryLater(Duration.ofSeconds(1));
            }
        });
    }
}
