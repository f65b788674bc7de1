package io.caseflow.service;

import io.caseflow.message.MalformedMessageException;
import io.caseflow.message.Messages;
import io.caseflow.message.OutboxMessage;
import io.caseflow.message.ServiceReply;
import io.caseflow.message.ServiceRequest;
import io.caseflow.tracing.Tracing;
import io.caseflow.transport.Delivery;
import io.caseflow.transport.Transport;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Scope;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Java service taking part in cases: it consumes its request queue, applies each command once per
 * task id through an {@link IdempotentInbox}, and sends the reply to the request's {@code replyTo}
 * queue. Works over any {@link Transport}.
 *
 * <pre>{@code
 * ServiceEndpoint.builder("warehouse", inbox)
 *         .command("reserveStock", warehouse::reserve)
 *         .command("releaseStock", warehouse::release)
 *         .build()
 *         .attach(transport, 4);
 * }</pre>
 */
public final class ServiceEndpoint {
    private static final Logger LOG = LoggerFactory.getLogger(ServiceEndpoint.class);

    private final String service;
    private final IdempotentInbox inbox;
    private final Map<String, CommandHandler> commands;
    private final Clock clock;
    private Tracing tracing; // null until attached, unless the builder was given one
    private final AtomicLong applied = new AtomicLong();
    private final AtomicLong repeats = new AtomicLong();
    private Transport transport;

    private ServiceEndpoint(String service, IdempotentInbox inbox, Map<String, CommandHandler> commands, Clock clock, Tracing tracing) {
        this.service = service;
        this.inbox = inbox;
        this.commands = Map.copyOf(commands);
        this.clock = clock;
        this.tracing = tracing;
    }

    public static Builder builder(String service, IdempotentInbox inbox) {
        return new Builder(service, inbox);
    }

    public String service() {
        return service;
    }

    public IdempotentInbox inbox() {
        return inbox;
    }

    /** Commands applied by this endpoint since it started (not counting repeats). */
    public long appliedCount() {
        return applied.get();
    }

    /** Repeated requests recognised and answered with the stored reply. */
    public long repeatCount() {
        return repeats.get();
    }

    /** Starts consuming this service's request queue with up to {@code concurrency} commands at once. */
    public ServiceEndpoint attach(Transport target, int concurrency) {
        return attach(target, concurrency, Tracing.NONE);
    }

    /**
     * As {@link #attach(Transport, int)}, for a service hosted by a runtime: its spans go where the host's go,
     * unless this endpoint was built with its own.
     */
    public ServiceEndpoint attach(Transport target, int concurrency, Tracing hostTracing) {
        if (tracing == null) {
            tracing = hostTracing;
        }
        this.transport = target;
        target.consume("service-" + service, Set.of(target.installation().serviceRequests(service)), concurrency, this::onRequest);
        return this;
    }

    private void onRequest(Delivery delivery) {
        ServiceRequest request;
        try {
            request = Messages.parseRequest(delivery.body());
        } catch (MalformedMessageException e) {
            delivery.deadLetter("malformed", e.getMessage());
            return;
        }
        if (!service.equals(request.service())) {
            delivery.deadLetter("wrong_service", "request for service '" + request.service() + "' reached service '" + service + "'");
            return;
        }
        Span span = tracing.start("service " + service + " " + request.command(), SpanKind.CONSUMER, request.traceparent())
                .setAttribute(Tracing.SERVICE, service).setAttribute(Tracing.COMMAND, request.command())
                .setAttribute(Tracing.TASK_ID, request.taskId());
        try (Scope ignored = span.makeCurrent()) {
            handle(delivery, request, Tracing.traceparent(span, request.traceparent()));
        } finally {
            span.end();
        }
    }

    private void handle(Delivery delivery, ServiceRequest request, String traceparent) {
        CommandHandler handler = commands.get(request.command());
        ServiceReply reply;
        try {
            if (handler == null) {
                // Deterministic, so it needs no inbox row: every repeat gets the same answer.
                reply = ServiceReply.error(request.taskId(), "service '" + service + "' has no command '" + request.command()
                        + "'; it has: " + String.join(", ", new TreeMap<>(commands).keySet()));
            } else {
                IdempotentInbox.Handled handled = inbox.handle(request, handler);
                (handled.repeat() ? repeats : applied).incrementAndGet();
                reply = handled.reply();
            }
            if (reply.traceparent() == null) {
                reply = reply.withTraceparent(traceparent); // stored replies carry no trace context: this delivery's
            }
        } catch (Exception e) {
            LOG.warn("service {} failed on command {} (delivery {}); it will be delivered again", service, request.command(),
                    delivery.deliveryCount(), e);
            if (delivery.deliveryCount() >= 10) {
                delivery.deadLetter("handling_failed", "command '" + request.command() + "' failed " + delivery.deliveryCount()
                        + " times; last error: " + e);
            } else {
                delivery.retryLater(Duration.ofSeconds(1));
            }
            return;
        }
        try {
            transport.publishAnswering(new OutboxMessage(request.replyTo(), null, OutboxMessage.Kind.SERVICE_REPLY,
                    Messages.write(reply), clock.instant()), delivery);
        } catch (RuntimeException e) {
            LOG.warn("service {} cannot send the reply for task {} ({}); the request is delivered again and the stored reply resent",
                    service, request.taskId(), e.getMessage());
            delivery.retryLater(Duration.ofSeconds(1));
        }
    }

    /** Collects a service's commands. */
    public static final class Builder {
        private final String service;
        private final IdempotentInbox inbox;
        private final Map<String, CommandHandler> commands = new TreeMap<>();
        private Clock clock = Clock.systemUTC();
        private Tracing tracing;

        private Builder(String service, IdempotentInbox inbox) {
            this.service = service;
            this.inbox = inbox;
        }

        public Builder command(String name, CommandHandler handler) {
            if (commands.putIfAbsent(name, handler) != null) {
                throw new IllegalArgumentException("service '" + service + "' already has command '" + name + "'");
            }
            return this;
        }

        public Builder clock(Clock value) {
            this.clock = value;
            return this;
        }

        /**
         * Where this service's spans go. Without it, a service attached to a runtime uses the runtime's; otherwise nothing is
         * recorded and the request's trace context is copied to the reply.
         */
        public Builder openTelemetry(OpenTelemetry value) {
            this.tracing = Tracing.of(value);
            return this;
        }

        public ServiceEndpoint build() {
            return new ServiceEndpoint(service, inbox, commands, clock, tracing);
        }
    }
}
