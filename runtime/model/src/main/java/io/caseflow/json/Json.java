package io.caseflow.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The one JSON configuration for process data and messages. */
public final class Json {

    public static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private Json() {
    }

    public static ObjectNode object() {
        return JsonNodeFactory.instance.objectNode();
    }

    /** Any Java value as a tree; {@code null} becomes JSON null. */
    public static JsonNode tree(Object value) {
        if (value == null) {
            return NullNode.getInstance();
        }
        if (value instanceof JsonNode node) {
            return node;
        }
        return MAPPER.valueToTree(value);
    }

    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("value cannot be written as JSON: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * The value as UTF-8 JSON: what the store keeps. Written as text first: Jackson copies a string's characters
     * to text in bulk but encodes them to UTF-8 one at a time (6x slower for a 16 KB string in the profile), while
     * the JDK encodes ASCII text to UTF-8 with one vectorised copy.
     */
    public static byte[] writeBytes(Object value) {
        return write(value).getBytes(StandardCharsets.UTF_8);
    }

    /** Parses stored UTF-8 JSON; {@code null} or no bytes gives {@code null}. */
    public static JsonNode parse(byte[] utf8) {
        if (utf8 == null || utf8.length == 0) {
            return null;
        }
        try {
            return MAPPER.readTree(utf8);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("stored JSON is malformed: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // reading a byte array does no I/O
        }
    }

    /** Parses stored JSON; {@code null} or empty text gives {@code null}. */
    public static JsonNode parse(String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        try {
            return MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("stored JSON is malformed: " + e.getOriginalMessage(), e);
        }
    }

    /** Reads stored UTF-8 JSON as {@code type}, without a tree in between. */
    public static <T> T read(byte[] utf8, Class<T> type) {
        try {
            return MAPPER.readValue(utf8, type);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot read " + type.getSimpleName() + " from JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // reading a byte array does no I/O
        }
    }

    /** True for the four characters JSON allows between tokens. */
    static boolean isWhitespace(byte b) {
        return b == ' ' || b == '\n' || b == '\r' || b == '\t';
    }

    public static <T> T convert(JsonNode node, Class<T> type) {
        try {
            return MAPPER.treeToValue(node, type);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot read " + type.getSimpleName() + " from JSON: " + e.getOriginalMessage(), e);
        }
    }
}
