package io.caseflow.bulk;

import io.caseflow.definition.CaseDefinition;
import io.caseflow.definition.CaseKey;
import io.caseflow.definition.DeployedDefinition;
import io.caseflow.engine.ProcessOperations;
import io.caseflow.job.ItemState;
import io.caseflow.job.JobItem;
import io.caseflow.job.JobKind;
import io.caseflow.job.JobRequest;
import io.caseflow.job.JobRequestException;
import io.caseflow.job.JobSelection;
import io.caseflow.job.JobSnapshot;
import io.caseflow.process.ProcessIds;
import io.caseflow.process.ProcessStatus;
import io.caseflow.store.DefinitionStore;
import io.caseflow.store.JdbcJobStore;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bulk jobs: retry, retry from a stage, cancel or migrate many processes as one job that lives in the store,
 * shows its progress and a result per process, can be cancelled, and survives restarts of the nodes that run
 * it. Creating one selects its processes at once (see {@link JdbcJobStore#create}); {@link #startRunner()}
 * makes this node one of those that run jobs (a server does; creating a job here starts it too).
 *
 * <pre>{@code
 * JobSnapshot job = runtime.jobs().create(JobRequest.of(JobKind.RETRY,
 *         new JobSelection(Set.of(), "orders", "v1", null, "chargePayment", null, null, null, List.of())), "ops", "retry-2026-01-31");
 * runtime.jobs().find(job.id()).map(JobSnapshot::describe);  // "retry job …: RUNNING, 1200 of 5000 (done 1200)"
 * }</pre>
 *
 * <p>Without statuses in its query, a retry job selects FAILED processes, a cancel job those not ended and a
 * migrate job the waiting and failed ones (the only ones each may act on). Thread-safe.
 */
public final class BulkJobs implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(BulkJobs.class);
    /** The most processes one job may select. */
    public static final int MAX_ITEMS = 100_000;
    public static final int MAX_LIST = 500;

    private final JdbcJobStore store;
    private final DefinitionStore definitions;
    private final Clock clock;
    private final JobRunner runner;
    private boolean runnerStarted;

    public BulkJobs(JdbcJobStore store, ProcessOperations operations, DefinitionStore definitions, Clock clock, String nodeId) {
        this.store = store;
        this.definitions = definitions;
        this.clock = clock;
        this.runner = new JobRunner(store, new ItemAction(operations), clock,
                nodeId != null ? nodeId : "node-" + UUID.randomUUID().toString().substring(0, 8));
    }

    /** Runs jobs on this node from now on (idempotent): resumes any job a node left when it died. */
    public synchronized BulkJobs startRunner() {
        if (!runnerStarted) {
            runner.start();
            runnerStarted = true;
        }
        return this;
    }

    /**
     * Creates a job (or, for a repeat of the same {@code idempotencyKey} and request, answers with the job the
     * first call created) and selects its processes. Refuses, naming the field, a request that cannot be run:
     * an unknown stage, a case that was never deployed, a target version that does not exist, too many processes.
     */
    public JdbcJobStore.Created create(JobRequest request, String requestedBy, String idempotencyKey) {
        if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > 200)) {
            throw new JobRequestException("Idempotency-Key", "the Idempotency-Key must be 1 to 200 characters");
        }
        JobRequest effective = withDefaultStatuses(request);
        check(effective);
        JdbcJobStore.Created created = store.create(ProcessIds.next(), effective, requestedBy == null ? "unknown" : requestedBy,
                idempotencyKey, clock.instant(), MAX_ITEMS);
        if (created.created()) {
            LOG.info("created {} for {}: {}", created.job().describe(), requestedBy, effective.selection());
        }
        startRunner();
        runner.wake();
        return created;
    }

    public Optional<JobSnapshot> find(String id) {
        return store.find(id);
    }

    /** The newest jobs, at most {@code limit} (1 to {@value #MAX_LIST}). */
    public List<JobSnapshot> list(int limit) {
        if (limit < 1 || limit > MAX_LIST) {
            throw new JobRequestException("limit", "limit must be 1 to " + MAX_LIST + ", was " + limit);
        }
        return store.list(limit);
    }

    /** A page of a job's results in process id order, after {@code afterProcessId}; {@code state} null: all. */
    public List<JobItem> items(String jobId, ItemState state, String afterProcessId, int limit) {
        return store.items(jobId, state, afterProcessId, limit);
    }

    /** Cancels a running job; false when it had ended already. Items already acted on keep their results. */
    public boolean cancel(String jobId) {
        boolean cancelled = store.cancel(jobId, clock.instant());
        if (cancelled) {
            LOG.info("cancelled job {}", jobId);
            runner.wake();
        }
        return cancelled;
    }

    static JobRequest withDefaultStatuses(JobRequest request) {
        JobSelection selection = request.selection();
        if (selection.byIds() || !selection.statuses().isEmpty()) {
            return request;
        }
        Set<ProcessStatus> statuses = switch (request.kind()) {
            case RETRY, RETRY_FROM -> EnumSet.of(ProcessStatus.FAILED);
            case CANCEL -> EnumSet.of(ProcessStatus.RUNNING, ProcessStatus.WAITING, ProcessStatus.FAILED);
            case MIGRATE -> EnumSet.of(ProcessStatus.WAITING, ProcessStatus.FAILED);
        };
        return new JobRequest(request.kind(), selection.withStatuses(statuses), request.fromStage(), request.toVersion(),
                request.stageMapping());
    }

    /** Checks names against what is deployed, so a typo fails at once instead of selecting nothing. */
    private void check(JobRequest request) {
        JobSelection selection = request.selection();
        List<CaseDefinition> deployed = definitions.all().stream().map(DeployedDefinition::definition).toList();
        List<CaseDefinition> candidates = deployed;
        if (selection.caseName() != null) {
            candidates = deployed.stream().filter(d -> d.key().name().equals(selection.caseName())
                    && (selection.caseApi() == null || d.key().api().equals(selection.caseApi()))).toList();
            if (candidates.isEmpty()) {
                throw new JobRequestException("query.case", "no case '" + selection.caseName()
                        + (selection.caseApi() == null ? "" : "/" + selection.caseApi()) + "' is deployed");
            }
        }
        if (selection.caseVersion() != null && candidates.stream().noneMatch(d -> d.version() == selection.caseVersion())) {
            throw new JobRequestException("query.version", "case " + selection.caseName() + " has no version " + selection.caseVersion());
        }
        checkStage("query.stage", selection.stage(), candidates);
        if (request.kind() == JobKind.RETRY_FROM) {
            checkStage("fromStage", request.fromStage(), candidates);
        }
        if (request.kind() == JobKind.MIGRATE) {
            if (!selection.byIds() && (selection.caseName() == null || selection.caseApi() == null)) {
                throw new JobRequestException("query.case", "a migrate job's query names the case and api ('case', 'api')");
            }
            if (!selection.byIds()) {
                CaseKey key = new CaseKey(selection.caseName(), selection.caseApi());
                if (definitions.find(key, request.toVersion()).isEmpty()) {
                    throw new JobRequestException("toVersion", "case " + key + " has no version " + request.toVersion() + "; deploy it first");
                }
            }
        }
    }

    private static void checkStage(String field, String stage, List<CaseDefinition> candidates) {
        if (stage != null && candidates.stream().noneMatch(d -> d.stage(stage).isPresent())) {
            throw new JobRequestException(field, "unknown stage '" + stage + "': no deployed version of "
                    + (candidates.size() == 1 || candidates.stream().map(CaseDefinition::key).distinct().count() == 1
                    ? "case " + candidates.get(0).key() : "any case") + " has it");
        }
    }

    @Override
    public synchronized void close() {
        runner.close();
    }
}
