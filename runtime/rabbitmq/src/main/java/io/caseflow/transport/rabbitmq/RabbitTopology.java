package io.caseflow.transport.rabbitmq;

import com.rabbitmq.client.BuiltinExchangeType;
import com.rabbitmq.client.Channel;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Declares everything caseflow needs on the broker, idempotently, with names a person recognises from
 * the original design:
 *
 * <ul>
 *   <li>exchange {@value #EXCHANGE} (direct): every queue is bound under its own name;</li>
 *   <li>per case api {@code caseflow.<case>.<api>.innerQ} (stage hand-offs, timers) and
 *       {@code caseflow.<case>.<api>.serviceQ} (service replies);</li>
 *   <li>per service {@code caseflow.service.<service>.requests};</li>
 *   <li>exchange {@value #EVENTS} (topic) of monitor events, routing key {@code <case>.<api>.<status>};</li>
 *   <li>exchange {@value #DEAD_LETTER_EXCHANGE} and queue {@value #DEAD_LETTER_QUEUE}: what could not be handled.</li>
 * </ul>
 *
 * Queues are durable; quorum queues (the default) get a delivery limit and at-least-once
 * dead-lettering, so a poison message ends in the dead-letter queue instead of looping forever.
 */
public final class RabbitTopology {
    public static final String EXCHANGE = "caseflow";
    public static final String EVENTS = "caseflow.events";
    public static final String DEAD_LETTER_EXCHANGE = "caseflow.dlx";
    public static final String DEAD_LETTER_QUEUE = "caseflow.dead-letters";

    private final RabbitSettings settings;
    private final Set<String> declared = ConcurrentHashMap.newKeySet();
    private final Set<String> special = ConcurrentHashMap.newKeySet();

    public RabbitTopology(RabbitSettings settings) {
        this.settings = settings;
    }

    /** The exchanges and the dead-letter queue. */
    public void declareBase(Channel channel) throws IOException {
        channel.exchangeDeclare(EXCHANGE, BuiltinExchangeType.DIRECT, true);
        channel.exchangeDeclare(EVENTS, BuiltinExchangeType.TOPIC, true);
        channel.exchangeDeclare(DEAD_LETTER_EXCHANGE, BuiltinExchangeType.FANOUT, true);
        Map<String, Object> args = new HashMap<>();
        if (settings.quorumQueues()) {
            args.put("x-queue-type", "quorum");
        }
        declare(channel, DEAD_LETTER_QUEUE, args);
        channel.queueBind(DEAD_LETTER_QUEUE, DEAD_LETTER_EXCHANGE, "");
    }

    /** A work queue (innerQ, serviceQ, a service's requests), bound to {@value #EXCHANGE} under its name. */
    public void ensureQueue(Channel channel, String queue) throws IOException {
        if (declared.contains(queue)) {
            return;
        }
        declare(channel, queue, workQueueArguments());
        channel.queueBind(queue, EXCHANGE, queue);
        declared.add(queue);
    }

    /** A queue declared with its own settings (not a work queue); {@link #ensureQueue} leaves it alone. */
    void declaredElsewhere(String queue) {
        special.add(queue);
        declared.add(queue);
    }

    /** Forgets what was declared, e.g. after the broker restarted and may have lost non-durable state. */
    public void forget() {
        declared.retainAll(special);
    }

    Map<String, Object> workQueueArguments() {
        Map<String, Object> args = new HashMap<>();
        args.put("x-dead-letter-exchange", DEAD_LETTER_EXCHANGE);
        if (settings.quorumQueues()) {
            args.put("x-queue-type", "quorum");
            args.put("x-delivery-limit", settings.deliveryLimit());
            args.put("x-dead-letter-strategy", "at-least-once");
            args.put("x-overflow", "reject-publish");
        }
        return args;
    }

    private void declare(Channel channel, String queue, Map<String, Object> args) throws IOException {
        try {
            channel.queueDeclare(queue, true, false, false, args);
        } catch (IOException e) {
            throw new IOException("cannot declare queue '" + queue + "' (" + rootMessage(e) + "). If it exists with other "
                    + "settings (classic vs quorum, another delivery limit), delete it or match its settings (quorum="
                    + settings.quorumQueues() + ")", e);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage();
    }
}
