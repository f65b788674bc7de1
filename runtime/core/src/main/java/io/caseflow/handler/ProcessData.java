package io.caseflow.handler;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.caseflow.json.Json;
import io.caseflow.json.JsonFields;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The process's free data: any stage may write a key and any later stage may read it. Changes made by
 * a handler are committed together with its outcome, or not at all: those made with {@link #put} and {@link #remove},
 * and those made in place to an object or array {@link #get} returned.
 *
 * <p>The data it is made from is what the store keeps for the process's current step: each key's value as JSON text,
 * shared and never changed. A value is parsed when it is read (the handler's own tree) and a value put is encoded
 * when it is put, straight from the handler's object; a handler that does not touch the data parses and encodes
 * nothing, and what the engine commits is the stored text with only the changed keys encoded again (issue 14: a 256 KB
 * document in the data was parsed, copied and encoded whole by each stage that touched any key).
 *
 * <p>Not thread-safe; a handler owns it for the length of one run.
 */
public final class ProcessData {
    private final JsonFields shared;
    private final Map<String, byte[]> put = new LinkedHashMap<>(); // encoded when put; null: removed
    private final Map<String, JsonNode> handedOut = new LinkedHashMap<>(); // objects and arrays get returned

    public ProcessData(JsonFields values) {
        this.shared = values;
    }

    /** The value under {@code key}, if there is one and it is not JSON null; an object or array is this run's to change. */
    public Optional<JsonNode> get(String key) {
        JsonNode value = handedOut.get(key);
        if (value == null) {
            value = Json.parse(encoded(key));
            if (value != null && value.isContainerNode()) {
                handedOut.put(key, value);
            }
        }
        return value == null || value.isNull() ? Optional.empty() : Optional.of(value);
    }

    /**
     * The value under {@code key} read as {@code type}, straight from its text; a tree type goes through {@link #get(String)}
     * (so changes made to it in place are committed), and an object or array already handed out is read as it now is.
     */
    public <T> Optional<T> get(String key, Class<T> type) {
        if (handedOut.containsKey(key) || JsonNode.class.isAssignableFrom(type)) {
            return get(key).map(v -> Json.convert(v, type));
        }
        byte[] json = encoded(key);
        T value = json == null ? null : Json.read(json, type);
        return value instanceof JsonNode node && node.isNull() ? Optional.empty() : Optional.ofNullable(value);
    }

    public String getText(String key, String fallback) {
        return get(key).map(JsonNode::asText).orElse(fallback);
    }

    /**
     * Sets {@code key} to {@code value}: a {@code Map}, record or other object is encoded at once (later changes to it
     * are not seen); an object or array tree stays the handler's to change until the run ends, as one {@link #get}
     * returned.
     */
    public ProcessData put(String key, Object value) {
        if (value instanceof JsonNode tree && tree.isContainerNode()) {
            put.remove(key);
            handedOut.put(key, tree);
        } else {
            put.put(key, Json.writeBytes(value));
            handedOut.remove(key);
        }
        return this;
    }

    public ProcessData remove(String key) {
        put.put(key, null);
        handedOut.remove(key);
        return this;
    }

    /** All values as one JSON object, as the run has left them so far: a new tree on every call. */
    public ObjectNode asJson() {
        return fields().asObject();
    }

    /**
     * The data as the run left it: the very fields it was made from when nothing changed (the engine then writes no
     * data), else those fields with each changed key's value encoded again.
     */
    public JsonFields fields() {
        JsonFields fields = shared;
        for (Map.Entry<String, byte[]> change : put.entrySet()) {
            fields = change.getValue() == null ? fields.without(change.getKey()) : fields.with(change.getKey(), change.getValue());
        }
        for (Map.Entry<String, JsonNode> value : handedOut.entrySet()) {
            byte[] now = Json.writeBytes(value.getValue());
            byte[] before = fields.encoded(value.getKey());
            if (before == null || !Arrays.equals(now, before) && !Json.parse(before).equals(value.getValue())) {
                fields = fields.with(value.getKey(), now); // changed in place
            }
        }
        return fields;
    }

    /** What {@code key} holds as text now: what was put, or what the store keeps; null if nothing (or removed). */
    private byte[] encoded(String key) {
        return put.containsKey(key) ? put.get(key) : shared.encoded(key);
    }
}
