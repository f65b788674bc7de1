package io.caseflow.message;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A service's answer to a {@link ServiceRequest}. {@code status} is {@value #OK} (the command was
 * handled; {@code outcome} picks the transition, e.g. {@code ok} or {@code declined}) or
 * {@value #ERROR} (the command could not be handled; {@code error} says why, and the stage fails or
 * retries per its policy). {@code traceparent} (may be null) is the W3C trace context, copied from
 * the request or the service's own span.
 */
public record ServiceReply(String taskId, String status, String outcome, JsonNode payload, String error, String traceparent) {
    public static final String OK = "ok";
    public static final String ERROR = "error";

    public ServiceReply(String taskId, String status, String outcome, JsonNode payload, String error) {
        this(taskId, status, outcome, payload, error, null);
    }

    /** The same reply, carrying this trace context (the service's span, or the request's when it traces nothing). */
    public ServiceReply withTraceparent(String value) {
        return new ServiceReply(taskId, status, outcome, payload, error, value);
    }

    public static ServiceReply ok(String taskId, String outcome, JsonNode payload) {
        return new ServiceReply(taskId, OK, outcome == null ? OK : outcome, payload, null);
    }

    public static ServiceReply error(String taskId, String error) {
        return new ServiceReply(taskId, ERROR, null, null, error);
    }

    public boolean isOk() {
        return OK.equals(status);
    }
}
