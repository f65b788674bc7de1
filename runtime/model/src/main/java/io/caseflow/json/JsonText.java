package io.caseflow.json;

import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;

/**
 * One JSON value kept as its UTF-8 text and parsed only when asked: how a process keeps its input. Immutable; every
 * {@link #tree()} parses afresh, so what it returns is the caller's own.
 *
 * <p>Why text and not a tree (issue 14): a parsed document holds about four times its text on the heap, in thousands
 * of objects the collector traces, while its text is one array; a process's input is written once and most stages
 * never read it. Made from a caller's value, it is encoded straight to text, without a tree in between.
 */
public final class JsonText {
    private static final JsonText EMPTY_OBJECT = new JsonText("{}".getBytes(StandardCharsets.US_ASCII));
    /** An object header and the array's, beside the text (see {@link #heapBytes}). */
    private static final int OVERHEAD = 32;

    private final byte[] utf8; // never changed after construction

    private JsonText(byte[] utf8) {
        this.utf8 = utf8;
    }

    /** {@code value} encoded now (a {@code Map}, a record, a tree...); null is JSON null. */
    public static JsonText of(Object value) {
        return new JsonText(Json.writeBytes(value));
    }

    /** Text as stored, handed over (never changed after); refused when there is none. */
    public static JsonText ofEncoded(byte[] utf8) {
        if (utf8 == null || utf8.length == 0) {
            throw new IllegalArgumentException("no JSON text");
        }
        return new JsonText(utf8);
    }

    public static JsonText emptyObject() {
        return EMPTY_OBJECT;
    }

    /** The value parsed now: the caller's own tree. A malformed stored text is reported here, naming why. */
    @JsonValue
    public JsonNode tree() {
        return Json.parse(utf8);
    }

    /** The field {@code name} of the value parsed now, or a missing node: for reading one field along a path. */
    public JsonNode path(String name) {
        return tree().path(name);
    }

    /** Reads the value as {@code type} straight from the text, without a tree in between. */
    public <T> T as(Class<T> type) {
        return Json.read(utf8, type);
    }

    /** The text (UTF-8); shared, so never to be changed. */
    public byte[] bytes() {
        return utf8;
    }

    /** True when the text is a JSON object: its first character other than white space is '{'. */
    public boolean isObject() {
        for (byte b : utf8) {
            if (!Json.isWhitespace(b)) {
                return b == '{';
            }
        }
        return false;
    }

    /** About the heap this value holds: its text and the objects around it. */
    public long heapBytes() {
        return OVERHEAD + utf8.length;
    }

    /** Equal when they hold equal JSON values (a store may format the same value differently). */
    @Override
    public boolean equals(Object other) {
        return other == this || other instanceof JsonText text && tree().equals(text.tree());
    }

    @Override
    public int hashCode() {
        return tree().hashCode();
    }

    @Override
    public String toString() {
        return new String(utf8, StandardCharsets.UTF_8);
    }
}
