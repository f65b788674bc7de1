package io.caseflow.handler;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.caseflow.json.Json;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * The process's free data: any stage may write a key and any later stage may read it. Changes made by
 * a handler are committed together with its outcome, or not at all: those made with {@link #put} and {@link #remove},
 * and those made in place to an object or array {@link #get} returned.
 *
 * <p>The data it is made from is what the store keeps for the process's current step, shared and never changed;
 * nothing here changes it. The first change copies the top-level object, and the first read of an object or array
 * copies that value into it (other values are never changed in place, so they stay shared). A handler that does not
 * touch the data copies nothing: with 16 KB documents, copying the input and the data for every stage (and the data
 * again when the run ended) was most of what a transition allocated (issue 14).
 *
 * <p>Not thread-safe; a handler owns it for the length of one run.
 */
public final class ProcessData {
    private final ObjectNode shared;
    private ObjectNode own; // null until the first change or the first read of an object or array
    private final Set<String> ownValues = new HashSet<>(); // keys whose value in own is this run's, not shared

    public ProcessData(ObjectNode values) {
        this.shared = values;
    }

    /** The value under {@code key}, if there is one and it is not JSON null; an object or array is this run's to change. */
    public Optional<JsonNode> get(String key) {
        JsonNode value = current().get(key);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (value.isContainerNode() && !ownValues.contains(key)) {
            value = value.deepCopy();
            owned().set(key, value);
            ownValues.add(key);
        }
        return Optional.of(value);
    }

    public <T> Optional<T> get(String key, Class<T> type) {
        return get(key).map(v -> Json.convert(v, type));
    }

    public String getText(String key, String fallback) {
        return Optional.ofNullable(current().get(key)).filter(v -> !v.isNull()).map(JsonNode::asText).orElse(fallback);
    }

    public ProcessData put(String key, Object value) {
        owned().set(key, Json.tree(value));
        ownValues.add(key);
        return this;
    }

    public ProcessData remove(String key) {
        owned().remove(key);
        ownValues.remove(key);
        return this;
    }

    /**
     * All values as one JSON object, as the run left them: what the engine commits. Not to be changed: it may be the
     * very object the store keeps for the step the run began at.
     */
    public ObjectNode asJson() {
        return current();
    }

    private ObjectNode current() {
        return own != null ? own : shared;
    }

    private ObjectNode owned() {
        if (own == null) {
            own = Json.object().setAll(shared);
        }
        return own;
    }
}
