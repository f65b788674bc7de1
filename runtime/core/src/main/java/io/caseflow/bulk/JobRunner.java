package io.caseflow.bulk;

import io.caseflow.concurrent.Backoff;
import io.caseflow.concurrent.DaemonThreads;
import io.caseflow.concurrent.Futures;
import io.caseflow.job.JobItem;
import io.caseflow.job.JobSnapshot;
import io.caseflow.store.JdbcJobStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Works through running jobs on this node: claims one job at a time under a lease (so only one node runs a
 * job's batch at a time; a node that dies loses the lease and another resumes), takes a batch of its
 * pending items, applies them {@value #PARALLELISM} at a time (their commits share group commits), records
 * the batch's results with the lease extended, and marks the job done when no item is pending. One daemon
 * thread plus a small pool; {@link #wake()} may be called from any thread.
 */
final class JobRunner implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(JobRunner.class);
    static final int BATCH = 200;
    static final int PARALLELISM = 8;
    static final Duration LEASE = Duration.ofSeconds(10);
    private static final Duration IDLE = Duration.ofSeconds(1);

    private final JdbcJobStore store;
    private final ItemAction action;
    private final Clock clock;
    private final String owner;
    private final ExecutorService pool;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition work = lock.newCondition();
    private final Backoff backoff = new Backoff(Duration.ofMillis(200), Duration.ofSeconds(5));
    private volatile boolean running;
    private boolean woken;
    private Thread thread;
    private volatile String current;

    JobRunner(JdbcJobStore store, ItemAction action, Clock clock, String owner) {
        this.store = store;
        this.action = action;
        this.clock = clock;
        this.owner = owner;
        this.pool = Executors.newFixedThreadPool(PARALLELISM, DaemonThreads.factory("caseflow-job"));
    }

    void start() {
        running = true;
        thread = DaemonThreads.start("caseflow-jobs", this::loop);
        LOG.info("bulk job runner started as {}", owner);
    }

    /** A job was created or cancelled: look now rather than at the next poll. */
    void wake() {
        lock.lock();
        try {
            woken = true;
            work.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private void loop() {
        while (running) {
            try {
                Optional<String> claimed = store.claim(owner, clock.instant(), clock.instant().plus(LEASE));
                backoff.reset();
                if (claimed.isEmpty()) {
                    idle();
                    continue;
                }
                run(claimed.get());
            } catch (RuntimeException e) {
                if (!running) {
                    return;
                }
                LOG.warn("bulk jobs: {}; trying again", e.getMessage());
                if (!backoff.pause()) {
                    return;
                }
            }
        }
    }

    private void idle() {
        lock.lock();
        try {
            if (!woken) {
                work.await(IDLE.toMillis(), TimeUnit.MILLISECONDS);
            }
            woken = false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        } finally {
            lock.unlock();
        }
    }

    private void run(String jobId) {
        JobSnapshot job = store.find(jobId).orElse(null);
        if (job == null) {
            return;
        }
        current = jobId;
        try {
            LOG.info("running {}", job.describe());
            while (running) {
                List<JobItem> items = store.pending(jobId, BATCH);
                if (items.isEmpty()) {
                    if (store.finish(jobId, owner, clock.instant())) {
                        LOG.info("finished {}", store.find(jobId).map(JobSnapshot::describe).orElse(jobId));
                    }
                    return;
                }
                Map<String, JobItem> results = applyAll(job, items);
                Instant now = clock.instant();
                boolean stillOurs = store.record(jobId, owner, results, now, now.plus(LEASE));
                if (!stillOurs) {
                    LOG.info("job {} was cancelled or taken over; stopping work on it", jobId);
                    return;
                }
                if (results.size() < items.size()) {
                    throw new IllegalStateException((items.size() - results.size()) + " item(s) of job " + jobId
                            + " could not be applied now (the store is unavailable)");
                }
            }
        } finally {
            current = null;
            if (!running) {
                releaseQuietly(jobId);
            }
        }
    }

    private void releaseQuietly(String jobId) {
        try {
            store.release(jobId, owner);
        } catch (RuntimeException e) {
            LOG.warn("could not give back the lease of job {} ({}); another node takes it when the lease runs out", jobId, e.getMessage());
        }
    }

    /** Applies the items in parallel; an item whose store was unavailable is left out (it stays pending). */
    private Map<String, JobItem> applyAll(JobSnapshot job, List<JobItem> items) {
        List<CompletableFuture<JobItem>> futures = new ArrayList<>(items.size());
        for (JobItem item : items) {
            futures.add(CompletableFuture.supplyAsync(() -> action.apply(job.request(), item), pool));
        }
        Map<String, JobItem> results = new LinkedHashMap<>();
        RuntimeException unavailable = null;
        for (CompletableFuture<JobItem> future : futures) {
            try {
                JobItem result = future.join();
                results.put(result.processId(), result);
            } catch (CompletionException e) {
                unavailable = Futures.unwrap(e);
            }
        }
        if (unavailable != null) {
            LOG.warn("job {}: {} of {} item(s) wait for the store: {}", job.id(), items.size() - results.size(), items.size(),
                    unavailable.getMessage());
        }
        return results;
    }

    @Override
    public void close() {
        running = false;
        wake();
        if (thread != null) {
            try {
                thread.join(Duration.ofSeconds(10).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        pool.shutdownNow();
    }
}
