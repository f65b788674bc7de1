package io.caseflow.designer.bench;

import io.caseflow.designer.monitor.source.InMemoryMonitorSource;
import io.caseflow.json.Json;
import io.caseflow.process.ProcessIds;
import io.caseflow.process.ProcessSnapshot;
import io.caseflow.process.ProcessStatus;
import io.caseflow.samples.BusinessCase1;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Processes of businessCase1 moving through its stages in an in-memory source, at a set rate of
 * transitions per second, delivered in batches every 10 ms (as group commits deliver them): each
 * transition moves one process one stage on (a service stage first WAITING, then RUNNING at the
 * next stage), 0.5 % fail, and 2 % of the events are for processes that just started.
 */
final class SimulatedTraffic implements Runnable {
    private static final String[] STAGES = {"validateOrder", "reserveStock", "reserveStock", "chargePayment", "chargePayment",
        "createShipment", "createShipment", "notifyCustomer", "completed"};
    private static final ProcessStatus[] STATUS = {ProcessStatus.RUNNING, ProcessStatus.WAITING, ProcessStatus.RUNNING,
        ProcessStatus.WAITING, ProcessStatus.RUNNING, ProcessStatus.WAITING, ProcessStatus.RUNNING, ProcessStatus.RUNNING,
        ProcessStatus.COMPLETED};

    private final InMemoryMonitorSource source;
    private final List<ProcessSnapshot> live;
    private final int[] position;
    private final int eventsPerSecond;
    private final SplittableRandom random = new SplittableRandom(7);
    final AtomicLong emitted = new AtomicLong();
    private volatile boolean running = true;

    SimulatedTraffic(InMemoryMonitorSource source, List<ProcessSnapshot> processes, int eventsPerSecond) {
        this.source = source;
        this.live = new ArrayList<>(processes);
        this.position = new int[processes.size()];
        this.eventsPerSecond = eventsPerSecond;
    }

    /** {@code n} processes stored in the source, spread over the stages (oldest first). */
    static List<ProcessSnapshot> seed(InMemoryMonitorSource source, int n) {
        List<ProcessSnapshot> out = new ArrayList<>(n);
        Instant now = Instant.now();
        for (int i = 0; i < n; i++) {
            int at = i % (STAGES.length - 1);
            ProcessSnapshot p = InMemoryMonitorSource.snapshot(ProcessIds.next(), BusinessCase1.KEY, 1, STATUS[at], STAGES[at], at + 1,
                    Json.object().put("orderId", "ORD-" + (10000 + i)).put("total", 10 + i % 500), null, now);
            source.put(p);
            out.add(p);
        }
        return out;
    }

    void stop() {
        running = false;
    }

    @Override
    public void run() {
        long period = 10_000_000L;
        int perBatch = Math.max(1, eventsPerSecond / 100);
        long next = System.nanoTime();
        while (running) {
            List<ProcessSnapshot> batch = new ArrayList<>(perBatch);
            Instant now = Instant.now();
            for (int i = 0; i < perBatch; i++) {
                batch.add(random.nextInt(50) == 0 ? started(now) : advance(random.nextInt(live.size()), now));
            }
            source.commitAll(batch);
            emitted.addAndGet(batch.size());
            next += period;
            long wait = next - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
        }
    }

    private ProcessSnapshot started(Instant now) {
        ProcessSnapshot p = InMemoryMonitorSource.snapshot(ProcessIds.next(), BusinessCase1.KEY, 1, ProcessStatus.RUNNING,
                "validateOrder", 1, Json.object().put("orderId", "ORD-new"), null, now);
        return p;
    }

    private ProcessSnapshot advance(int i, Instant now) {
        ProcessSnapshot p = live.get(i);
        int at = position[i];
        boolean ended = p.status() == ProcessStatus.COMPLETED || p.status() == ProcessStatus.FAILED;
        int next = ended ? 0 : Math.min(at + 1, STAGES.length - 1);
        ProcessSnapshot.Builder b = p.toBuilder().step(p.step() + 1).updatedAt(now).failure(null);
        if (!ended && random.nextInt(200) == 0) {
            b.status(ProcessStatus.FAILED).failure(InMemoryMonitorSource.failure(p.currentStage(), "simulated failure", now));
            next = at;
        } else {
            b.status(STATUS[next]);
            if (!STAGES[next].equals(p.currentStage())) {
                b.moveTo(STAGES[next]);
            }
        }
        position[i] = next;
        ProcessSnapshot moved = b.build();
        live.set(i, moved);
        return moved;
    }
}
