package io.caseflow.designer.monitor;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.caseflow.CaseflowRuntime;
import io.caseflow.audit.AuditEvent;
import io.caseflow.definition.CaseDefinition;
import io.caseflow.definition.CaseKey;
import io.caseflow.definition.DeployedDefinition;
import io.caseflow.engine.VersionMigration;
import io.caseflow.job.JobRequest;
import io.caseflow.job.JobSnapshot;
import io.caseflow.message.DeadLetter;
import io.caseflow.process.ActionResult;
import io.caseflow.process.MigrationReport;
import io.caseflow.process.ProcessPage;
import io.caseflow.process.ProcessQuery;
import io.caseflow.process.ProcessSnapshot;
import io.caseflow.process.ProcessStatus;
import io.caseflow.process.StageRun;
import io.caseflow.store.DeadLetterStore;
import io.caseflow.store.JdbcAuditLog;
import io.caseflow.worker.WorkerSnapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * A monitor source over a runtime in this JVM (the app's embedded runtime, a play): every read and
 * action is the runtime's own method, run by {@link #call} off the UI thread. Subclasses say how a
 * call reaches the runtime now (it may be restarting) and handle connection and events.
 */
public abstract class RuntimeBackedSource implements MonitorSource {

    /** Runs {@code work} on the runtime off the UI thread; fails with a {@code SourceUnavailableException} when it is not running. */
    protected abstract <T> CompletableFuture<T> call(String what, Function<CaseflowRuntime, T> work);

    @Override
    public CompletableFuture<List<DeployedDefinition>> definitions() {
        return call("reading the cases", CaseflowRuntime::definitions);
    }

    @Override
    public CompletableFuture<Optional<CaseDefinition>> definition(CaseKey key, int version) {
        return call("reading the case", rt -> rt.definition(key, version));
    }

    @Override
    public CompletableFuture<ProcessPage> list(ProcessQuery query) {
        return call("listing processes", rt -> rt.list(query));
    }

    @Override
    public CompletableFuture<Map<String, Map<ProcessStatus, Long>>> countsByStage(CaseKey key) {
        return call("counting processes", rt -> rt.countsByStage(key));
    }

    @Override
    public CompletableFuture<ProcessSnapshot> process(String processId) {
        return call("reading the process", rt -> rt.process(processId));
    }

    @Override
    public CompletableFuture<List<StageRun>> history(String processId) {
        return call("reading the history", rt -> rt.history(processId));
    }

    @Override
    public CompletableFuture<List<AuditEvent>> audit(String processId) {
        return call("reading the audit trail", rt -> new JdbcAuditLog(rt.database()).list(processId, null, 0, 200));
    }

    @Override
    public CompletableFuture<ProcessSnapshot> start(CaseKey key, ObjectNode input) {
        return call("starting a process", rt -> LocalAudit.record(rt, "start " + key, null, () -> rt.startProcess(key, input)));
    }

    @Override
    public CompletableFuture<MigrationReport> migrate(CaseKey key, int from, int to, Map<String, String> stageMapping, boolean dryRun) {
        return call("migrating processes", rt -> rt.migrate(key, from, to, stageMapping, dryRun, VersionMigration.MAX_LIMIT));
    }

    @Override
    public CompletableFuture<List<WorkerSnapshot>> workers() {
        return call("reading the live workers", CaseflowRuntime::workers);
    }

    @Override
    public CompletableFuture<List<DeadLetter>> deadLetters(int limit) {
        return call("reading dead letters", rt -> rt.deadLetters(limit));
    }

    @Override
    public CompletableFuture<ActionResult> retry(String processId, String fromStage, ObjectNode newData) {
        return call("retrying", rt -> LocalAudit.record(rt, fromStage == null ? "retry" : "retry from " + fromStage, processId,
                () -> rt.retry(processId, fromStage, newData)));
    }

    @Override
    public CompletableFuture<ActionResult> cancel(String processId) {
        return call("cancelling", rt -> LocalAudit.record(rt, "cancel", processId, () -> rt.cancel(processId)));
    }

    @Override
    public boolean runsJobs() {
        return true;
    }

    @Override
    public CompletableFuture<JobSnapshot> createJob(JobRequest request) {
        return call("starting a bulk job", rt -> rt.jobs().create(request, "designer", null).job());
    }

    @Override
    public CompletableFuture<JobSnapshot> job(String jobId) {
        return call("reading the job", rt -> rt.jobs().find(jobId).orElseThrow(() -> new IllegalArgumentException("no job " + jobId)));
    }

    @Override
    public CompletableFuture<JobSnapshot> cancelJob(String jobId) {
        return call("cancelling the job", rt -> {
            rt.jobs().cancel(jobId);
            return rt.jobs().find(jobId).orElseThrow(() -> new IllegalArgumentException("no job " + jobId));
        });
    }

    @Override
    public CompletableFuture<DeadLetterSettlement> settleDeadLetters(boolean replay, List<Long> ids) {
        return call(replay ? "replaying dead letters" : "discarding dead letters", rt -> {
            DeadLetterStore store = new DeadLetterStore(rt.database(), rt.clock());
            int[] counts = new int[4];
            List<String> problems = new ArrayList<>();
            for (long id : ids) {
                DeadLetterStore.Settlement s = replay ? store.replay(id, "designer") : store.discard(id, "designer");
                counts[s.outcome().ordinal()]++;
                if (s.outcome() == DeadLetterStore.Outcome.REFUSED) {
                    problems.add(s.message());
                }
            }
            return new DeadLetterSettlement(replay, counts[0], counts[1], counts[2], counts[3], problems);
        });
    }

    @Override
    public Optional<RetentionControl> retention() {
        return Optional.of(new RuntimeRetention(this::call));
    }
}
