package io.caseflow.message;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A command for a service. {@code taskId} is the same every time this command is sent, so the
 * service applies it once; the reply goes to queue {@code replyTo}. See {@code docs/message-format.md}.
 */
public record ServiceRequest(String taskId, String service, String command, JsonNode payload, String replyTo) {
}
