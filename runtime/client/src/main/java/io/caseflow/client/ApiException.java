package io.caseflow.client;

import com.fasterxml.jackson.databind.JsonNode;

/** The server answered with an error: its stable {@code code}, the HTTP status and the server's sentence. */
public class ApiException extends RuntimeException {
    private final int status;
    private final String code;
    private final transient JsonNode details;

    public ApiException(int status, String code, String message, JsonNode details) {
        super(message + " (" + code + ", HTTP " + status + ")");
        this.status = status;
        this.code = code;
        this.details = details;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public JsonNode details() {
        return details;
    }
}
