package io.caseflow.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.caseflow.process.ProcessSnapshot;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What processes carried at a step (input, free data, results), kept in memory so the next transition of a
 * process does not read and parse them again. Safe without invalidation: what a process carries at a given
 * step never changes (every change is a fenced commit that advances the step), so an entry is used only for
 * the step it was stored at, and the small process row, read fresh every time, says which step that is.
 * Bounded by the size of the JSON text it holds (least recently used entries go first). A store that is its database's only
 * writer also keeps the committed process row with each entry, so a message that expects exactly that step needs no read.
 */
final class PayloadCache {
    /**
     * What one process carried at {@code step}; {@code bytes} is the length of its JSON text, roughly. {@code head} is
     * the process row as committed at that step, kept only by a store that is its database's only writer (else null).
     */
    record Entry(long step, JsonNode input, ObjectNode data, ObjectNode results, long bytes, ProcessSnapshot head) {
        Entry(long step, JsonNode input, ObjectNode data, ObjectNode results, long bytes) {
            this(step, input, data, results, bytes, null);
        }
    }

    /**
     * The default bound: a fifth of the heap, at least 64 MB. Sized by the heap because in-flight work that does not
     * fit is read and parsed again on every transition (1,000 processes carrying 512 KB each ran 15x slower with a
     * fixed 64 MB); a fifth leaves room for the parsed trees, which take more than their text.
     */
    static final long DEFAULT_MAX_BYTES = Math.max(64L * 1024 * 1024, Runtime.getRuntime().maxMemory() / 5);

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
