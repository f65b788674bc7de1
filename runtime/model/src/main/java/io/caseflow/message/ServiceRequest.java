package io.caseflow.message;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A command for a service. {@code taskId} is the same every time this command is sent, so the
 * service applies it once; the reply goes to queue {@code replyTo}. {@code traceparent} (may be null)
 * is the W3C trace context of the stage that sent it; the reply carries it back. See
 * {@code docs/message-format.md}.
 */
public record ServiceRequest(String taskId, String service, String command, JsonNode payload, String replyTo, String traceparent) {
    public ServiceRequest(String taskId, String service, String command, JsonNode payload, String replyTo) {
        this(taskId, service, command, payload, replyTo, null);
    }
}
