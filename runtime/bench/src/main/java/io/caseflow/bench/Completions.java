package io.caseflow.bench;

import io.caseflow.CaseflowRuntime;
import io.caseflow.definition.CaseKey;
import io.caseflow.process.ProcessEvent;
import io.caseflow.process.ProcessStatus;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

/**
 * What a benchmark waits for: processes completed, counted from the runtime's events (register {@link #onEvents} as a
 * listener), and starts made from several client threads at once, as many HTTP callers would (starts share group commits).
 */
final class Completions {
    private static final Duration SLOT_WAIT = Duration.ofMinutes(10);

    private long completed; // guarded by this
    private volatile Semaphore slots; // null: no limit on processes in flight

    /** From now on {@link #start} keeps at most {@code processes} in flight (0: no limit). */
    void limitInFlight(int processes) {
        slots = processes > 0 ? new Semaphore(processes) : null;
    }

    /** A process event listener: counts the processes that completed. */
    void onEvents(List<ProcessEvent> events) {
        long done = events.stream().filter(e -> e.status() == ProcessStatus.COMPLETED).count();
        if (done > 0) {
            Semaphore limit = slots;
            if (limit != null) {
                limit.release((int) done);
            }
            synchronized (this) {
                completed += done;
                notifyAll();
            }
        }
    }

    synchronized long count() {
        return completed;
    }

    /** Waits until {@code expected} processes have completed in all; after {@code limit}, fails saying {@code what} and the counts. */
    synchronized void await(long expected, Duration limit, CaseflowRuntime runtime, String what) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (completed < expected) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new IllegalStateException(what + " did not finish within " + limit + ": " + runtime.countsByStatus());
            }
            TimeUnit.NANOSECONDS.timedWait(this, Math.min(left, TimeUnit.MILLISECONDS.toNanos(100)));
        }
    }

    /**
     * Starts {@code count} processes of {@code key} from {@code threads} client threads, each once a slot is free when
     * in flight is limited; returns once all are handed out.
     */
    void start(CaseflowRuntime runtime, CaseKey key, int count, int threads, IntFunction<Object> input) throws InterruptedException {
        ExecutorService starters = Executors.newFixedThreadPool(threads);
        try {
            Semaphore limit = slots;
            for (int i = 0; i < count; i++) {
                // Bounded: a start that failed never completes, so its slot never comes back.
                if (limit != null && !limit.tryAcquire(SLOT_WAIT.toNanos(), TimeUnit.NANOSECONDS)) {
                    throw new IllegalStateException("no process completed within " + SLOT_WAIT + " to free a slot for start " + (i + 1)
                            + " of " + count + ": " + runtime.countsByStatus());
                }
                int n = i;
                starters.execute(() -> runtime.startProcess(key, input.apply(n)));
            }
        } finally {
            starters.shutdown();
        }
    }
}
