package io.caseflow.engine;

import io.caseflow.fault.CrashPoint;
import io.caseflow.fault.CrashPoints;
import io.caseflow.message.OutboxMessage;
import io.caseflow.store.CommitResult;
import io.caseflow.store.ProcessStore;
import io.caseflow.store.StoreException;
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
 * Group commit: transitions finished by many workers are written in one transaction. Each commit is
 * durable on its own (H2 with WRITE_DELAY=0, or PostgreSQL), so throughput comes from sharing the
 * write, never from relaxing it. Batches grow with load by themselves: whatever arrived while the
 * previous transaction ran goes into the next one.
 *
 * <p>If a batch fails for a reason other than an unreachable database, its commits are retried one by
 * one, so one bad transition cannot hold back the others.
 */
final class GroupCommitter implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(GroupCommitter.class);

    private final ProcessStore store;
    private final Transport transport;
    private final EngineMetrics metrics;
    private final List<EngineListener> listeners;
    private final int maxBatch;
    private final LinkedBlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final Thread thread;
    private volatile boolean running = true;

    GroupCommitter(ProcessStore store, Transport transport, EngineMetrics metrics, List<EngineListener> listeners, int maxBatch) {
        this.store = store;
        this.transport = transport;
        this.metrics = metrics;
        this.listeners = listeners;
        this.maxBatch = maxBatch;
        this.thread = new Thread(this::loop, "caseflow-committer");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    /** Completes with true once committed, false if the fence refused it (a duplicate), or exceptionally. */
    CompletableFuture<Boolean> submit(Commit commit) {
        Pending pending = new Pending(commit, new CompletableFuture<>());
        if (!running) {
            pending.result.completeExceptionally(new IllegalStateException("the engine is stopping"));
            return pending.result;
        }
        queue.add(pending);
        return pending.result;
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
                batch.forEach(p -> p.result.completeExceptionally(e));
            } finally {
                batch.clear();
            }
        }
        List<Pending> rest = new ArrayList<>();
        queue.drainTo(rest);
        rest.forEach(p -> p.result.completeExceptionally(new IllegalStateException("the engine stopped before this commit")));
    }

    private void commit(List<Pending> batch) {
        CrashPoints.reach(CrashPoint.BEFORE_STAGE_COMMIT);
        List<Commit> commits = batch.stream().map(Pending::commit).toList();
        long started = System.nanoTime();
        CommitResult result;
        try {
            result = store.commit(commits, transport.claimPolicy());
        } catch (StoreException e) {
            if (batch.size() > 1 && !e.isUnavailable()) {
                LOG.warn("a group commit of {} failed ({}); committing them one by one", batch.size(), e.getMessage());
                for (Pending pending : batch) {
                    commit(List.of(pending));
                }
                return;
            }
            batch.forEach(p -> p.result.completeExceptionally(e));
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
        CrashPoints.reach(CrashPoint.AFTER_STAGE_COMMIT_BEFORE_ACK);
        for (EngineListener listener : listeners) {
            try {
                listener.committed(applied);
            } catch (RuntimeException e) {
                LOG.warn("engine listener {} failed", listener, e);
            }
        }
        for (int i = 0; i < batch.size(); i++) {
            batch.get(i).result.complete(result.applied().get(i));
        }
    }

    int pending() {
        return queue.size();
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

    private record Pending(Commit commit, CompletableFuture<Boolean> result) {
    }
}
