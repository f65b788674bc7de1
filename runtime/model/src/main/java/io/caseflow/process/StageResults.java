package io.caseflow.process;

import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.caseflow.json.Json;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Every stage's result a process has gathered, by stage name, kept as the JSON text (UTF-8) it was stored as and
 * parsed only when asked. Immutable: {@link #with} makes a new one.
 *
 * <p>Why text and not trees (issue 14): a parsed item list holds about 4x its text on the heap, in thousands of
 * objects the collector traces; its text is one array. A transition reads its process's results on every step, but a
 * handler asks for few of them, so each process in the store's cache cost four times what it carried, and kept the
 * collector busy with trees nobody read. Every {@link #get} parses afresh, so what it returns is the caller's own.
 */
public final class StageResults {
    private static final StageResults EMPTY = new StageResults(Map.of());
    /** A map entry and its key's share of the heap, beside the text (see {@link #heapBytes}). */
    private static final int ENTRY_OVERHEAD = 96;

    private final Map<String, byte[]> encoded; // never changed after construction; insertion order is stage order
    private final long heapBytes;

    private StageResults(Map<String, byte[]> encoded) {
        this.encoded = encoded;
        long bytes = 0;
        for (Map.Entry<String, byte[]> entry : encoded.entrySet()) {
            bytes += ENTRY_OVERHEAD + 2L * entry.getKey().length() + entry.getValue().length;
        }
        this.heapBytes = bytes;
    }

    public static StageResults empty() {
        return EMPTY;
    }

    /** Each field of {@code results} encoded as that stage's result (null or a missing object: none). */
    public static StageResults of(ObjectNode results) {
        if (results == null || results.isEmpty()) {
            return EMPTY;
        }
        Map<String, byte[]> encoded = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> fields = results.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            encoded.put(field.getKey(), Json.writeBytes(field.getValue()));
        }
        return new StageResults(encoded);
    }

    /**
     * Results as a store read them: stage name to JSON text, in the order the stages ran. The arrays are taken, not
     * copied: the caller hands them over.
     */
    public static StageResults ofEncoded(Map<String, byte[]> encoded) {
        return encoded.isEmpty() ? EMPTY : new StageResults(new LinkedHashMap<>(encoded));
    }

    /**
     * These results with {@code stage}'s set to {@code json} (JSON text, UTF-8, handed over and never changed); a stage
     * run again keeps its place and shows its newest result.
     */
    public StageResults with(String stage, byte[] json) {
        Map<String, byte[]> next = new LinkedHashMap<>(encoded);
        next.put(stage, json);
        return new StageResults(next);
    }

    /** Like {@link #with(String, byte[])}, encoding {@code result}. */
    public StageResults with(String stage, JsonNode result) {
        return with(stage, Json.writeBytes(result));
    }

    /** {@code stage}'s result, parsed now (the caller's own tree), or null if it has none. */
    public JsonNode get(String stage) {
        byte[] json = encoded.get(stage);
        return json == null ? null : Json.parse(json);
    }

    /** Like {@link #get}, but a missing node instead of null, for reading along a path. */
    public JsonNode path(String stage) {
        JsonNode result = get(stage);
        return result == null ? MissingNode.getInstance() : result;
    }

    public boolean has(String stage) {
        return encoded.containsKey(stage);
    }

    /** The stages with a result, in the order they first had one. */
    public Set<String> stages() {
        return Collections.unmodifiableSet(encoded.keySet());
    }

    /** {@code stage}'s result as stored (JSON text, UTF-8), or null; shared, so never to be changed. */
    public byte[] encoded(String stage) {
        return encoded.get(stage);
    }

    public int size() {
        return encoded.size();
    }

    public boolean isEmpty() {
        return encoded.isEmpty();
    }

    /** All results parsed into one object, as the API and the designer show them: a new tree on every call. */
    @JsonValue
    public ObjectNode asObject() {
        ObjectNode object = Json.object();
        encoded.forEach((stage, json) -> object.set(stage, Json.parse(json)));
        return object;
    }

    /** About the heap these results hold: their text and a map entry each (the text is one array, not a tree). */
    public long heapBytes() {
        return heapBytes;
    }

    /** The text's size in bytes, summed over the stages. */
    public long textBytes() {
        long bytes = 0;
        for (byte[] json : encoded.values()) {
            bytes += json.length;
        }
        return bytes;
    }

    /** Equal when they hold the same stages with equal JSON values (a store may format the same value differently). */
    @Override
    public boolean equals(Object other) {
        return other == this || other instanceof StageResults results && asObject().equals(results.asObject());
    }

    @Override
    public int hashCode() {
        return asObject().hashCode();
    }

    @Override
    public String toString() {
        return asObject().toString();
    }
}
