package io.caseflow.message;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.caseflow.json.Json;

/**
 * Message bodies as JSON, in both directions. Parsing checks every field and says which one is
 * wrong, so a bad message is dead-lettered with a reason instead of failing somewhere deeper.
 */
public final class Messages {
    static final String TYPE = "type";
    static final String STAGE_DUE = "stageDue";
    static final String REPLY_TIMEOUT = "replyTimeout";
    public static final int MAX_BODY_CHARS = 10 * 1024 * 1024;

    private Messages() {
    }

    public static String write(InnerMessage message) {
        ObjectNode node = Json.object();
        if (message instanceof StageDue due) {
            node.put(TYPE, STAGE_DUE).put("processId", due.processId()).put("step", due.step()).put("stage", due.stage());
        } else if (message instanceof ReplyTimeout timeout) {
            node.put(TYPE, REPLY_TIMEOUT).put("processId", timeout.processId()).put("step", timeout.step());
        }
        putTraceparent(node, message.traceparent());
        return node.toString();
    }

    public static String write(ServiceRequest request) {
        ObjectNode node = Json.object()
                .put("taskId", request.taskId())
                .put("service", request.service())
                .put("command", request.command())
                .put("replyTo", request.replyTo());
        node.set("payload", request.payload() == null ? Json.object() : request.payload());
        putTraceparent(node, request.traceparent());
        return node.toString();
    }

    public static String write(ServiceReply reply) {
        ObjectNode node = Json.object().put("taskId", reply.taskId()).put("status", reply.status());
        if (reply.outcome() != null) {
            node.put("outcome", reply.outcome());
        }
        if (reply.payload() != null) {
            node.set("payload", reply.payload());
        }
        if (reply.error() != null) {
            node.put("error", reply.error());
        }
        putTraceparent(node, reply.traceparent());
        return node.toString();
    }

    public static InnerMessage parseInner(String body) throws MalformedMessageException {
        JsonNode node = object(body);
        String type = text(node, TYPE);
        return switch (type) {
            case STAGE_DUE -> new StageDue(text(node, "processId"), number(node, "step"), text(node, "stage"), traceparent(node));
            case REPLY_TIMEOUT -> new ReplyTimeout(text(node, "processId"), number(node, "step"), traceparent(node));
            default -> throw new MalformedMessageException("unknown message type '" + type + "'; expected "
                    + STAGE_DUE + " or " + REPLY_TIMEOUT);
        };
    }

    public static ServiceRequest parseRequest(String body) throws MalformedMessageException {
        JsonNode node = object(body);
        JsonNode payload = node.get("payload");
        return new ServiceRequest(text(node, "taskId"), text(node, "service"), text(node, "command"),
                payload == null ? Json.object() : payload, text(node, "replyTo"), traceparent(node));
    }

    public static ServiceReply parseReply(String body) throws MalformedMessageException {
        JsonNode node = object(body);
        String status = text(node, "status");
        if (!ServiceReply.OK.equals(status) && !ServiceReply.ERROR.equals(status)) {
            throw new MalformedMessageException("field 'status' is '" + status + "'; expected 'ok' or 'error'");
        }
        String outcome = node.hasNonNull("outcome") ? node.get("outcome").asText() : null;
        String error = node.hasNonNull("error") ? node.get("error").asText() : null;
        if (ServiceReply.OK.equals(status) && (outcome == null || outcome.isBlank())) {
            outcome = ServiceReply.OK;
        }
        return new ServiceReply(text(node, "taskId"), status, outcome, node.get("payload"), error, traceparent(node));
    }

    /**
     * The same message body with {@code traceparent} set (tracing stamps what a traced step sends); the body
     * unchanged if it is not a JSON object or the value is not well formed.
     */
    public static String withTraceparent(String body, String traceparent) {
        if (TraceParent.orNull(traceparent) == null) {
            return body;
        }
        try {
            JsonNode node = Json.MAPPER.readTree(body);
            if (node instanceof ObjectNode object) {
                return object.put(TraceParent.FIELD, traceparent).toString();
            }
        } catch (JsonProcessingException e) {
            // not ours to judge here: the receiver dead-letters a malformed body with its reason
        }
        return body;
    }

    private static void putTraceparent(ObjectNode node, String traceparent) {
        if (traceparent != null) {
            node.put(TraceParent.FIELD, traceparent);
        }
    }

    /** An optional field; a malformed one is ignored, as W3C trace context says, not a reason to refuse the message. */
    private static String traceparent(JsonNode node) {
        JsonNode value = node.get(TraceParent.FIELD);
        return value != null && value.isTextual() ? TraceParent.orNull(value.asText()) : null;
    }

    private static JsonNode object(String body) throws MalformedMessageException {
        if (body == null || body.isBlank()) {
            throw new MalformedMessageException("the message body is empty");
        }
        if (body.length() > MAX_BODY_CHARS) {
            throw new MalformedMessageException("the message body has " + body.length() + " characters, more than " + MAX_BODY_CHARS);
        }
        JsonNode node;
        try {
            node = Json.MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            throw new MalformedMessageException("the message body is not valid JSON: " + e.getOriginalMessage()
                    + " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")", e);
        }
        if (node == null || !node.isObject()) {
            throw new MalformedMessageException("the message body is JSON but not an object");
        }
        return node;
    }

    private static String text(JsonNode node, String field) throws MalformedMessageException {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw new MalformedMessageException("field '" + field + "' is missing");
        }
        if (!value.isTextual() || value.asText().isBlank()) {
            throw new MalformedMessageException("field '" + field + "' must be a non-empty string");
        }
        return value.asText();
    }

    private static long number(JsonNode node, String field) throws MalformedMessageException {
        JsonNode value = node.get(field);
        if (value == null || !value.canConvertToLong() || !value.isIntegralNumber()) {
            throw new MalformedMessageException("field '" + field + "' must be a whole number");
        }
        return value.asLong();
    }
}
