package io.caseflow.designer.monitor.source;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.caseflow.audit.AuditEvent;
import io.caseflow.client.ApiException;
import io.caseflow.client.CaseflowClient;
import io.caseflow.definition.CaseDefinition;
import io.caseflow.definition.CaseKey;
import io.caseflow.definition.DeployedDefinition;
import io.caseflow.designer.monitor.ConnectionState;
import io.caseflow.designer.monitor.DeadLetterSettlement;
import io.caseflow.designer.monitor.MonitorSource;
import io.caseflow.designer.monitor.RetentionControl;
import io.caseflow.designer.monitor.SourceUnavailableException;
import io.caseflow.job.JobRequest;
import io.caseflow.job.JobSnapshot;
import io.caseflow.message.DeadLetter;
import io.caseflow.process.ActionResult;
import io.caseflow.process.MigrationReport;
import io.caseflow.process.ProcessEvent;
import io.caseflow.process.ProcessNotFoundException;
import io.caseflow.process.ProcessPage;
import io.caseflow.process.ProcessQuery;
import io.caseflow.process.ProcessSnapshot;
import io.caseflow.process.ProcessStatus;
import io.caseflow.process.StageRun;
import io.caseflow.transport.rabbitmq.EventSubscription;
import io.caseflow.worker.WorkerSnapshot;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The monitor's source for a runtime elsewhere: snapshots over the HTTP API with a read-only token,
 * actions with the API token (without one the monitor is read-only and says so), and live events
 * from a queue of its own bound to the runtime's events exchange on RabbitMQ. Every call runs on
 * the given executor and returns at once.
 *
 * <p>The connection is CONNECTED while the server's health check answers and the event feed is up.
 * When either drops, it is RECONNECTING (checked again with a growing pause; the broker client
 * recovers the feed by itself); once both are back it is CONNECTED again, and the monitor re-reads
 * what it missed. After {@link Builder#giveUpAfter} it is LOST until {@link #reconnect()}. Without a
 * broker URI there are no live events: the monitor still refreshes counts and dead letters on its own.
 *
 * <pre>{@code
 * MonitorSource source = RemoteMonitorSource.builder(URI.create("https://caseflow.example.com"), readToken)
 *         .actionToken(apiToken).broker("amqp://monitor:secret@rabbit:5672").executor(ui.background()).build();
 * }</pre>
 */
public final class RemoteMonitorSource implements MonitorSource {
    private static final Logger LOG = LoggerFactory.getLogger(RemoteMonitorSource.class);
    public static final Duration DEFAULT_PING_EVERY = Duration.ofSeconds(2);
    public static final Duration DEFAULT_GIVE_UP_AFTER = Duration.ofMinutes(5);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(10);
    /** How many of a process's audit events the detail shows. */
    private static final int AUDIT_EVENTS = 200;

    private final URI server;
    private final String name;
    private final CaseflowClient reads;
    private final CaseflowClient actions;
    private final String brokerUri;
    private final String bindingKey;
    private final Executor executor;
    private final Clock clock;
    private final Duration pingEvery;
    private final Duration giveUpAfter;
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private final Map<String, CaseDefinition> definitionCache = new ConcurrentHashMap<>();
    private final HealthCheckTimer health;
    private volatile ConnectionState state;
    private volatile EventSubscription feed;
    private volatile boolean feedUp;
    private volatile boolean closed;
    private int failedChecks;
    private Instant downSince;

    private RemoteMonitorSource(Builder b) {
        this.server = b.server;
        this.name = b.name != null ? b.name : server.getHost() + (server.getPort() > 0 ? ":" + server.getPort() : "");
        this.reads = new CaseflowClient(server, b.readToken);
        this.actions = b.actionToken == null ? null : new CaseflowClient(server, b.actionToken);
        this.brokerUri = b.brokerUri;
        this.bindingKey = b.bindingKey;
        this.executor = b.executor;
        this.clock = b.clock;
        this.pingEvery = b.pingEvery;
        this.giveUpAfter = b.giveUpAfter;
        this.state = ConnectionState.connecting(clock.instant());
        this.health = new HealthCheckTimer("monitor-remote-health", this::check);
        schedule(Duration.ZERO);
    }

    /** A source for the server at {@code server}, reading with {@code readToken} (the read-only token). */
    public static Builder builder(URI server, String readToken) {
        return new Builder(server, readToken);
    }

    // ------------------------------------------------------------------ connection

    private void schedule(Duration delay) {
        health.runIn(delay);
    }

    private void check() {
        if (closed) {
            return;
        }
        String reason = null;
        boolean up;
        try {
            up = reads.healthy();
            if (!up) {
                reason = "the server at " + server + " reports it is not healthy (store or transport down)";
            }
        } catch (RuntimeException e) {
            up = false;
            reason = "the server at " + server + " does not answer";
        }
        if (up && brokerUri != null && feed == null) {
            try {
                feed = EventSubscription.open(brokerUri, reads.installation(), bindingKey, this::onEvent, this::onFeed);
                feedUp = true;
            } catch (Exception e) {
                reason = "the event feed on RabbitMQ is not reachable (" + e.getMessage() + ")";
            }
        }
        boolean feedOk = brokerUri == null || feed != null && feedUp;
        if (up && !feedOk && reason == null) {
            reason = "the event feed on RabbitMQ is reconnecting";
        }
        settle(up && feedOk, reason);
    }

    private void settle(boolean allUp, String reason) {
        Instant now = clock.instant();
        Duration next;
        synchronized (this) {
            if (allUp) {
                failedChecks = 0;
                downSince = null;
                next = pingEvery;
            } else {
                failedChecks++;
                if (downSince == null) {
                    downSince = now;
                }
                next = Duration.ofMillis(Math.min(MAX_BACKOFF.toMillis(), 250L << Math.min(failedChecks - 1, 10)));
            }
        }
        if (allUp) {
            if (state.kind() != ConnectionState.Kind.CONNECTED) {
                LOG.info("monitor connected to {}", server);
                setState(ConnectionState.connected(now));
            }
        } else if (Duration.between(downSince, now).compareTo(giveUpAfter) >= 0) {
            if (state.kind() != ConnectionState.Kind.LOST) {
                LOG.error("the monitor gave up on {} after {}: {}", server, giveUpAfter, reason);
                setState(ConnectionState.lost(reason, now));
            }
            return;
        } else {
            if (state.kind() == ConnectionState.Kind.CONNECTED) {
                LOG.warn("the monitor lost {}: {}", server, reason);
            }
            setState(ConnectionState.reconnecting(reason, downSince, failedChecks));
        }
        schedule(next);
    }

    private void onEvent(ProcessEvent event) {
        List<ProcessEvent> one = List.of(event);
        for (Listener l : listeners) {
            l.events(one);
        }
    }

    private void onFeed(EventSubscription.State feedState) {
        switch (feedState) {
            case CONNECTED, RECOVERED -> feedUp = true;
            case RECONNECTING -> feedUp = false;
            case CLOSED -> {
                feedUp = false;
                feed = null;
            }
        }
        // Decide at once rather than at the next check: a recovered feed means missed events to re-read.
        schedule(Duration.ZERO);
    }

    private void setState(ConnectionState next) {
        state = next;
        for (Listener l : listeners) {
            l.connection(next);
        }
    }

    @Override
    public void reconnect() {
        synchronized (this) {
            failedChecks = 0;
            downSince = null;
        }
        schedule(Duration.ZERO);
    }

    // ------------------------------------------------------------------ calls

    private <T> CompletableFuture<T> call(String what, Supplier<T> work) {
        if (closed) {
            return CompletableFuture.failedFuture(new SourceUnavailableException("the monitor's source is closed", null));
        }
        try {
            return CompletableFuture.supplyAsync(() -> {
                try {
                    return work.get();
                } catch (ApiException e) {
                    throw translate(what, e);
                } catch (UncheckedIOException e) {
                    schedule(Duration.ZERO);
                    throw new SourceUnavailableException("The server at " + server + " does not answer; " + what + " is not possible now", e);
                }
            }, executor);
        } catch (RejectedExecutionException e) {
            return CompletableFuture.failedFuture(new SourceUnavailableException("the monitor is shutting down", e));
        }
    }

    private RuntimeException translate(String what, ApiException e) {
        if (e.status() == 404 && "not_found".equals(e.code())) {
            return new ProcessNotFoundException(String.valueOf(e.getMessage()));
        }
        if (e.status() == 401) {
            return new IllegalStateException("The server refused the token for " + what + ": " + e.getMessage(), e);
        }
        if (e.status() == 403) {
            return new IllegalStateException("The token may only read; " + what + " needs the API token", e);
        }
        if (e.status() >= 500) {
            schedule(Duration.ZERO);
            return new SourceUnavailableException("The server at " + server + " could not answer (" + e.getMessage() + ")", e);
        }
        return new IllegalArgumentException(e.getMessage(), e);
    }

    private CaseflowClient actions(String what) {
        if (actions == null) {
            throw new IllegalStateException("This monitor connects with the read-only token; " + what + " needs the API token");
        }
        return actions;
    }

    @Override
    public String describe() {
        return name;
    }

    @Override
    public ConnectionState connection() {
        return state;
    }

    @Override
    public Subscription subscribe(Listener listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    /** True when the monitor may act (retry, cancel), i.e. it has the API token. */
    public boolean canAct() {
        return actions != null;
    }

    @Override
    public CompletableFuture<List<DeployedDefinition>> definitions() {
        return call("reading the cases", () -> {
            List<DeployedDefinition> out = new ArrayList<>();
            for (JsonNode d : reads.deployed()) {
                CaseKey key = new CaseKey(d.path("case").asText(), d.path("api").asText());
                int version = d.path("version").asInt();
                CaseDefinition definition = definitionCache.computeIfAbsent(key + "#" + version, k -> reads.definition(key, version));
                Instant at = d.hasNonNull("deployedAt") ? Instant.parse(d.get("deployedAt").asText()) : null;
                out.add(new DeployedDefinition(definition, at, false));
            }
            return out;
        });
    }

    @Override
    public CompletableFuture<Optional<CaseDefinition>> definition(CaseKey key, int version) {
        return call("reading the case", () -> {
            try {
                return Optional.of(definitionCache.computeIfAbsent(key + "#" + version, k -> reads.definition(key, version)));
            } catch (ApiException e) {
                if (e.status() == 404) {
                    return Optional.empty();
                }
                throw e;
            }
        });
    }

    @Override
    public CompletableFuture<ProcessPage> list(ProcessQuery query) {
        return call("listing processes", () -> reads.processes(query));
    }

    @Override
    public CompletableFuture<Map<String, Map<ProcessStatus, Long>>> countsByStage(CaseKey key) {
        return call("counting processes", () -> reads.countsByStage(key));
    }

    @Override
    public CompletableFuture<ProcessSnapshot> process(String processId) {
        return call("reading the process", () -> reads.process(processId));
    }

    @Override
    public CompletableFuture<List<StageRun>> history(String processId) {
        return call("reading the history", () -> reads.history(processId));
    }

    @Override
    public CompletableFuture<List<AuditEvent>> audit(String processId) {
        // a reader token may not read the trail; the action token (when there is one) may
        return call("reading the audit trail", () -> (actions != null ? actions : reads).audit(processId, AUDIT_EVENTS));
    }

    @Override
    public CompletableFuture<ProcessSnapshot> start(CaseKey key, ObjectNode input) {
        return call("starting a process", () -> {
            CaseflowClient client = actions("starting a process");
            JsonNode created = client.post("/api/cases/" + CaseflowClient.encode(key.name()) + "/" + CaseflowClient.encode(key.api())
                    + "/processes", input.toString());
            return CaseflowClient.process(created);
        });
    }

    @Override
    public CompletableFuture<MigrationReport> migrate(CaseKey key, int from, int to, Map<String, String> stageMapping, boolean dryRun) {
        return call("migrating processes", () -> actions("migrating processes").migrate(key, from, to, stageMapping, dryRun));
    }

    @Override
    public CompletableFuture<List<WorkerSnapshot>> workers() {
        return call("reading the live workers", reads::workers);
    }

    @Override
    public CompletableFuture<List<DeadLetter>> deadLetters(int limit) {
        return call("reading dead letters", () -> reads.deadLetters(limit));
    }

    @Override
    public Optional<RetentionControl> retention() {
        return Optional.of(new RemoteRetention(this::call, reads, this::actions));
    }

    @Override
    public boolean runsJobs() {
        return true;
    }

    @Override
    public CompletableFuture<JobSnapshot> createJob(JobRequest request) {
        // One key per request: a retry after a lost answer finds the same job on the server.
        String key = "designer-" + UUID.randomUUID();
        return call("starting a bulk job", () -> actions("starting a bulk job").createJob(request, key));
    }

    @Override
    public CompletableFuture<JobSnapshot> job(String jobId) {
        return call("reading the job", () -> reads.job(jobId));
    }

    @Override
    public CompletableFuture<JobSnapshot> cancelJob(String jobId) {
        return call("cancelling the job", () -> actions("cancelling the job").cancelJob(jobId));
    }

    @Override
    public CompletableFuture<DeadLetterSettlement> settleDeadLetters(boolean replay, List<Long> ids) {
        return call(replay ? "replaying dead letters" : "discarding dead letters", () -> {
            JsonNode answer = actions(replay ? "replaying dead letters" : "discarding dead letters").settleDeadLetters(replay, ids);
            List<String> problems = new ArrayList<>();
            answer.path("results").forEach(r -> {
                if ("REFUSED".equals(r.path("outcome").asText())) {
                    problems.add(r.path("message").asText());
                }
            });
            return new DeadLetterSettlement(replay, answer.path("SETTLED").asInt(), answer.path("ALREADY_SETTLED").asInt(),
                    answer.path("REFUSED").asInt(), answer.path("NOT_FOUND").asInt(), problems);
        });
    }

    @Override
    public CompletableFuture<ActionResult> retry(String processId, String fromStage, ObjectNode newData) {
        return call("retrying", () -> {
            CaseflowClient client = actions("retrying");
            return client.retry(processId, fromStage, newData);
        });
    }

    @Override
    public CompletableFuture<ActionResult> cancel(String processId) {
        return call("cancelling", () -> {
            CaseflowClient client = actions("cancelling");
            return client.cancel(processId);
        });
    }

    @Override
    public void close() {
        closed = true;
        health.close();
        EventSubscription f = feed;
        feed = null;
        if (f != null) {
            f.close();
        }
        setState(ConnectionState.lost("the monitor was closed", clock.instant()));
        listeners.clear();
    }

    /** Where a remote runtime is and how to reach it; each setting but the server and read token has a default. */
    public static final class Builder {
        private final URI server;
        private final String readToken;
        private String name;
        private String actionToken;
        private String brokerUri;
        private String bindingKey = "#";
        private Executor executor = CompletableFuture.delayedExecutor(0, TimeUnit.MILLISECONDS);
        private Clock clock = Clock.systemUTC();
        private Duration pingEvery = DEFAULT_PING_EVERY;
        private Duration giveUpAfter = DEFAULT_GIVE_UP_AFTER;

        private Builder(URI server, String readToken) {
            Objects.requireNonNull(server, "server");
            if (server.getScheme() == null || !(server.getScheme().equals("http") || server.getScheme().equals("https"))) {
                throw new IllegalArgumentException("the server URL must start with http:// or https://, was " + server);
            }
            this.server = server;
            this.readToken = readToken;
        }

        /** How the UI names the source (default: host and port). */
        public Builder name(String value) {
            this.name = value;
            return this;
        }

        /** The API token, for retry and cancel; without it the monitor only reads. */
        public Builder actionToken(String value) {
            this.actionToken = value == null || value.isBlank() ? null : value;
            return this;
        }

        /** The RabbitMQ URI with the monitor's own (read-only) credentials; null: no live events. */
        public Builder broker(String uri) {
            this.brokerUri = uri == null || uri.isBlank() ? null : uri;
            return this;
        }

        /** Which events to receive: a routing-key pattern over {@code <case>.<api>.<status>} (default {@code #}, all). */
        public Builder bindingKey(String value) {
            this.bindingKey = Objects.requireNonNull(value, "bindingKey");
            return this;
        }

        public Builder executor(Executor value) {
            this.executor = Objects.requireNonNull(value, "executor");
            return this;
        }

        public Builder clock(Clock value) {
            this.clock = Objects.requireNonNull(value, "clock");
            return this;
        }

        /** How often the server's health is checked while all is well (100 ms to 1 minute). */
        public Builder pingEvery(Duration value) {
            if (value == null || value.compareTo(Duration.ofMillis(100)) < 0 || value.compareTo(Duration.ofMinutes(1)) > 0) {
                throw new IllegalArgumentException("pingEvery must be 100 ms to 1 minute, was " + value);
            }
            this.pingEvery = value;
            return this;
        }

        /** How long checks keep failing before the connection counts as LOST (1 second to 1 day). */
        public Builder giveUpAfter(Duration value) {
            if (value == null || value.compareTo(Duration.ofSeconds(1)) < 0 || value.compareTo(Duration.ofDays(1)) > 0) {
                throw new IllegalArgumentException("giveUpAfter must be 1 second to 1 day, was " + value);
            }
            this.giveUpAfter = value;
            return this;
        }

        public RemoteMonitorSource build() {
            return new RemoteMonitorSource(this);
        }
    }
}
