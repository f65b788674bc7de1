package io.caseflow.handler;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.caseflow.json.Json;
import java.util.Optional;

/**
 * The process's free data: any stage may write a key and any later stage may read it. Changes made by
 * a handler are committed together with its outcome, or not at all.
 *
 * <p>Not thread-safe; a handler owns it for the length of one run.
 */
public final class ProcessData {
    private final ObjectNode values;

    public ProcessData(ObjectNode values) {
        this.values = values;
    }

    public Optional<JsonNode> get(String key) {
        return Optional.ofNullable(values.get(key)).filter(v -> !v.isNull());
    }

    public <T> Optional<T> get(String key, Class<T> type) {
        return get(key).map(v -> Json.convert(v, type));
    }

    public String getText(String key, String fallback) {
        return get(key).map(JsonNode::asText).orElse(fallback);
    }

    public ProcessData put(String key, Object value) {
        values.set(key, Json.tree(value));
        return this;
    }

    public ProcessData remove(String key) {
        values.remove(key);
        return this;
    }

    /** A copy of all values as one JSON object. */
    public ObjectNode asJson() {
        return values.deepCopy();
    }
}
