package io.caseflow.designer.monitor;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.caseflow.audit.AuditEvent;
import io.caseflow.definition.CaseDefinition;
import io.caseflow.definition.CaseKey;
import io.caseflow.definition.DeployedDefinition;
import io.caseflow.job.JobRequest;
import io.caseflow.job.JobSnapshot;
import io.caseflow.message.DeadLetter;
import io.caseflow.process.ActionResult;
import io.caseflow.process.MigrationReport;
import io.caseflow.process.ProcessEvent;
import io.caseflow.process.ProcessPage;
import io.caseflow.process.ProcessQuery;
import io.caseflow.process.ProcessSnapshot;
import io.caseflow.process.ProcessStatus;
import io.caseflow.process.StageRun;
import io.caseflow.worker.WorkerSnapshot;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Where the monitor gets its picture of the runtime: snapshot queries, actions, a live stream of
 * {@link ProcessEvent}s and the state of the connection. The embedded implementation calls the
 * runtime in this JVM; a remote one maps the same calls onto the HTTP API (read-only token for the
 * queries, the API token for actions) and the live stream onto a queue of its own bound to the
 * runtime's events exchange.
 *
 * <p><b>Every call is asynchronous and may fail</b>: a returned future completes on one of the
 * source's threads, exceptionally when the source cannot answer (the connection is down, the
 * process does not exist). Calls never block the caller. Values are the runtime's own types
 * ({@link ProcessPage}, {@link ActionResult}...), so both implementations speak the same language.
 *
 * <p><b>Live events</b> reach the {@link Listener} on the source's threads (the embedded runtime's
 * committer thread, a broker consumer thread): the listener must return quickly, so it only hands
 * them to a {@link LiveEventBuffer}. Events of one process arrive in order, but may be missed (a
 * dropped connection, an event lost on the way): the sequence numbers tell, and the monitor re-reads.
 *
 * <pre>{@code
 * LiveEventBuffer buffer = new LiveEventBuffer(new SequenceTracker());
 * try (MonitorSource.Subscription s = source.subscribe(buffer)) {
 *     source.list(ProcessQuery.all(100)).thenAccept(page -> ...);
 * }
 * }</pre>
 */
public interface MonitorSource extends AutoCloseable {

    /** Told about live events and connection changes, on the source's threads; must return quickly. */
    interface Listener {
        void events(List<ProcessEvent> events);

        void connection(ConnectionState state);
    }

    /** Stops the listener's events. */
    interface Subscription extends AutoCloseable {
        @Override
        void close();
    }

    /** How the UI names it: "embedded runtime", "prod (https://...)". */
    String describe();

    /** The connection as it is now; changes are also told to every {@link Listener}. */
    ConnectionState connection();

    Subscription subscribe(Listener listener);

    /** Every deployed version of every case. */
    CompletableFuture<List<DeployedDefinition>> definitions();

    CompletableFuture<Optional<CaseDefinition>> definition(CaseKey key, int version);

    /** Processes matching the query, newest first, one page. */
    CompletableFuture<ProcessPage> list(ProcessQuery query);

    /** How many processes of a case stand at each stage, by status. */
    CompletableFuture<Map<String, Map<ProcessStatus, Long>>> countsByStage(CaseKey key);

    /** Fails with {@code io.caseflow.process.ProcessNotFoundException} when there is no such process. */
    CompletableFuture<ProcessSnapshot> process(String processId);

    CompletableFuture<List<StageRun>> history(String processId);

    /** Who did what to the process, newest first (the runtime's audit trail); fails when this source may not read it. */
    CompletableFuture<List<AuditEvent>> audit(String processId);

    /** The newest dead letters, up to {@code limit}. */
    CompletableFuture<List<DeadLetter>> deadLetters(int limit);

    /**
     * Resumes a FAILED process at {@code fromStage} (null: where it failed) with {@code newData}
     * replacing its data (null: unchanged). Idempotent: anything but a FAILED process is left alone
     * and the result says so.
     */
    CompletableFuture<ActionResult> retry(String processId, String fromStage, ObjectNode newData);

    /** Stops a process that has not ended. Idempotent. */
    CompletableFuture<ActionResult> cancel(String processId);

    /** Whether {@link #createJob} works here: bulk actions go through server-side jobs (else one call per process). */
    default boolean runsJobs() {
        return false;
    }

    /** Creates a bulk job (retry, retry-from, cancel, migrate over a query or ids); the job as created. */
    default CompletableFuture<JobSnapshot> createJob(JobRequest request) {
        return CompletableFuture.failedFuture(new UnsupportedOperationException(describe() + " cannot run bulk jobs"));
    }

    /** A job's progress now. */
    default CompletableFuture<JobSnapshot> job(String jobId) {
        return CompletableFuture.failedFuture(new UnsupportedOperationException(describe() + " cannot run bulk jobs"));
    }

    /** Cancels a running job; processes already acted on keep their results. */
    default CompletableFuture<JobSnapshot> cancelJob(String jobId) {
        return CompletableFuture.failedFuture(new UnsupportedOperationException(describe() + " cannot run bulk jobs"));
    }

    /** Replays ({@code replay}) or discards dead letters by id; each is replayed at most once. */
    default CompletableFuture<DeadLetterSettlement> settleDeadLetters(boolean replay, List<Long> ids) {
        return CompletableFuture.failedFuture(new UnsupportedOperationException(describe() + " cannot replay or discard dead letters"));
    }

    /** Sample traffic, where the source can make some (the embedded runtime). */
    /** Starts one process of {@code key} on its latest version with {@code input}. */
    default CompletableFuture<ProcessSnapshot> start(CaseKey key, ObjectNode input) {
        return CompletableFuture.failedFuture(new UnsupportedOperationException(describe() + " cannot start processes"));
    }

    /** Moves the processes of {@code key} v{@code from} that have not ended to v{@code to}; {@code dryRun} only reports. */
    default CompletableFuture<MigrationReport> migrate(CaseKey key, int from, int to, Map<String, String> stageMapping, boolean dryRun) {
        return CompletableFuture.failedFuture(new UnsupportedOperationException(describe() + " cannot migrate processes"));
    }

    /** The nodes in the runtime's live worker registry, alive or gone (none if the source cannot tell). */
    default CompletableFuture<List<WorkerSnapshot>> workers() {
        return CompletableFuture.completedFuture(List.of());
    }

    /** Retention (how long finished processes are kept, the sweeper), where the source can reach it. */
    default Optional<RetentionControl> retention() {
        return Optional.empty();
    }

    default Optional<DemoTraffic> demo() {
        return Optional.empty();
    }

    /** Asks for a new attempt now (after {@link ConnectionState.Kind#LOST}, or to skip a backoff). */
    default void reconnect() {
    }

    /** Stops the source's threads and subscriptions; the connection becomes LOST ("closed"). */
    @Override
    void close();
}
