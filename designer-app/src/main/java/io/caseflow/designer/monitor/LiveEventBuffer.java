package io.caseflow.designer.monitor;

import io.caseflow.process.ProcessEvent;
import io.caseflow.process.ProcessStatus;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The coalescer between a source's threads and the UI thread. Sources hand it events as they come
 * ({@link #events}); the UI drains it once per tick ({@link #drain}, every 100 ms) and gets one
 * {@link Batch}: the newest event per process, the processes whose sequence jumped (to re-read),
 * how many transitions, stage runs and failures happened since the last drain, and the latest
 * connection state. However many events arrive, the UI thread does one batch of work per tick,
 * and never one {@code runLater} per event.
 *
 * <p>Thread-safe; {@link #events} and {@link #connection} take a short lock and return.
 */
public final class LiveEventBuffer implements MonitorSource.Listener {
    private final SequenceTracker tracker;
    private Map<String, ProcessEvent> latest = new HashMap<>();
    private Set<String> gaps = new LinkedHashSet<>();
    private long transitions;
    private long stageRuns;
    private long failures;
    private long stale;
    private ConnectionState connection;
    private long receivedTotal;
    private long gapsTotal;
    private long drains;

    /** What happened since the previous drain. */
    public record Batch(List<ProcessEvent> events, Set<String> gaps, long transitions, long stageRuns, long failures,
                        long stale, ConnectionState connection) {
        public static final Batch EMPTY = new Batch(List.of(), Set.of(), 0, 0, 0, 0, null);

        public boolean isEmpty() {
            return events.isEmpty() && gaps.isEmpty() && connection == null && transitions == 0;
        }
    }

    public LiveEventBuffer(SequenceTracker tracker) {
        this.tracker = tracker;
    }

    public SequenceTracker tracker() {
        return tracker;
    }

    @Override
    public synchronized void events(List<ProcessEvent> events) {
        for (ProcessEvent e : events) {
            receivedTotal++;
            SequenceTracker.Verdict verdict = tracker.observe(e.processId(), e.seq());
            if (!verdict.isNewer()) {
                stale++;
                continue;
            }
            if (verdict == SequenceTracker.Verdict.GAP) {
                gaps.add(e.processId());
                gapsTotal++;
            }
            latest.put(e.processId(), e);
            transitions++;
            // A service stage makes two transitions (request sent, reply handled); count the stage once.
            if (e.status() != ProcessStatus.WAITING) {
                stageRuns++;
            }
            if (e.status() == ProcessStatus.FAILED) {
                failures++;
            }
        }
    }

    @Override
    public synchronized void connection(ConnectionState state) {
        connection = state;
    }

    /** Everything since the last drain, and a fresh start. Called on the UI thread. */
    public Batch drain() {
        Map<String, ProcessEvent> events;
        Set<String> missed;
        Batch batch;
        synchronized (this) {
            drains++;
            if (latest.isEmpty() && gaps.isEmpty() && connection == null && transitions == 0 && stale == 0) {
                return Batch.EMPTY;
            }
            events = latest;
            missed = gaps;
            latest = new HashMap<>(Math.max(16, events.size()));
            gaps = new LinkedHashSet<>();
            batch = new Batch(List.of(), Set.of(), transitions, stageRuns, failures, stale, connection);
            transitions = 0;
            stageRuns = 0;
            failures = 0;
            stale = 0;
            connection = null;
        }
        // Copy outside the lock: producers are not held up by the UI thread's allocation.
        return new Batch(new ArrayList<>(events.values()), missed, batch.transitions(), batch.stageRuns(), batch.failures(),
                batch.stale(), batch.connection());
    }

    /** Events received since creation (benchmark). */
    public synchronized long receivedTotal() {
        return receivedTotal;
    }

    public synchronized long gapsTotal() {
        return gapsTotal;
    }

    public synchronized long drains() {
        return drains;
    }
}
