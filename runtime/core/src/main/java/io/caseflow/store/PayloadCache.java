package io.caseflow.store;

import io.caseflow.json.JsonFields;
import io.caseflow.json.JsonText;
import io.caseflow.process.ProcessSnapshot;
import io.caseflow.process.StageResults;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What processes carried at a step (input, free data, results), kept in memory so the next transition of a
 * process does not read and parse them again. Safe without invalidation: what a process carries at a given
 * step never changes (every change is a fenced commit that advances the step), so an entry is used only for
 * the step it was stored at, and the small process row, read fresh every time, says which step that is.
 * Bounded by the heap its text holds (least recently used entries go first). A store that is its database's only
 * writer also keeps the committed process row with each entry, so a message that expects exactly that step needs no read.
 */
final class PayloadCache {
    /**
     * What one process carried at {@code step}, all as JSON text: {@code bytes} is the heap it holds. {@code head} is the
     * process row as committed at that step, kept only by a store that is its database's only writer (else null).
     */
    record Entry(long step, JsonText input, JsonFields data, StageResults results, long bytes, ProcessSnapshot head) {
        static Entry of(long step, JsonText input, JsonFields data, StageResults results, ProcessSnapshot head) {
            return new Entry(step, input, data, results, input.heapBytes() + data.heapBytes() + results.heapBytes(), head);
        }

        /** The entry one step on: the same input, with {@code data} and {@code results}. */
        Entry next(long nextStep, JsonFields data, StageResults results, ProcessSnapshot nextHead) {
            return of(nextStep, input, data, results, nextHead);
        }
    }

    /**
     * The default bound: two fifths of the heap, at least 64 MB, counted as the heap entries hold. Sized by the heap
     * because in-flight work that does not fit is read and parsed again on every transition (1,000 processes carrying
     * 512 KB each ran 15x slower with a fixed 64 MB), and worse under load: every process in flight comes round in
     * turn, and an LRU cache smaller than that round hits nothing. A fifth counted as text held up to three fifths of
     * the heap as trees, and the collector took half the machine; a fifth counted as trees left RabbitMQ + H2 with 3,000
     * processes of 16 KB documents at 922 transitions/s, two fifths at 1,707 (issue 14).
     */
    static final long DEFAULT_MAX_BYTES = Math.max(64L * 1024 * 1024, Runtime.getRuntime().maxMemory() * 2 / 5);

    private final long maxBytes;
    private final LinkedHashMap<String, Entry> entries = new LinkedHashMap<>(256, 0.75f, true);
    private long bytes;

    PayloadCache(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    /** The entry for {@code processId} at exactly {@code step}, if held. */
    synchronized Entry get(String processId, long step) {
        Entry entry = entries.get(processId);
        return entry != null && entry.step() == step ? entry : null;
    }

    synchronized void put(String processId, Entry entry) {
        if (entry.bytes() > maxBytes / 4) {
            remove(processId); // one huge process must not empty the cache for everyone else
            return;
        }
        Entry previous = entries.put(processId, entry);
        bytes += entry.bytes() - (previous == null ? 0 : previous.bytes());
        for (Iterator<Map.Entry<String, Entry>> eldest = entries.entrySet().iterator(); bytes > maxBytes && eldest.hasNext(); ) {
            bytes -= eldest.next().getValue().bytes();
            eldest.remove();
        }
    }

    synchronized void remove(String processId) {
        Entry removed = entries.remove(processId);
        if (removed != null) {
            bytes -= removed.bytes();
        }
    }

    synchronized long bytes() {
        return bytes;
    }
}
