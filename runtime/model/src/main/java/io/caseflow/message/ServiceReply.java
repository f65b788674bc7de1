package io.caseflow.message;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A service's answer to a {@link ServiceRequest}. {@code status} is {@value #OK} (the command was
 * handled; {@code outcome} picks the transition, e.g. {@code ok} or {@code declined}) or
 * {@value #ERROR} (the command could not be handled; {@code error} says why, and the stage fails or
 * retries per its policy).
 */
public record ServiceReply(String taskId, String status, String outcome, JsonNode payload, String error) {
    public static final String OK = "ok";
    public static final String ERROR = "error";

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
