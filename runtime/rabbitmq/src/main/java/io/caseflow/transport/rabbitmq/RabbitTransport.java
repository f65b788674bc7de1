package io.caseflow.transport.rabbitmq;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.Recoverable;
import com.rabbitmq.client.RecoveryListener;
import com.rabbitmq.client.ShutdownSignalException;
import com.rabbitmq.client.impl.MicrometerMetricsCollector;
import io.caseflow.commit.ClaimPolicy;
import io.caseflow.commit.StoredMessage;
import io.caseflow.concurrent.Backoff;
import io.caseflow.concurrent.DaemonThreads;
import io.caseflow.concurrent.Sleeper;
import io.caseflow.installation.Installation;
import io.caseflow.message.OutboxMessage;
import io.caseflow.process.ProcessEventListener;
import io.caseflow.store.OutboxStore;
import io.caseflow.transport.Delivery;
import io.caseflow.transport.SharedWriter;
import io.caseflow.transport.Transport;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.io.IOException;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The scale-out transport: the engine's outbox rows are relayed to RabbitMQ with publisher confirms,
 * consumers take messages with manual acknowledgements after the commit and a bounded prefetch, and a
 * message that can never be handled goes to the dead-letter exchange with the reason in its headers.
 *
 * <pre>{@code
 * RabbitSettings rabbit = RabbitSettings.defaults("amqp://guest:guest@localhost");
 * CaseflowRuntime runtime = CaseflowRuntime.builder().jdbcUrl(pgUrl).installation(Installation.named("staging"))
 *         .transport((installation, outbox, clock, meters) -> new RabbitTransport(rabbit, installation, outbox, clock, meters))...;
 * }</pre>
 *
 * <p>Thread-safe. Only this package imports {@code com.rabbitmq}.
 */
public final class RabbitTransport implements Transport {
    private static final Logger LOG = LoggerFactory.getLogger(RabbitTransport.class);

    private final RabbitSettings settings;
    private final OutboxStore outbox;
    private final Clock clock;
    private final MeterRegistry meters;
    private final String nodeId;
    private final RabbitTopology topology;
    private final EventPublisher events;
    private final Map<String, ConsumerGroup> groups = new ConcurrentHashMap<>();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(DaemonThreads.factory("caseflow-rabbit-scheduler"));
    private volatile Connection connection;
    private volatile boolean running;
    private ConfirmingPublisher publisher;
    private OutboxRelay relay;
    private SharedWriter writer;
    private boolean archiveDeadLetters;

    public RabbitTransport(RabbitSettings settings, Installation installation, OutboxStore outbox, Clock clock, MeterRegistry meters) {
        this.settings = settings;
        this.outbox = outbox;
        this.clock = clock;
        this.meters = meters;
        this.nodeId = nodeName();
        this.topology = new RabbitTopology(settings, installation);
        this.events = new EventPublisher(() -> connection, topology.events(), meters);
    }

    /** Also copy what reaches the dead-letter exchange into the store (the server does this). */
    public RabbitTransport archivingDeadLetters() {
        this.archiveDeadLetters = true;
        return this;
    }

    @Override
    public Installation installation() {
        return topology.installation();
    }

    public String nodeId() {
        return nodeId;
    }

    @Override
    public synchronized void consume(String name, Set<String> queues, int concurrency, Consumer<Delivery> consumer) {
        boolean fresh = !groups.containsKey(name);
        ConsumerGroup group = groups.computeIfAbsent(name, n -> new ConsumerGroup(n, concurrency, settings.prefetch(), consumer, () -> connection,
                topology, this::delivery, scheduler));
        try {
            group.addQueues(queues);
            if (fresh && running) {
                group.start();
            }
        } catch (IOException e) {
            throw new TransportException("cannot consume " + queues + ": " + e.getMessage(), e);
        }
    }

    private Delivery delivery(ConsumerGroup.DeliveryContext context) {
        return new RabbitDelivery(context, publisher, scheduler, clock, 0);
    }

    @Override
    public ClaimPolicy claimPolicy() {
        // Every row this node commits, it relays itself at once; the lease lets another node take over if it dies.
        return ClaimPolicy.of(message -> running ? nodeId : null, settings.relayLease());
    }

    @Override
    public void committed(List<StoredMessage> claimed) {
        if (!claimed.isEmpty()) {
            relay.relay(claimed);
        }
    }

