package io.caseflow.commit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.caseflow.json.Json;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The fingerprint a process start keeps of its input, so a repeat under the same idempotency key is
 * told from a different input. Inputs compare as JSON values, not as text: object keys in any order
 * are the same input, and numbers compare by value ({@code 1}, {@code 1.0} and {@code 1.00} are the
 * same; {@code 1} and {@code "1"} are not). Rows written before this rule carry a checksum of the
 * input's text as written then; {@link #matches} accepts either. Made where the start is made (see
 * {@link NewProcess}), not on the one thread that commits for all: for a large input it costs as much as
 * encoding it.
 */
public final class InputChecksum {
    /** Deeper inputs are refused: a fingerprint is no reason to exhaust the stack. */
    public static final int MAX_DEPTH = 1000;

    private InputChecksum() {
    }

    /** SHA-256 (hex) of the input's canonical form: keys sorted, numbers without trailing zeros. */
    public static String of(JsonNode input) {
        return sha256(Json.write(canonical(input, 0)));
    }

    /** True when {@code stored} is the checksum of this input, by today's rule or by the text rule of older rows. */
    public static boolean matches(String stored, JsonNode input) {
        return stored.equals(of(input)) || stored.equals(sha256(Json.write(input)));
    }

    private static JsonNode canonical(JsonNode node, int depth) {
        if (depth > MAX_DEPTH) {
            throw new IllegalArgumentException("the process input nests deeper than " + MAX_DEPTH + " levels");
        }
        if (node.isObject()) {
            List<String> names = new ArrayList<>();
            node.fieldNames().forEachRemaining(names::add);
            names.sort(null);
            ObjectNode sorted = JsonNodeFactory.instance.objectNode();
            for (String name : names) {
                sorted.set(name, canonical(node.get(name), depth + 1));
            }
            return sorted;
        }
        if (node.isArray()) {
            ArrayNode items = JsonNodeFactory.instance.arrayNode(node.size());
            for (JsonNode item : node) {
                items.add(canonical(item, depth + 1));
            }
            return items;
        }
        if (node.isNumber() && !(node.isDouble() && !Double.isFinite(node.doubleValue()))) {
            return JsonNodeFactory.instance.numberNode(node.decimalValue().stripTrailingZeros());
        }
        return node;
    }

    public static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
