package io.caseflow.json;

import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.RawValue;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A JSON object kept as the UTF-8 text of each of its fields' values, parsed only when a field is asked for: how a
 * process keeps its free data, and its stages' results. Immutable: {@link #with} and {@link #without} make a new one,
 * sharing the other fields' text.
 *
 * <p>Why text and not a tree (issue 14): a parsed document holds about four times its text on the heap, in thousands
 * of objects the collector traces, while its text is one array. A transition hands its process's fields to the next
 * one, but a handler asks for few of them: kept as trees, they cost four times what they carried and kept the
 * collector busy with trees nobody read. A changed field is encoded alone; the object's text is the fields' texts put
 * together ({@link #toJson}). Every {@link #get} parses afresh, so what it returns is the caller's own.
 */
public final class JsonFields {
    private static final JsonFields EMPTY = new JsonFields(Map.of());
    /** A map entry and its key's share of the heap, beside the text (see {@link #heapBytes}). */
    private static final int ENTRY_OVERHEAD = 96;
    /** Fields of one object read from text: a bound on the loop over stored input. */
    public static final int MAX_FIELDS = 100_000;

    private final Map<String, byte[]> encoded; // never changed after construction; in insertion order
    private final long heapBytes;

    private JsonFields(Map<String, byte[]> encoded) {
        this.encoded = encoded;
        long bytes = 0;
        for (Map.Entry<String, byte[]> entry : encoded.entrySet()) {
            bytes += ENTRY_OVERHEAD + 2L * entry.getKey().length() + entry.getValue().length;
        }
        this.heapBytes = bytes;
    }

    public static JsonFields empty() {
        return EMPTY;
    }

    /** Each field of {@code object} encoded (null or an empty object: none). */
    public static JsonFields of(ObjectNode object) {
        if (object == null || object.isEmpty()) {
            return EMPTY;
        }
        Map<String, byte[]> encoded = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> fields = object.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            encoded.put(field.getKey(), Json.writeBytes(field.getValue()));
        }
        return new JsonFields(encoded);
    }

    /** Fields as a store read them: name to JSON text. The arrays are taken, not copied: the caller hands them over. */
    public static JsonFields ofEncoded(Map<String, byte[]> encoded) {
        return encoded.isEmpty() ? EMPTY : new JsonFields(new LinkedHashMap<>(encoded));
    }

    /**
     * The fields of the JSON object {@code utf8} (null, no text or JSON null: none), each value's text cut out of it as it stands:
     * the object is read token by token and no tree is made. Text that is not one JSON object is refused, naming why.
     */
    public static JsonFields parse(byte[] utf8) {
        if (utf8 == null || utf8.length == 0) {
            return EMPTY;
        }
        Map<String, byte[]> encoded = new LinkedHashMap<>();
        try (JsonParser parser = Json.MAPPER.getFactory().createParser(utf8)) {
            JsonToken first = parser.nextToken();
            if (first == JsonToken.VALUE_NULL && parser.nextToken() == null) {
                return EMPTY; // JSON null: no fields
            }
            if (first != JsonToken.START_OBJECT) {
                throw new IllegalArgumentException("stored JSON is not an object");
            }
            JsonToken token = parser.nextToken();
            while (token == JsonToken.FIELD_NAME) {
                if (encoded.size() == MAX_FIELDS) {
                    throw new IllegalArgumentException("stored JSON object has more than " + MAX_FIELDS + " fields");
                }
                String name = parser.currentName();
                parser.nextToken();
                int start = (int) parser.currentTokenLocation().getByteOffset();
                parser.skipChildren();
                token = parser.nextToken(); // the next field's name or the object's end: the value ends before it
                int end = trimSeparator(utf8, start, (int) parser.currentTokenLocation().getByteOffset());
                encoded.put(name, Arrays.copyOfRange(utf8, start, end));
            }
            if (token != JsonToken.END_OBJECT || parser.nextToken() != null) {
                throw new IllegalArgumentException("stored JSON is not one object");
            }
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("stored JSON is malformed: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // reading a byte array does no I/O
        }
        return encoded.isEmpty() ? EMPTY : new JsonFields(encoded);
    }

    /** Where a value that runs up to {@code next} ends: before the white space and the comma that separate them. */
    private static int trimSeparator(byte[] utf8, int start, int next) {
        int end = next;
        while (end > start && Json.isWhitespace(utf8[end - 1])) {
            end--;
        }
        if (end > start && utf8[end - 1] == ',') {
            end--;
        }
        while (end > start && Json.isWhitespace(utf8[end - 1])) {
            end--;
        }
        return end;
    }

    /**
     * These fields with {@code name} set to {@code json} (JSON text, UTF-8, handed over and never changed); a field set
     * again keeps its place.
     */
    public JsonFields with(String name, byte[] json) {
        Map<String, byte[]> next = new LinkedHashMap<>(encoded);
        next.put(name, json);
        return new JsonFields(next);
    }

    /** Like {@link #with(String, byte[])}, encoding {@code value}. */
    public JsonFields with(String name, JsonNode value) {
        return with(name, Json.writeBytes(value));
    }

    /** These fields without {@code name}. */
    public JsonFields without(String name) {
        if (!encoded.containsKey(name)) {
            return this;
        }
        Map<String, byte[]> next = new LinkedHashMap<>(encoded);
        next.remove(name);
        return next.isEmpty() ? EMPTY : new JsonFields(next);
    }

    /** {@code name}'s value, parsed now (the caller's own tree), or null if there is no such field. */
    public JsonNode get(String name) {
        byte[] json = encoded.get(name);
        return json == null ? null : Json.parse(json);
    }

    /** Like {@link #get}, but a missing node instead of null, for reading along a path. */
    public JsonNode path(String name) {
        JsonNode value = get(name);
        return value == null ? MissingNode.getInstance() : value;
    }

    public boolean has(String name) {
        return encoded.containsKey(name);
    }

    /** The fields' names, in the order they were first set. */
    public Set<String> names() {
        return Collections.unmodifiableSet(encoded.keySet());
    }

    /** {@code name}'s value as stored (JSON text, UTF-8), or null; shared, so never to be changed. */
    public byte[] encoded(String name) {
        return encoded.get(name);
    }

    public int size() {
        return encoded.size();
    }

    public boolean isEmpty() {
        return encoded.isEmpty();
    }

    /** All fields parsed into one object: a new tree on every call. */
    @JsonValue
    public ObjectNode asObject() {
        ObjectNode object = Json.object();
        encoded.forEach((name, json) -> object.set(name, Json.parse(json)));
        return object;
    }

    /**
     * The whole object as a node that writes itself out as {@link #toJson its text}, unparsed: for handing all the
     * fields on inside a message (a service stage without a handler sends the data as its request) without making a
     * tree of them and encoding the tree again, which grew with the data on every such call (issue 14). It is not an
     * object node and has no fields to read: use {@link #asObject()} for that.
     */
    public JsonNode asRawNode() {
        return JsonNodeFactory.instance.rawValueNode(new RawValue(new String(toJson(), StandardCharsets.UTF_8)));
    }

    /** The whole object as UTF-8 JSON text: the fields' texts put together, none encoded again. */
    public byte[] toJson() {
        JsonStringEncoder quoter = JsonStringEncoder.getInstance();
        byte[][] names = new byte[encoded.size()][];
        int length = 2 + Math.max(0, encoded.size() - 1);
        int i = 0;
        for (Map.Entry<String, byte[]> field : encoded.entrySet()) {
            names[i] = quoter.quoteAsUTF8(field.getKey());
            length += names[i].length + 3 + field.getValue().length; // "name":value
            i++;
        }
        byte[] json = new byte[length];
        int at = 0;
        json[at++] = '{';
        i = 0;
        for (byte[] value : encoded.values()) {
            if (i > 0) {
                json[at++] = ',';
            }
            json[at++] = '"';
            System.arraycopy(names[i], 0, json, at, names[i].length);
            at += names[i].length;
            json[at++] = '"';
            json[at++] = ':';
            System.arraycopy(value, 0, json, at, value.length);
            at += value.length;
            i++;
        }
        json[at] = '}';
        return json;
    }

    /** About the heap these fields hold: their text and a map entry each (the text is one array, not a tree). */
    public long heapBytes() {
        return heapBytes;
    }

    /** The text's size in bytes, summed over the fields. */
    public long textBytes() {
        long bytes = 0;
        for (byte[] json : encoded.values()) {
            bytes += json.length;
        }
        return bytes;
    }

    /** Equal when they hold the same fields with equal JSON values (a store may format the same value differently). */
    @Override
    public boolean equals(Object other) {
        return other == this || other instanceof JsonFields fields && asObject().equals(fields.asObject());
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
