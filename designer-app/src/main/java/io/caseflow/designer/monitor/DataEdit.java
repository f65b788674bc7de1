package io.caseflow.designer.monitor;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.caseflow.json.Json;

/**
 * Checks the process data an operator typed before a retry: it must be one JSON object. The error
 * says where and what, in a sentence: "Line 3, column 14: a comma or } is missing before 'total'".
 */
public final class DataEdit {
    /** Either the parsed object or what is wrong with the text. */
    public record Result(ObjectNode data, String error) {
        public boolean isValid() {
            return data != null;
        }
    }

    private DataEdit() {
    }

    public static Result parse(String text) {
        if (text == null || text.isBlank()) {
            return new Result(null, "The data is empty; it must be a JSON object such as {\"orderId\": \"ORD-1\"}.");
        }
        JsonNode node;
        try {
            // Trailing text after the object is an error too ("{...} oops" is not one object).
            node = Json.MAPPER.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).readTree(text);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : "Line " + at.getLineNr() + ", column " + at.getColumnNr() + ": ";
            return new Result(null, where + describe(e.getOriginalMessage()));
        }
        if (node == null || node.isMissingNode()) {
            return new Result(null, "The data is empty; it must be a JSON object.");
        }
        if (!node.isObject()) {
            return new Result(null, "The data must be a JSON object ({ … }), not " + kind(node) + ".");
        }
        return new Result((ObjectNode) node, null);
    }

    /** Pretty JSON of a node for editing. */
    public static String pretty(JsonNode node) {
        try {
            return Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(node == null ? Json.object() : node);
        } catch (JsonProcessingException e) {
            return String.valueOf(node);
        }
    }

    private static String describe(String message) {
        if (message == null) {
            return "not valid JSON";
        }
        String first = message.lines().findFirst().orElse(message);
        if (first.contains("comma to separate Object entries")) {
            return "a comma is missing between two entries";
        }
        if (first.contains("comma to separate Array entries")) {
            return "a comma is missing between two array items";
        }
        if (first.startsWith("Trailing token")) {
            return "there is more text after the closing }";
        }
        if (first.startsWith("Unexpected close marker")) {
            return "a closing " + (first.contains("'}'") ? "}" : "]") + " that closes nothing";
        }
        if (first.startsWith("Unrecognized token")) {
            return first.replaceFirst("Unrecognized token '([^']*)'.*", "'$1' is not JSON (text needs double quotes)");
        }
        if (first.startsWith("Unexpected end-of-input")) {
            return "the text ends too early (a closing } or ] or \" is missing)";
        }
        first = first.replaceAll("\\('(.+?)' \\(code \\d+\\)\\)", "'$1'");
        return first.replace("Unexpected character", "unexpected character")
                .replace("was expecting", "expected");
    }

    private static String kind(JsonNode node) {
        if (node.isArray()) {
            return "an array";
        }
        if (node.isTextual()) {
            return "a string";
        }
        if (node.isNumber()) {
            return "a number";
        }
        if (node.isBoolean()) {
            return "true or false";
        }
        return "null";
    }
}
