package io.caseflow.http;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.caseflow.json.Json;
import io.caseflow.json.JsonText;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Reads JSON request bodies within bounds: at most {@value #MAX_NESTING_DEPTH} levels of arrays and
 * objects and {@value #MAX_BODY_BYTES} bytes, so a hostile body costs a 400, never a stack or the heap.
 * Thread-safe.
 */
final class RequestBodies {
    static final int MAX_NESTING_DEPTH = 100;
    static final int MAX_BODY_BYTES = 10 * 1024 * 1024;

    private static final ObjectMapper BOUNDED = bounded();

    private RequestBodies() {
    }

    private static ObjectMapper bounded() {
        ObjectMapper mapper = Json.MAPPER.copy();
        mapper.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(MAX_NESTING_DEPTH).maxDocumentLength(MAX_BODY_BYTES).maxStringLength(MAX_BODY_BYTES).build());
        return mapper;
    }

    /** The body as a JSON tree, or a 400 {@code malformed_json} / {@code too_deep} naming the problem. */
    static JsonNode parse(String body) {
        try {
            return BOUNDED.readTree(body);
        } catch (StreamConstraintsException e) {
            throw beyondLimits(e);
        } catch (JsonProcessingException e) {
            throw new ApiError(400, "malformed_json", "the request body is not valid JSON: " + e.getOriginalMessage(),
                    position(e.getLocation()));
        }
    }

    /**
     * The body as the text of the one JSON value it holds, checked token by token within the same bounds and with the
     * same 400s as {@link #parse}, but made into no tree: a process's input is kept as the text it came as (a 256 KB
     * order was parsed into a tree here, and the tree encoded again). A body with anything after its value is refused.
     */
    static JsonText oneValue(String body) {
        // A byte order mark is no part of the value (Jackson's byte reader skips it; the text kept must not hold it).
        byte[] utf8 = (body.startsWith("\uFEFF") ? body.substring(1) : body).getBytes(StandardCharsets.UTF_8);
        try (JsonParser parser = BOUNDED.createParser(utf8)) {
            if (parser.nextToken() == null) {
                throw new ApiError(400, "malformed_json", "the request body holds no JSON value", null);
            }
            parser.skipChildren(); // reads every token inside: the syntax and the nesting limit are checked as parse does
            if (parser.nextToken() != null) {
                throw new ApiError(400, "malformed_json", "the request body holds more than one JSON value",
                        position(parser.currentTokenLocation()));
            }
        } catch (StreamConstraintsException e) {
            throw beyondLimits(e);
        } catch (JsonProcessingException e) {
            throw new ApiError(400, "malformed_json", "the request body is not valid JSON: " + e.getOriginalMessage(),
                    position(e.getLocation()));
        } catch (IOException e) {
            throw new UncheckedIOException(e); // reading a byte array does no I/O
        }
        return JsonText.ofEncoded(utf8);
    }

    /** Checks the body's bounds before another reader (e.g. the definition reader) gets it. */
    static void checkBounds(String body) {
        try (JsonParser parser = BOUNDED.createParser(body)) {
            for (int tokens = 0; parser.nextToken() != null && tokens <= MAX_BODY_BYTES; tokens++) {
                // Reading every token enforces the nesting and size limits.
            }
        } catch (StreamConstraintsException e) {
            throw beyondLimits(e);
        } catch (IOException syntaxError) {
            // Not this check's business: the caller's reader names the line and column.
        }
    }

    private static ApiError beyondLimits(StreamConstraintsException e) {
        return new ApiError(400, "too_deep", "the request body is beyond the limits of " + MAX_NESTING_DEPTH
                + " nesting levels and " + MAX_BODY_BYTES + " bytes: " + e.getOriginalMessage(), position(e.getLocation()));
    }

    private static ObjectNode position(JsonLocation location) {
        return location == null ? null : Json.object().put("line", location.getLineNr()).put("column", location.getColumnNr());
    }
}
