package io.caseflow.samples;

import io.caseflow.CaseflowRuntime;
import io.caseflow.handler.HandlerRegistry;
import io.caseflow.process.IdempotencyConflictException;
import io.caseflow.process.ProcessEvent;
import io.caseflow.process.ProcessQuery;
import io.caseflow.process.ProcessSnapshot;
import io.caseflow.process.ProcessStatus;
import io.caseflow.process.StartResult;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * businessCase1 on an embedded runtime with the sample services: what {@code caseflow demo} and the
 * designer's monitor run. Starts processes, waits for them to end, and reports.
 */
public final class Demo implements AutoCloseable {
    private final CaseflowRuntime runtime;
    private final SampleServices services;
    private static final String STARTED = "started";
    private static final String ALREADY_DONE = "already done";
    private static final String RESUMED = "resumed";
    private static final String REFUSED = "refused";
    private static final String FAILED = "failed";
    private static final Duration POLL = Duration.ofMillis(200);

    private final AtomicLong ended = new AtomicLong();

    private Demo(CaseflowRuntime runtime, SampleServices services) {
        this.runtime = runtime;
        this.services = services;
    }

    /** Opens (or reopens) a demo whose databases live under {@code directory}. */
    public static Demo open(Path directory, int workerThreads) {
        Demo[] self = new Demo[1];
        CaseflowRuntime runtime = CaseflowRuntime.builder()
                .h2File(directory.resolve("runtime"))
                .handlers(BusinessCase1.registerHandlers(new HandlerRegistry()))
                .workerThreads(workerThreads)
                .listener(events -> self[0].countEnded(events))
                .build();
        SampleServices services = null;
        try {
            runtime.start();
            services = SampleServices.h2(directory.resolve("services")).attach(runtime.transport(), 2);
            runtime.deploy(BusinessCase1.definition());
            self[0] = new Demo(runtime, services);
            return self[0];
        } catch (RuntimeException e) {
            runtime.close();
            if (services != null) {
                services.close();
            }
            throw e;
        }
    }

    private void countEnded(List<ProcessEvent> events) {
        long count = events.stream().filter(e -> e.status().isTerminal()).count();
        if (count > 0) {
            synchronized (ended) {
                ended.addAndGet(count);
                ended.notifyAll();
            }
        }
    }

    public CaseflowRuntime runtime() {
        return runtime;
    }

    public SampleServices services() {
        return services;
    }

    /**
     * What starting the orders found: each order's idempotency key ({@code demo-<orderId>}) either started a
     * new process, or named one an earlier run (maybe killed) had started, which has ended or is still
     * running (it resumes by itself). {@code refused} counts keys an earlier run used with another input
     * (another {@code --seed} or mix), {@code failed} starts that failed for another reason.
     */
    public record Started(List<String> ids, int started, int alreadyDone, int resumed, int refused, int failed, String firstError) {
    }

    /** Starts {@code count} orders (numbered from {@code firstIndex}) from several client threads. */
    public Started start(int firstIndex, int count, Orders.Mix mix, long seed) throws InterruptedException {
        Random random = new Random(seed);
        List<Map<String, Object>> orders = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            orders.add(Orders.order(firstIndex + i, random, mix));
        }
        List<String> ids = Collections.synchronizedList(new ArrayList<>());
        Map<String, AtomicInteger> outcomes = new ConcurrentHashMap<>();
        AtomicReference<String> firstError = new AtomicReference<>();
        ExecutorService clients = Executors.newFixedThreadPool(8);
        for (Map<String, Object> order : orders) {
            clients.execute(() -> outcomes.computeIfAbsent(startOne(order, ids, firstError), k -> new AtomicInteger()).incrementAndGet());
        }
        clients.shutdown();
        if (!clients.awaitTermination(5, TimeUnit.MINUTES)) {
            throw new IllegalStateException("starting " + count + " processes took more than 5 minutes");
        }
        return new Started(List.copyOf(ids), tally(outcomes, STARTED), tally(outcomes, ALREADY_DONE), tally(outcomes, RESUMED),
                tally(outcomes, REFUSED), tally(outcomes, FAILED), firstError.get());
    }

    /** Starts one order; never throws, so a client thread never dies with a stack trace. Returns what happened. */
    private String startOne(Map<String, Object> order, List<String> ids, AtomicReference<String> firstError) {
        try {
            StartResult result = runtime.start(BusinessCase1.KEY, order, "demo-" + order.get("orderId"));
            ids.add(result.process().id());
            return result.created() ? STARTED : result.process().status().isTerminal() ? ALREADY_DONE : RESUMED;
        } catch (IdempotencyConflictException e) {
            ids.add(e.existingProcessId());
            return REFUSED;
        } catch (RuntimeException e) {
            firstError.compareAndSet(null, e.getMessage());
            return FAILED;
        }
    }

    private static int tally(Map<String, AtomicInteger> outcomes, String outcome) {
        AtomicInteger count = outcomes.get(outcome);
        return count == null ? 0 : count.get();
    }

    /**
     * Waits until no process of the demo's store is running or waiting any more: new ones, and ones an
     * earlier run left in flight. False if {@code timeout} passed first.
     */
    public boolean awaitAllEnded(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (running() > 0) {
            if (System.nanoTime() >= deadline) {
                return false;
            }
            Thread.sleep(POLL.toMillis());
        }
        return true;
    }

    private long running() {
        Map<ProcessStatus, Long> counts = runtime.countsByStatus();
        return counts.entrySet().stream().filter(e -> !e.getKey().isTerminal()).mapToLong(Map.Entry::getValue).sum();
    }

    /** Waits until {@code count} more processes than before have ended (completed, failed or cancelled). */
    public boolean awaitEnded(long endedBefore, long count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (ended) {
            while (ended.get() - endedBefore < count) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(ended, Math.min(left, TimeUnit.MILLISECONDS.toNanos(200)));
            }
        }
        return true;
    }

    public long endedSoFar() {
        return ended.get();
    }

    /** Failed processes, up to {@code limit}. */
    public List<ProcessSnapshot> failed(int limit) {
        return runtime.list(ProcessQuery.all(limit).withStatuses(Set.of(ProcessStatus.FAILED))).processes();
    }

    @Override
    public void close() {
        runtime.close();
        services.close();
    }
}
