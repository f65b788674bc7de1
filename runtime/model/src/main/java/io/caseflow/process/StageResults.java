package io.caseflow.process;

import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.caseflow.json.JsonFields;
import java.util.Map;
import java.util.Set;

/**
 * Every stage's result a process has gathered, by stage name, kept as the JSON text (UTF-8) it was stored as and
 * parsed only when asked ({@link JsonFields} says why). Immutable: {@link #with} makes a new one. Every {@link #get}
 * parses afresh, so what it returns is the caller's own.
 */
public final class StageResults {
    private static final StageResults EMPTY = new StageResults(JsonFields.empty());

    private final JsonFields results; // stage name to result; insertion order is stage order

    private StageResults(JsonFields results) {
        this.results = results;
    }

    public static StageResults empty() {
        return EMPTY;
    }

    /** Each field of {@code results} encoded as that stage's result (null or a missing object: none). */
    public static StageResults of(ObjectNode results) {
        return wrap(JsonFields.of(results));
    }

    /**
     * Results as a store read them: stage name to JSON text, in the order the stages ran. The arrays are taken, not
     * copied: the caller hands them over.
     */
    public static StageResults ofEncoded(Map<String, byte[]> encoded) {
        return wrap(JsonFields.ofEncoded(encoded));
    }

    private static StageResults wrap(JsonFields results) {
        return results.isEmpty() ? EMPTY : new StageResults(results);
    }

    /**
     * These results with {@code stage}'s set to {@code json} (JSON text, UTF-8, handed over and never changed); a stage
     * run again keeps its place and shows its newest result.
     */
    public StageResults with(String stage, byte[] json) {
        return new StageResults(results.with(stage, json));
    }

    /** Like {@link #with(String, byte[])}, encoding {@code result}. */
    public StageResults with(String stage, JsonNode result) {
        return new StageResults(results.with(stage, result));
    }

    /** {@code stage}'s result, parsed now (the caller's own tree), or null if it has none. */
    public JsonNode get(String stage) {
        return results.get(stage);
    }

    /** Like {@link #get}, but a missing node instead of null, for reading along a path. */
    public JsonNode path(String stage) {
        return results.path(stage);
    }

    public boolean has(String stage) {
        return results.has(stage);
    }

    /** The stages with a result, in the order they first had one. */
    public Set<String> stages() {
        return results.names();
    }

    /** {@code stage}'s result as stored (JSON text, UTF-8), or null; shared, so never to be changed. */
    public byte[] encoded(String stage) {
        return results.encoded(stage);
    }

    public int size() {
        return results.size();
    }

    public boolean isEmpty() {
        return results.isEmpty();
    }

    /** All results parsed into one object, as the API and the designer show them: a new tree on every call. */
    @JsonValue
    public ObjectNode asObject() {
        return results.asObject();
    }

    /** About the heap these results hold: their text and a map entry each (the text is one array, not a tree). */
    public long heapBytes() {
        return results.heapBytes();
    }

    /** The text's size in bytes, summed over the stages. */
    public long textBytes() {
        return results.textBytes();
    }

    /** Equal when they hold the same stages with equal JSON values (a store may format the same value differently). */
    @Override
    public boolean equals(Object other) {
        return other == this || other instanceof StageResults stageResults && results.equals(stageResults.results);
    }

    @Override
    public int hashCode() {
        return results.hashCode();
    }

    @Override
    public String toString() {
        return results.toString();
    }
}