    @Override
    public void publish(OutboxMessage message) {
        try {
            publisher.publish(publisher.toQueue(message.destination(), message.body(), message.availableAt()))
                    .get(settings.confirmTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new TransportException("publishing to " + message.destination() + " failed: " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new TransportException("no confirm for a message to " + message.destination() + " within "
                    + settings.confirmTimeout(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransportException("interrupted while publishing to " + message.destination(), e);
        }
    }

    @Override
    public void shareWriter(SharedWriter sharedWriter) {
        this.writer = sharedWriter;
    }

    @Override
    public boolean isHealthy() {
        Connection current = connection;
        return running && current != null && current.isOpen() && groups.values().stream().allMatch(ConsumerGroup::isConsuming);
    }

    /**
     * The broker's count of consumers on {@code queue}, from every node, by a passive declare on a channel of its
     * own (the broker closes a channel that asks about a missing queue). A queue nobody declared has 0 consumers;
     * an unreachable broker answers empty.
     */
    @Override
    public OptionalInt consumerCount(String queue) {
        Connection current = connection;
        if (!running || current == null || !current.isOpen()) {
            return OptionalInt.empty();
        }
        Channel channel = null;
        try {
            channel = current.createChannel();
            return OptionalInt.of(channel.queueDeclarePassive(queue).getConsumerCount());
        } catch (IOException | RuntimeException e) {
            if (isNotFound(e)) {
                return OptionalInt.of(0);
            }
            LOG.debug("cannot count the consumers of {}: {}", queue, e.getMessage());
            return OptionalInt.empty();
        } finally {
            Channels.closeQuietly(channel);
        }
    }

    private static boolean isNotFound(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof ShutdownSignalException signal && signal.getReason() instanceof AMQP.Channel.Close close
                    && close.getReplyCode() == AMQP.NOT_FOUND) {
                return true;
            }
        }
        return false;
    }

    /** An engine listener that publishes every committed transition to the installation's events exchange. */
    @Override
    public Optional<ProcessEventListener> eventPublisher() {
        return Optional.of(events);
    }

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        connection = connectWithRetry();
        publisher = new ConfirmingPublisher(() -> connection, topology, settings.confirmWindow(), settings.confirmTimeout());
        try (Channel channel = connection.createChannel()) {
            topology.declareBase(channel);
            if (archiveDeadLetters) {
                channel.queueDeclare(topology.archiveQueue(), true, false, false,
                        settings.quorumQueues() ? Map.of("x-queue-type", "quorum") : Map.of());
                channel.queueBind(topology.archiveQueue(), topology.deadLetterExchange(), "");
                topology.declaredElsewhere(topology.archiveQueue());
            }
        } catch (IOException | TimeoutException e) {
            throw new TransportException("cannot declare caseflow's exchanges on " + settings.redactedUri() + ": " + e.getMessage(), e);
        }
        if (archiveDeadLetters) {
            DeadLetterArchiver archiver = new DeadLetterArchiver(outbox, topology.deadLetterQueue());
            groups.put("dead-letter-archive", new ConsumerGroup("dead-letter-archive", 1, 10,
                    d -> archiver.archive(d, ((RabbitDelivery) d).headers(), ((RabbitDelivery) d).rawBody()), () -> connection, topology,
                    this::delivery, scheduler));
            try {
                groups.get("dead-letter-archive").addQueues(Set.of(topology.archiveQueue()));
            } catch (IOException e) {
                throw new TransportException("cannot consume the dead-letter archive: " + e.getMessage(), e);
            }
        }
        relay = new OutboxRelay(outbox, publisher, nodeId, settings.relayLease(), clock, meters);
        relay.useWriter(writer);
        running = true;
        for (ConsumerGroup group : groups.values()) {
            try {
                group.start();
            } catch (IOException e) {
                throw new TransportException("consumer " + group.name + " cannot start: " + e.getMessage(), e);
            }
        }
        relay.start();
        events.start();
        LOG.info("RabbitMQ transport started on {} as {} for installation {} ({} queues)", settings.redactedUri(), nodeId, installation(),
                settings.quorumQueues() ? "quorum" : "classic");
    }

    private Connection connectWithRetry() {
        ConnectionFactory factory = new ConnectionFactory();
        try {
            factory.setUri(settings.uri());
        } catch (Exception e) {
            throw new TransportException("the broker URI " + settings.redactedUri() + " is not valid: " + e.getMessage(), e);
        }
        factory.setAutomaticRecoveryEnabled(true);
        factory.setTopologyRecoveryEnabled(true);
        factory.setNetworkRecoveryInterval(2000);
        factory.setRequestedHeartbeat((int) settings.heartbeat().toSeconds());
        factory.setConnectionTimeout(10_000);
        // the client's own meters: connections, channels, published/confirmed/nacked/returned/consumed/acked messages
        factory.setMetricsCollector(new MicrometerMetricsCollector(meters, "rabbitmq", Tags.of("connection", settings.connectionName())));
        Backoff backoff = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(15));
        while (true) {
            try {
                Connection fresh = factory.newConnection(settings.connectionName() + "@" + nodeId);
                if (fresh instanceof Recoverable recoverable) {
                    recoverable.addRecoveryListener(new RecoveryListener() {
                        @Override
                        public void handleRecovery(Recoverable recovered) {
                            LOG.info("RabbitMQ connection recovered");
                            topology.forget();
                        }

                        @Override
                        public void handleRecoveryStarted(Recoverable recovering) {
                            LOG.warn("RabbitMQ connection lost; recovering");
                        }
                    });
                }
                return fresh;
            } catch (IOException | TimeoutException e) {
                Duration pause = backoff.nextDelay();
                LOG.warn("RabbitMQ at {} is not reachable ({}); trying again in {} s", settings.redactedUri(), e.getMessage(),
                        pause.toSeconds());
                if (!Sleeper.sleep(pause)) {
                    throw new TransportException("interrupted while connecting to " + settings.redactedUri(), e);
                }
            }
        }
    }

    @Override
    public synchronized void close() {
        if (!running) {
            return;
        }
        groups.values().forEach(ConsumerGroup::stop);
        running = false;
        if (relay != null) {
            relay.close();
        }
        if (publisher != null) {
            publisher.close();
        }
        events.close();
        scheduler.shutdownNow();
        Connection current = connection;
        if (current != null && current.isOpen()) {
            try {
                current.close(5000);
            } catch (IOException | RuntimeException e) {
                LOG.debug("closing the RabbitMQ connection: {}", e.getMessage());
            }
        }
    }

    private static String nodeName() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            host = "host";
        }
        return host + "-" + ProcessHandle.current().pid() + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
