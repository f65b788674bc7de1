package io.caseflow.engine;

import io.caseflow.concurrent.DaemonThreads;
import io.caseflow.fault.CrashPoint;
import io.caseflow.fault.CrashPoints;
import io.caseflow.commit.Commit;
import io.caseflow.commit.CommitResult;
import io.caseflow.commit.NewProcess;
import io.caseflow.commit.StartOutcome;
import io.caseflow.commit.StoredMessage;
import io.caseflow.commit.WriteBatch;
import io.caseflow.message.OutboxMessage;
import io.caseflow.process.ProcessEvent;
import io.caseflow.process.ProcessEventListener;
import io.caseflow.store.ProcessStore;
import io.caseflow.store.StoreException;
import io.caseflow.transport.SharedWriter;
import io.caseflow.transport.Transport;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Group commit: transitions finished by many workers, new processes, and (for the embedded transport)
 * acknowledgements and service replies are written in one transaction by one thread. Each commit is
 * durable on its own (H2 with WRITE_DELAY=0, or PostgreSQL), so throughput comes from sharing the
 * write, never from relaxing it. Batches grow with load by themselves: whatever arrived while the
 * previous transaction ran goes into the next one.
 *
 * <p>If a batch fails for a reason other than an unreachable database, its items are retried one by
 * one, so one bad transition cannot hold back the others.
 */
