package io.caseflow.bench;

import io.caseflow.CaseflowRuntime;
import io.caseflow.definition.CaseKey;
import io.caseflow.process.ProcessEvent;
import io.caseflow.process.ProcessStatus;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

/**
 * What a benchmark waits for: processes completed, counted from the runtime's events (register {@link #onEvents} as a
 * listener), and starts made from several client threads at once, as many HTTP callers would (starts share group commits).
 */
final class Completions {
    private long completed; // guarded by this

    /** A process event listener: counts the processes that completed. */
    void onEvents(List<ProcessEvent> events) {
        long done = events.stream().filter(e -> e.status() == ProcessStatus.COMPLETED).count();
        if (done > 0) {
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

    /** Starts {@code count} processes of {@code key} from {@code threads} client threads; returns once all are handed out. */
    static void startConcurrently(CaseflowRuntime runtime, CaseKey key, int count, int threads, IntFunction<Object> input) {
        ExecutorService starters = Executors.newFixedThreadPool(threads);
        for (int i = 0; i < count; i++) {
            int n = i;
            starters.execute(() -> runtime.startProcess(key, input.apply(n)));
        }
        starters.shutdown();
    }
}
