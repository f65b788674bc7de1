package io.caseflow.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BinaryNode;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.Map;

/**
 * About how much heap a parsed JSON tree holds, in bytes (64-bit JVM, compressed references): what a cache of trees
 * must count to stay within its share of the heap. The text's length is not it: a string of 16 KB is about 16 KB as a
 * tree, but an item list of words and numbers of 16 KB is about 4x that (an object, a map entry and a boxed value per
 * field). A cache that counted text held 2.4 GB of trees where it meant 0.8, and the collector took half the machine
 * (issue 14).
 *
 * <p>Visits each node once, without recursion, so any depth the parser accepts is fine.
 */
public final class JsonFootprint {
    // The JDK and Jackson objects behind each node, in bytes, with 64-bit compressed references.
    private static final long NODE = 16; // the node object itself
    private static final long CONTAINER_MAP = 56 + 16; // LinkedHashMap and its table's header
    private static final long MAP_ENTRY = 40 + 8; // LinkedHashMap.Entry and its table slot (at the default load factor)
    private static final long LIST = 24 + 16; // ArrayList and its array's header
    private static final long LIST_SLOT = 6; // an array slot of 4 bytes, half again for growth
    private static final long STRING = 24 + 16; // String and its byte array's header
    private static final int LATIN1_SAMPLE = 64;

    private JsonFootprint() {
    }

    /** The heap {@code node} and everything under it hold; 0 for null. */
    public static long of(JsonNode node) {
        if (node == null) {
            return 0;
        }
        long bytes = 0;
        ArrayDeque<JsonNode> pending = new ArrayDeque<>();
        pending.push(node);
        while (!pending.isEmpty()) {
            JsonNode next = pending.pop();
            switch (next.getNodeType()) {
                case OBJECT -> {
                    bytes += NODE + CONTAINER_MAP;
                    for (Iterator<Map.Entry<String, JsonNode>> fields = next.fields(); fields.hasNext(); ) {
                        Map.Entry<String, JsonNode> field = fields.next();
                        bytes += MAP_ENTRY; // not the key: Jackson interns the names it parses, and code names fields with literals
                        pending.push(field.getValue());
                    }
                }
                case ARRAY -> {
                    bytes += NODE + LIST + LIST_SLOT * next.size();
                    for (JsonNode element : next) {
                        pending.push(element);
                    }
                }
                case STRING -> bytes += NODE + text(next.textValue());
                case BINARY -> bytes += NODE + 16 + ((BinaryNode) next).binaryValue().length;
                case NUMBER -> bytes += next.isBigDecimal() || next.isBigInteger() ? NODE + 48 : next.isInt() ? NODE : NODE + 8;
                case BOOLEAN, NULL, MISSING -> { } // shared instances
                case POJO -> bytes += NODE + 48; // a wrapped Java object: unknown, counted as a small one
            }
        }
        return bytes;
    }

    private static long text(String value) {
        // Latin-1 text takes a byte a character, anything else two; the first characters stand for the rest, so a long
        // string costs no walk of its own.
        boolean latin1 = true;
        for (int i = 0; i < Math.min(value.length(), LATIN1_SAMPLE) && latin1; i++) {
            latin1 = value.charAt(i) < 256;
        }
        return STRING + (latin1 ? value.length() : 2L * value.length());
    }
}