final class GroupCommitter implements SharedWriter, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(GroupCommitter.class);

    private final ProcessStore store;
    private final Transport transport;
    private final EngineMetrics metrics;
    private final List<ProcessEventListener> listeners;
    private final int maxBatch;
    private final LinkedBlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final Thread thread;
    private volatile boolean running = true;

    GroupCommitter(ProcessStore store, Transport transport, EngineMetrics metrics, List<ProcessEventListener> listeners, int maxBatch) {
        this.store = store;
        this.transport = transport;
        this.metrics = metrics;
        this.listeners = listeners;
        this.maxBatch = maxBatch;
        this.thread = DaemonThreads.start("caseflow-committer", this::loop);
    }

    /** Completes with true once committed, false if the fence refused it (a duplicate), or exceptionally. */
    CompletableFuture<Boolean> submit(Commit commit) {
        return submit(commit, 0);
    }

    /**
     * Like {@link #submit(Commit)}, deleting the outbox row {@code consumedRowId} (when not 0) in the same
     * transaction, whether the fence applies the commit or refuses it as a duplicate: the message that caused
     * the transition is acknowledged by the write that records it.
     */
    CompletableFuture<Boolean> submit(Commit commit, long consumedRowId) {
        CompletableFuture<Boolean> result = new CompletableFuture<>();
        enqueue(new Pending(commit, null, null, consumedRowId, result));
        return result;
    }

    /** Creates a process together with whatever else is being committed. */
    CompletableFuture<StartOutcome> submit(NewProcess start) {
        CompletableFuture<StartOutcome> result = new CompletableFuture<>();
        enqueue(new Pending(null, start, null, 0, result));
        return result;
    }

    @Override
    public CompletableFuture<Void> append(OutboxMessage message, long consumedRowId) {
        CompletableFuture<Void> result = new CompletableFuture<>();
        enqueue(new Pending(null, null, message, consumedRowId, result));
        return result;
    }

    @Override
    public void acknowledge(long outboxId) {
        if (outboxId == StoredMessage.NO_ROW) {
            return; // a message the process row implied: nothing to delete
        }
        enqueue(new Pending(null, null, null, outboxId, null));
    }

    private void enqueue(Pending pending) {
        if (!running) {
            pending.fail(new IllegalStateException("the engine is stopping"));
            return;
        }
        queue.add(pending);
    }

    private void loop() {
        List<Pending> batch = new ArrayList<>(maxBatch);
        while (running || !queue.isEmpty()) {
            try {
                Pending first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, maxBatch - 1);
                commit(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (RuntimeException e) {
                LOG.error("group commit failed unexpectedly", e);
                batch.forEach(p -> p.fail(e));
            } finally {
                batch.clear();
            }
        }
        List<Pending> rest = new ArrayList<>();
        queue.drainTo(rest);
        rest.forEach(p -> p.fail(new IllegalStateException("the engine stopped before this commit")));
    }

    private void commit(List<Pending> batch) {
        List<Pending> transitions = new ArrayList<>();
        List<Pending> starts = new ArrayList<>();
        List<Pending> appends = new ArrayList<>();
        List<Long> acks = new ArrayList<>();
        for (Pending pending : batch) {
            if (pending.commit != null) {
                transitions.add(pending);
            } else if (pending.start != null) {
                starts.add(pending);
            } else if (pending.message != null) {
                appends.add(pending);
            }
            if (pending.ackId != 0) { // an acknowledgement alone, or the row a transition or reply consumed
                acks.add(pending.ackId);
            }
        }
        if (!transitions.isEmpty()) {
            CrashPoints.reach(CrashPoint.BEFORE_STAGE_COMMIT);
        }
        List<Commit> commits = transitions.stream().map(p -> p.commit).toList();
        WriteBatch write = new WriteBatch(commits, starts.stream().map(p -> p.start).toList(),
                appends.stream().map(p -> p.message).toList(), acks);
        long started = System.nanoTime();
        CommitResult result;
        try {
            result = store.commit(write, transport.claimPolicy());
        } catch (StoreException e) {
            if (batch.size() > 1 && !e.isUnavailable()) {
                LOG.warn("a group commit of {} items failed ({}); committing them one by one", batch.size(), e.getMessage());
                for (Pending pending : batch) {
                    commit(List.of(pending));
                }
                return;
            }
            if (batch.size() == 1 && batch.get(0).isAck()) {
                LOG.debug("an acknowledgement was not written ({}); the message will be delivered again", e.getMessage());
            }
            batch.forEach(p -> p.fail(e));
            return;
        }
        metrics.commitBatch(Duration.ofNanos(System.nanoTime() - started));
        transport.committed(result.messages());
        List<Commit> applied = new ArrayList<>(commits.size());
        boolean requestPublished = false;
        for (int i = 0; i < commits.size(); i++) {
            if (result.applied().get(i)) {
                applied.add(commits.get(i));
                requestPublished |= commits.get(i).messages().stream()
                        .anyMatch(m -> m.kind() == OutboxMessage.Kind.SERVICE_REQUEST);
            }
        }
        if (requestPublished) {
            CrashPoints.reach(CrashPoint.AFTER_SERVICE_REQUEST_PUBLISHED);
        }
        if (!applied.isEmpty()) {
            CrashPoints.reach(CrashPoint.AFTER_STAGE_COMMIT_BEFORE_ACK);
        }
        tellListeners(applied, result.started());
        for (int i = 0; i < transitions.size(); i++) {
            transitions.get(i).complete(result.applied().get(i));
        }
        for (int i = 0; i < starts.size(); i++) {
            starts.get(i).complete(result.started().get(i));
        }
        appends.forEach(p -> p.complete(null));
    }

    private void tellListeners(List<Commit> applied, List<StartOutcome> starts) {
        if (listeners.isEmpty()) {
            return;
        }
        List<ProcessEvent> events = new ArrayList<>(applied.size() + starts.size());
        for (StartOutcome start : starts) {
            if (start.created()) {
                events.add(ProcessEvent.of(start.process()));
            }
        }
        for (Commit commit : applied) {
            events.add(ProcessEvent.of(commit.next()));
        }
        if (events.isEmpty()) {
            return;
        }
        for (ProcessEventListener listener : listeners) {
            try {
                listener.events(events);
            } catch (RuntimeException e) {
                LOG.warn("process event listener {} failed", listener, e);
            }
        }
    }

    @Override
    public void close() {
        running = false;
        try {
            thread.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * One item waiting for the next group commit: a transition or a message (each with the row of the message it
     * consumed or answers, or 0), a start, or an acknowledgement.
     */
    private record Pending(Commit commit, NewProcess start, OutboxMessage message, long ackId,
                           CompletableFuture<?> result) {
        boolean isAck() {
            return result == null;
        }

        @SuppressWarnings("unchecked")
        void complete(Object value) {
            ((CompletableFuture<Object>) result).complete(value);
        }

        void fail(Throwable error) {
            if (result != null) {
                result.completeExceptionally(error);
            }
        }
    }
}
