package io.caseflow.designer.monitor;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The last sequence number (step) the monitor knows for each process, to tell a missed event from
 * a late one. A process's step grows by exactly one per transition, so after {@code last}:
 * {@code last + 1} is the next event, anything higher means events were missed ({@link Verdict#GAP}:
 * re-read the process), anything lower or equal is old news ({@link Verdict#STALE}: drop it).
 *
 * <p>Remembers at most {@code capacity} processes (least recently seen forgotten first); a forgotten
 * process simply counts as new. Thread-safe: events arrive on the source's threads, reads seed it
 * on the UI thread.
 */
public final class SequenceTracker {
    public static final int DEFAULT_CAPACITY = 200_000;

    public enum Verdict {
        /** Never seen (or forgotten): nothing to compare with. */
        FIRST,
        /** Exactly the next one. */
        NEXT,
        /** Later than the next one: something was missed in between. */
        GAP,
        /** Not newer than what is known: a duplicate or a late arrival. */
        STALE;

        public boolean isNewer() {
            return this != STALE;
        }
    }

    private final Map<String, Long> last;

    public SequenceTracker() {
        this(DEFAULT_CAPACITY);
    }

    public SequenceTracker(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be 1 or more, was " + capacity);
        }
        this.last = new LinkedHashMap<>(1024, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
                return size() > capacity;
            }
        };
    }

    /** Records an event's {@code seq} (if newer) and says how it relates to what was known. */
    public synchronized Verdict observe(String processId, long seq) {
        Long known = last.get(processId);
        if (known == null) {
            last.put(processId, seq);
            return Verdict.FIRST;
        }
        if (seq <= known) {
            return Verdict.STALE;
        }
        last.put(processId, seq);
        return seq == known + 1 ? Verdict.NEXT : Verdict.GAP;
    }

    /**
     * Records a step read from the store (a listing, a re-read). Returns false when an event newer
     * than that read was already seen, i.e. the read is out of date.
     */
    public synchronized boolean seed(String processId, long step) {
        Long known = last.get(processId);
        if (known != null && known > step) {
            return false;
        }
        last.put(processId, step);
        return true;
    }

    /** The last known step, or -1. */
    public synchronized long last(String processId) {
        Long known = last.get(processId);
        return known == null ? -1 : known;
    }

    public synchronized int size() {
        return last.size();
    }

    public synchronized void clear() {
        last.clear();
    }
}
