package io.caseflow;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.caseflow.bulk.BulkJobs;
import io.caseflow.definition.CaseDefinition;
import io.caseflow.definition.CaseKey;
import io.caseflow.definition.DeployedDefinition;
import io.caseflow.engine.Engine;
import io.caseflow.engine.EngineMetrics;
import io.caseflow.engine.VersionMigration;
import io.caseflow.handler.HandlerRegistry;
import io.caseflow.installation.Installation;
import io.caseflow.message.DeadLetter;
import io.caseflow.process.ActionResult;
import io.caseflow.process.MigrationReport;
import io.caseflow.process.ProcessEventListener;
import io.caseflow.process.ProcessNotFoundException;
import io.caseflow.process.ProcessPage;
import io.caseflow.process.ProcessQuery;
import io.caseflow.process.ProcessSnapshot;
import io.caseflow.process.ProcessStatus;
import io.caseflow.process.StageRun;
import io.caseflow.process.StartResult;
import io.caseflow.registry.ServiceQueueProbe;
import io.caseflow.registry.WorkerRegistration;
import io.caseflow.registry.WorkerRegistry;
import io.caseflow.service.ServiceEndpoint;
import io.caseflow.store.Database;
import io.caseflow.store.JdbcDefinitionStore;
import io.caseflow.store.JdbcJobStore;
import io.caseflow.store.JdbcProcessStore;
import io.caseflow.store.JdbcWorkerStore;
import io.caseflow.store.OutboxStore;
import io.caseflow.store.ProcessQueries;
import io.caseflow.store.SettingStore;
import io.caseflow.taskid.TaskIdCodec;
import io.caseflow.tracing.Tracing;
import io.caseflow.transport.Transport;
import io.caseflow.transport.TransportFactory;
import io.caseflow.transport.embedded.EmbeddedTransport;
import io.caseflow.validation.DefinitionValidator;
import io.caseflow.validation.InvalidDefinitionException;
import io.caseflow.validation.ValidationReport;
import io.caseflow.worker.ServiceConsumers;
import io.caseflow.worker.WorkerSnapshot;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.opentelemetry.api.OpenTelemetry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The caseflow runtime in one object: store, transport and engine, wired and started.
 *
 * <pre>{@code
 * HandlerRegistry handlers = new HandlerRegistry().register("orders.validate", ctx -> ctx.next());
 * try (CaseflowRuntime runtime = CaseflowRuntime.builder().handlers(handlers).build().start()) {
 *     runtime.deploy(DefinitionJson.read(Path.of("orders.case.json")));
 *     ProcessSnapshot p = runtime.startProcess(new CaseKey("orders", "v1"), Map.of("orderId", 42));
 * }
 * }</pre>
 *
 * <p>By default it is embedded: an H2 file database in the user's data folder (see DataHome) and the outbox as the
 * queue, nothing to install. Thread-safe.
 */
