package io.caseflow.transport.rabbitmq;

import java.time.Duration;

/**
 * How the RabbitMQ transport connects and declares its queues. Start from {@link #defaults(String)}.
 *
 * @param uri            {@code amqp://user:password@host:5672/vhost}; never logged with its password
 * @param quorumQueues   quorum queues (replicated, with a delivery limit) rather than classic ones
 * @param deliveryLimit  deliveries of one message before the broker dead-letters it (quorum queues)
 * @param heartbeat      how soon a dead or frozen peer is noticed
 * @param confirmWindow  published messages awaiting a broker confirm at most
 * @param confirmTimeout how long a publish waits for its confirm before it counts as failed
 * @param relayLease     how long a relaying node holds outbox rows before another node may take them
 * @param prefetch       unacknowledged messages a consumer may hold: handled messages wait for their group
 *                       commit before they are acknowledged, so this must cover a commit's worth of work
 */
public record RabbitSettings(String uri, boolean quorumQueues, int deliveryLimit, Duration heartbeat, int confirmWindow,
                             Duration confirmTimeout, Duration relayLease, String connectionName, int prefetch) {

    public static final int DEFAULT_DELIVERY_LIMIT = 10;
    public static final Duration DEFAULT_HEARTBEAT = Duration.ofSeconds(10);
    public static final int DEFAULT_CONFIRM_WINDOW = 1024;
    public static final Duration DEFAULT_CONFIRM_TIMEOUT = Duration.ofSeconds(30);
    public static final Duration DEFAULT_RELAY_LEASE = Duration.ofSeconds(10);
    public static final int DEFAULT_PREFETCH = 250;

    public RabbitSettings {
        if (uri == null || !(uri.startsWith("amqp://") || uri.startsWith("amqps://"))) {
            throw new IllegalArgumentException("the broker URI must start with amqp:// or amqps://");
        }
        if (deliveryLimit < 1 || deliveryLimit > 1000) {
            throw new IllegalArgumentException("deliveryLimit must be 1 to 1000, was " + deliveryLimit);
        }
        if (confirmWindow < 1 || confirmWindow > 100_000) {
            throw new IllegalArgumentException("confirmWindow must be 1 to 100000, was " + confirmWindow);
        }
        if (prefetch < 1 || prefetch > 65_535) {
            throw new IllegalArgumentException("prefetch must be 1 to 65535, was " + prefetch);
        }
        if (heartbeat.isNegative() || heartbeat.toSeconds() > 600) {
            throw new IllegalArgumentException("heartbeat must be 0 to 600 seconds, was " + heartbeat);
        }
    }

    public static RabbitSettings defaults(String uri) {
        return new RabbitSettings(uri, true, DEFAULT_DELIVERY_LIMIT, DEFAULT_HEARTBEAT, DEFAULT_CONFIRM_WINDOW,
                DEFAULT_CONFIRM_TIMEOUT, DEFAULT_RELAY_LEASE, "caseflow", DEFAULT_PREFETCH);
    }

    public RabbitSettings withQuorumQueues(boolean value) {
        return new RabbitSettings(uri, value, deliveryLimit, heartbeat, confirmWindow, confirmTimeout, relayLease, connectionName, prefetch);
    }

    public RabbitSettings withHeartbeat(Duration value) {
        return new RabbitSettings(uri, quorumQueues, deliveryLimit, value, confirmWindow, confirmTimeout, relayLease, connectionName, prefetch);
    }

    public RabbitSettings withDeliveryLimit(int value) {
        return new RabbitSettings(uri, quorumQueues, value, heartbeat, confirmWindow, confirmTimeout, relayLease, connectionName, prefetch);
    }

    public RabbitSettings withConnectionName(String value) {
        return new RabbitSettings(uri, quorumQueues, deliveryLimit, heartbeat, confirmWindow, confirmTimeout, relayLease, value, prefetch);
    }

    public RabbitSettings withPrefetch(int value) {
        return new RabbitSettings(uri, quorumQueues, deliveryLimit, heartbeat, confirmWindow, confirmTimeout, relayLease, connectionName, value);
    }

    public RabbitSettings withRelayLease(Duration value) {
        return new RabbitSettings(uri, quorumQueues, deliveryLimit, heartbeat, confirmWindow, confirmTimeout, value, connectionName, prefetch);
    }

    /** The URI without its password, for logs and messages. */
    public String redactedUri() {
        return uri.replaceAll("(amqps?://[^:/@]*):[^@]*@", "$1:***@");
    }

    @Override
    public String toString() {
        return "RabbitSettings[uri=" + redactedUri() + ", quorumQueues=" + quorumQueues + ", deliveryLimit=" + deliveryLimit
                + ", heartbeat=" + heartbeat + "]";
    }
}
