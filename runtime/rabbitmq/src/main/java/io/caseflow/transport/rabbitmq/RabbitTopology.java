package io.caseflow.transport.rabbitmq;

import com.rabbitmq.client.BuiltinExchangeType;
import com.rabbitmq.client.Channel;
import io.caseflow.installation.Installation;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Declares everything an installation needs on the broker, idempotently, with names a person recognises
 * from the original design. For the default installation {@code caseflow} (another installation's name
 * replaces that first word everywhere):
 *
 * <ul>
 *   <li>exchange {@code caseflow} (direct): every queue is bound under its own name;</li>
 *   <li>per case api {@code caseflow.<case>.<api>.innerQ} (stage hand-offs, timers) and
 *       {@code caseflow.<case>.<api>.serviceQ} (service replies);</li>
 *   <li>per service {@code caseflow.service.<service>.requests};</li>
 *   <li>exchange {@code caseflow.events} (topic) of monitor events, routing key {@code <case>.<api>.<status>};</li>
 *   <li>exchange {@code caseflow.dlx} and queue {@code caseflow.dead-letters}: what could not be handled;
 *       the server archives it into the store through {@code caseflow.dead-letters.archive}.</li>
 * </ul>
 *
 * Queues are durable; quorum queues (the default) get a delivery limit and at-least-once
 * dead-lettering, so a poison message ends in the dead-letter queue instead of looping forever.
 */
public final class RabbitTopology {
    private final RabbitSettings settings;
    private final Installation installation;
    private final Set<String> declared = ConcurrentHashMap.newKeySet();
    private final Set<String> special = ConcurrentHashMap.newKeySet();

    public RabbitTopology(RabbitSettings settings, Installation installation) {
        this.settings = settings;
        this.installation = installation;
    }

    public Installation installation() {
        return installation;
    }

    /** The direct exchange every work queue is bound to under its own name. */
    public String exchange() {
        return installation.name();
    }

    /** The topic exchange of monitor events. */
    public String events() {
        return events(installation);
    }

    /** The events exchange of {@code installation}, for subscribers that declare nothing else. */
    public static String events(Installation installation) {
        return installation.prefix() + "events";
    }

    public String deadLetterExchange() {
        return installation.prefix() + "dlx";
    }

    /** Every dead letter, kept for people and tools. */
    public String deadLetterQueue() {
        return installation.prefix() + "dead-letters";
    }

    /** The server's copy of every dead letter, which it archives into the store. */
    public String archiveQueue() {
        return installation.prefix() + "dead-letters.archive";
    }

    /** The exchanges and the dead-letter queue. */
    public void declareBase(Channel channel) throws IOException {
        channel.exchangeDeclare(exchange(), BuiltinExchangeType.DIRECT, true);
        channel.exchangeDeclare(events(), BuiltinExchangeType.TOPIC, true);
        channel.exchangeDeclare(deadLetterExchange(), BuiltinExchangeType.FANOUT, true);
        Map<String, Object> args = new HashMap<>();
        if (settings.quorumQueues()) {
            args.put("x-queue-type", "quorum");
        }
        declare(channel, deadLetterQueue(), args);
        channel.queueBind(deadLetterQueue(), deadLetterExchange(), "");
    }

    /** A work queue (innerQ, serviceQ, a service's requests), bound to {@link #exchange()} under its name. */
    public void ensureQueue(Channel channel, String queue) throws IOException {
        if (declared.contains(queue)) {
            return;
        }
        declare(channel, queue, workQueueArguments());
        channel.queueBind(queue, exchange(), queue);
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
        args.put("x-dead-letter-exchange", deadLetterExchange());
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