public final class CaseflowRuntime implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(CaseflowRuntime.class);
    public static final int DEFAULT_WORKER_THREADS = 4;
    public static final int DEFAULT_MAX_COMMIT_BATCH = 256;

    private final Builder config;
    private Database database;
    private JdbcDefinitionStore definitions;
    private JdbcProcessStore processes;
    private ProcessQueries queries;
    private OutboxStore outbox;
    private Transport transport;
    private Engine engine;
    private EngineMetrics metrics;
    private JdbcWorkerStore workers;
    private WorkerRegistry registry;
    private BulkJobs jobs;
    private final Set<CaseKey> served = ConcurrentHashMap.newKeySet();
    private final Set<String> hostedServices = ConcurrentHashMap.newKeySet();
    private Clock clock;
    private boolean started;

    private CaseflowRuntime(Builder config) {
        this.config = config;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Opens the store (migrating it), starts the transport and serves every deployed case. */
    public synchronized CaseflowRuntime start() {
        if (started) {
            return this;
        }
        clock = config.clock;
        database = Database.open(config.jdbcUrl, config.user, config.password, config.poolSize, config.installation.schema());
        try {
            definitions = new JdbcDefinitionStore(database, clock);
            queries = new ProcessQueries(database);
            outbox = new OutboxStore(database, clock);
            workers = new JdbcWorkerStore(database);
            byte[] key = config.taskIdKey != null ? config.taskIdKey : new SettingStore(database).taskIdKey();
            TaskIdCodec codec = new TaskIdCodec(key);
            metrics = new EngineMetrics(config.meterRegistry);
            database.bindMetrics(config.meterRegistry);
            transport = config.transport != null ? config.transport.create(config.installation, outbox, clock, config.meterRegistry)
                    : new EmbeddedTransport(config.installation, outbox, clock);
            if (!transport.installation().equals(config.installation)) {
                throw new IllegalStateException("the transport carries installation '" + transport.installation()
                        + "' but this runtime is installation '" + config.installation + "'");
            }
            processes = new JdbcProcessStore(database, clock, transport.ownsDatabase());
            List<ProcessEventListener> listeners = new ArrayList<>(config.listeners);
            if (config.publishEvents) {
                transport.eventPublisher().ifPresent(listeners::add);
            }
            engine = new Engine(processes, definitions, config.handlers, transport, codec, clock, metrics, listeners,
                    config.workerThreads, config.maxCommitBatch, config.tracing);
            for (DeployedDefinition deployed : definitions.all()) {
                if (config.serving.test(deployed.definition().key())) {
                    serve(deployed.definition().key());
                }
            }
            config.alwaysServe.forEach(this::serve); // a worker's cases, even before they are deployed
            transport.start();
            if (config.registration != null) {
                registry = WorkerRegistry.start(workers, clock, config.registration, this::duties, metrics::counters);
            }
            started = true;
            LOG.info("caseflow runtime started: installation {}, store {}, {} worker thread(s)", config.installation,
                    database.describe(), config.workerThreads);
            return this;
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    private void serve(CaseKey key) {
        engine.serve(key);
        served.add(key);
    }

    /** What this runtime serves now, for its registry record. */
    private WorkerRegistry.Duties duties() {
        return new WorkerRegistry.Duties(served.stream().sorted(Comparator.comparing(CaseKey::toString)).toList(),
                config.handlers.names().stream().sorted().toList(), hostedServices.stream().sorted().toList());
    }

    /** Validates (against this runtime's handlers) and deploys; identical content keeps its version. */
    public DeployedDefinition deploy(CaseDefinition definition) {
        requireStarted();
        ValidationReport report = validator("deploy").validate(definition);
        if (report.hasErrors()) {
            throw new InvalidDefinitionException("case " + definition.key(), report);
        }
        DeployedDefinition deployed = definitions.deploy(definition);
        if (config.serving.test(definition.key())) {
            serve(definition.key());
        }
        if (!deployed.unchanged()) {
            LOG.info("deployed case {} v{}", definition.key(), deployed.version());
        }
        return deployed;
    }

    /**
     * The validator this runtime deploys with: it checks handlers against the registered ones, unless
     * this runtime has none (a server that only deploys and answers; workers run the handlers).
     */
    public DefinitionValidator validator(String source) {
        DefinitionValidator validator = DefinitionValidator.forSource(source);
        return config.handlers.names().isEmpty() ? validator : validator.knownHandlers(config.handlers::contains);
    }

    public ProcessSnapshot startProcess(CaseKey key, Object input) {
        return startProcess(key, input, null);
    }

    /**
     * Starts a process on the latest deployed version of the case. With an idempotency key, a repeat
     * returns the process the first call started; the same key with another input is refused. The input (a JSON
     * object) may be any value Jackson writes, a tree, or a {@link io.caseflow.json.JsonText} kept as the text it is.
     */
    public ProcessSnapshot startProcess(CaseKey key, Object input, String idempotencyKey) {
        return start(key, input, idempotencyKey).process();
    }

    /** Like {@link #startProcess(CaseKey, Object, String)}, telling whether this call created the process. */
    public StartResult start(CaseKey key, Object input, String idempotencyKey) {
        requireStarted();
        return engine.operations().start(key, input, idempotencyKey);
    }

    public Optional<ProcessSnapshot> find(String processId) {
        requireStarted();
        return processes.find(processId);
    }

    public ProcessSnapshot process(String processId) {
        return find(processId).orElseThrow(() -> new ProcessNotFoundException(processId));
    }

    public List<StageRun> history(String processId) {
        requireStarted();
        return queries.stageRuns(processId);
    }

    public ProcessPage list(ProcessQuery query) {
        requireStarted();
        return queries.list(query);
    }

    public Map<String, Map<ProcessStatus, Long>> countsByStage(CaseKey key) {
        requireStarted();
        return queries.countsByStage(key);
    }

    public Map<ProcessStatus, Long> countsByStatus() {
        requireStarted();
        return queries.countsByStatus();
    }

    public List<DeployedDefinition> definitions() {
        requireStarted();
        return definitions.all();
    }

    /** The newest deployed version of a case, if it was ever deployed. */
    public Optional<CaseDefinition> latest(CaseKey key) {
        requireStarted();
        return definitions.latest(key);
    }

    public Optional<CaseDefinition> definition(CaseKey key, int version) {
        requireStarted();
        return definitions.find(key, version);
    }

    public List<DeadLetter> deadLetters(int limit) {
        requireStarted();
        return outbox.deadLetters(limit);
    }

    /** Resumes a FAILED process at the stage that failed. */
    public ActionResult retry(String processId) {
        return retry(processId, null, null);
    }

    /**
     * Resumes a FAILED process at {@code fromStage} (null: the failed stage), with {@code newData}
     * replacing its data (null: unchanged). Anything but a FAILED process is left as it is.
     */
    public ActionResult retry(String processId, String fromStage, ObjectNode newData) {
        requireStarted();
        return engine.operations().retry(processId, fromStage, newData);
    }

    /** Stops a process that has not ended; a COMPLETED or CANCELLED process is left as it is. */
    public ActionResult cancel(String processId) {
        requireStarted();
        return engine.operations().cancel(processId);
    }

    /** Moves the processes of {@code key} v{@code fromVersion} that have not ended to {@code toVersion}; see {@link VersionMigration}. */
    public MigrationReport migrate(CaseKey key, int fromVersion, int toVersion, Map<String, String> stageMapping, boolean dryRun,
                                   int limit) {
        requireStarted();
        return new VersionMigration(engine.operations(), queries::list).run(key, fromVersion, toVersion, stageMapping, dryRun, limit);
    }

    /** Bulk jobs over this runtime's store (retry, cancel, retry-from, migrate many processes); see {@link BulkJobs}. */
    public synchronized BulkJobs jobs() {
        requireStarted();
        if (jobs == null) {
            jobs = new BulkJobs(new JdbcJobStore(database), engine.operations(), definitions, clock, workerId().orElse(null));
        }
        return jobs;
    }

    /** Lets a Java service take requests through this runtime's transport (embedded services). */
    public ServiceEndpoint attach(ServiceEndpoint endpoint, int concurrency) {
        if (transport == null) {
            throw new IllegalStateException("start the runtime before attaching services");
        }
        ServiceEndpoint attached = endpoint.attach(transport, concurrency, config.tracing);
        hostedServices.add(endpoint.service());
        if (registry != null) {
            registry.refresh();
        }
        return attached;
    }

    /**
     * Every node in the live worker registry of this store (workers, servers, embedded runtimes that
     * register), judged alive, gone or stopped now by this runtime's clock.
     */
    public List<WorkerSnapshot> workers() {
        requireStarted();
        Instant now = clock.instant();
        return workers.all().stream().map(worker -> WorkerSnapshot.at(worker, now)).toList();
    }

    /** Every service the deployed cases call, with the consumers of its request queue right now (see {@link Transport#consumerCount}). */
    public List<ServiceConsumers> services() {
        return services(List.of());
    }

    /** Like {@link #services()}, plus these services even if no deployed case calls them yet. */
    public List<ServiceConsumers> services(Collection<String> alsoNamed) {
        requireStarted();
        return new ServiceQueueProbe(transport).probe(definitions.all().stream().map(DeployedDefinition::definition).toList(),
                alsoNamed);
    }

    /** The installation this runtime belongs to. */
    public Installation installation() {
        return config.installation;
    }

    /** This runtime's id in the worker registry, if it registered ({@link Builder#registerAs}). */
    public Optional<String> workerId() {
        return Optional.ofNullable(registry).map(WorkerRegistry::workerId);
    }

    public Transport transport() {
        requireStarted();
        return transport;
    }

    public Database database() {
        requireStarted();
        return database;
    }

    public EngineMetrics metrics() {
        return metrics;
    }

    /** Spans for this runtime's work ({@link Builder#openTelemetry}); records nothing by default. */
    public Tracing tracing() {
        return config.tracing;
    }

    public Clock clock() {
        return clock;
    }

    /** Whether {@link #start()} has run and {@link #close()} has not. */
    public synchronized boolean isStarted() {
        return started;
    }

    private void requireStarted() {
        if (!started) {
            throw new IllegalStateException("the runtime is not started; call start() first");
        }
    }

    @Override
    public synchronized void close() {
        started = false;
        if (registry != null) {
            registry.close(); // first: readers learn at once that this node is stopping
            registry = null;
        }
        if (jobs != null) {
            jobs.close();
            jobs = null;
        }
        if (transport != null) {
            transport.close();
        }
        if (engine != null) {
            engine.close();
        }
        if (database != null) {
            database.close();
        }
    }

    /** Settings for a runtime; every one has a default. */
    public static final class Builder {
        private String jdbcUrl = Database.h2File(Database.DEFAULT_H2_PATH);
        private String user;
        private String password;
        private int poolSize = Database.DEFAULT_POOL_SIZE;
        private HandlerRegistry handlers = new HandlerRegistry();
        private int workerThreads = DEFAULT_WORKER_THREADS;
        private int maxCommitBatch = DEFAULT_MAX_COMMIT_BATCH;
        private byte[] taskIdKey;
        private Clock clock = Clock.systemUTC();
        private MeterRegistry meterRegistry = new SimpleMeterRegistry();
        private Tracing tracing = Tracing.NONE;
        private TransportFactory transport;
        private Installation installation = Installation.DEFAULT;
        private boolean publishEvents = true;
        private Predicate<CaseKey> serving = key -> true;
        private Set<CaseKey> alwaysServe = Set.of();
        private final List<ProcessEventListener> listeners = new ArrayList<>();
        private WorkerRegistration registration;

        private Builder() {
        }

        /** An H2 file database at {@code path} (opened durably), instead of {@code caseflow} in the user's data folder. */
        public Builder h2File(Path path) {
            this.jdbcUrl = Database.h2File(path);
            return this;
        }

        /** Which installation this runtime belongs to: its queue names and store schema (see {@link Installation}). */
        public Builder installation(Installation value) {
            this.installation = Objects.requireNonNull(value, "installation");
            return this;
        }

        public Builder jdbcUrl(String url) {
            this.jdbcUrl = url;
            return this;
        }

        public Builder credentials(String dbUser, String dbPassword) {
            this.user = dbUser;
            this.password = dbPassword;
            return this;
        }

        public Builder poolSize(int size) {
            this.poolSize = requireRange("poolSize", size, 1, 200);
            return this;
        }

        public Builder handlers(HandlerRegistry registry) {
            this.handlers = registry;
            return this;
        }

        public Builder workerThreads(int threads) {
            this.workerThreads = requireRange("workerThreads", threads, 1, 1024);
            return this;
        }

        public Builder maxCommitBatch(int size) {
            this.maxCommitBatch = requireRange("maxCommitBatch", size, 1, 10_000);
            return this;
        }

        /** The HMAC key for task ids; all runtimes and workers of one deployment share it. Default: generated and stored. */
        public Builder taskIdKey(byte[] key) {
            if (key == null || key.length < TaskIdCodec.MIN_KEY_BYTES) {
                throw new IllegalArgumentException("taskIdKey must have at least " + TaskIdCodec.MIN_KEY_BYTES + " bytes");
            }
            this.taskIdKey = key.clone();
            return this;
        }

        public Builder clock(Clock value) {
            this.clock = value;
            return this;
        }

        public Builder meterRegistry(MeterRegistry registry) {
            this.meterRegistry = registry;
            return this;
        }

        /** Where spans go (an SDK set up by the caller); without one nothing is recorded, trace context still passes on. */
        public Builder openTelemetry(OpenTelemetry value) {
            this.tracing = Tracing.of(value);
            return this;
        }

        /** Another transport than the embedded one (e.g. RabbitMQ), made once the store is open. */
        public Builder transport(TransportFactory factory) {
            this.transport = factory;
            return this;
        }

        /** Which deployed cases this runtime runs stages of (default: all); a server that runs none says {@code key -> false}. */
        public Builder serving(Predicate<CaseKey> cases) {
            this.serving = cases;
            return this;
        }

        /** Runs exactly these cases' stages, from the start, whether or not they are deployed yet (a worker). */
        public Builder serving(Collection<CaseKey> cases) {
            this.alwaysServe = Set.copyOf(cases);
            this.serving = alwaysServe::contains;
            return this;
        }

        /** Whether a broker transport publishes every transition to the events exchange (default true). */
        public Builder publishEvents(boolean value) {
            this.publishEvents = value;
            return this;
        }

        public Builder listener(ProcessEventListener listener) {
            this.listeners.add(listener);
            return this;
        }

        /**
         * Enters this runtime in the store's live worker registry (default: not registered): its record says
         * what it serves and is refreshed every heartbeat; {@link #close()} marks it stopped.
         */
        public Builder registerAs(WorkerRegistration value) {
            this.registration = value;
            return this;
        }

        public CaseflowRuntime build() {
            return new CaseflowRuntime(this);
        }

        private static int requireRange(String name, int value, int min, int max) {
            if (value < min || value > max) {
                throw new IllegalArgumentException(name + " must be " + min + " to " + max + ", was " + value);
            }
            return value;
        }
    }
}
