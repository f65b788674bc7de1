package io.caseflow.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.json.JsonMapper;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.Type;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Answers for a caller without {@link Permission#READ_DATA} (a reader) leave out what processes carry: the
 * fields below are removed wherever they appear in the JSON. Done in the JSON mapper, on the request's thread,
 * so every route is covered, including those added later, and a reader sees a process's state without its data.
 */
final class DataRedaction implements JsonMapper {
    /** The fields that hold process data: inputs, free data, results, stage outputs, stack traces, message bodies. */
    static final Set<String> FIELDS = Set.of("input", "data", "result", "results", "output", "stackTrace", "errorTrace", "body");
    private static final ThreadLocal<Boolean> ACTIVE = ThreadLocal.withInitial(() -> false);

    private final JsonMapper delegate;
    private final ObjectMapper mapper;

    DataRedaction(JsonMapper delegate, ObjectMapper mapper) {
        this.delegate = delegate;
        this.mapper = mapper;
    }

    /** Whether answers on this thread, for the request being handled, are redacted. Set for every request. */
    static void activate(boolean value) {
        ACTIVE.set(value);
    }

    @Override
    public String toJsonString(Object obj, Type type) {
        return delegate.toJsonString(redacted(obj), type);
    }

    @Override
    public InputStream toJsonStream(Object obj, Type type) {
        return delegate.toJsonStream(redacted(obj), type); // redacted here: the stream may be written on another thread
    }

    @Override
    public void writeToOutputStream(Stream<?> stream, OutputStream out) {
        delegate.writeToOutputStream(ACTIVE.get() ? stream.map(this::redacted) : stream, out);
    }

    @Override
    public <T> T fromJsonString(String json, Type target) {
        return delegate.fromJsonString(json, target);
    }

    @Override
    public <T> T fromJsonStream(InputStream json, Type target) {
        return delegate.fromJsonStream(json, target);
    }

    private Object redacted(Object obj) {
        if (!ACTIVE.get() || obj == null || obj instanceof String) {
            return obj;
        }
        JsonNode tree = obj instanceof JsonNode node ? node.deepCopy() : mapper.valueToTree(obj);
        strip(tree, 0);
        return tree;
    }

    private static void strip(JsonNode node, int depth) {
        if (depth > 200) {
            return; // our own answers are shallow; bound it anyway
        }
        if (node instanceof ObjectNode object) {
            object.remove(FIELDS);
            for (Iterator<Map.Entry<String, JsonNode>> fields = object.fields(); fields.hasNext(); ) {
                strip(fields.next().getValue(), depth + 1);
            }
        } else if (node instanceof ArrayNode array) {
            for (JsonNode element : array) {
                strip(element, depth + 1);
            }
        }
    }
}
