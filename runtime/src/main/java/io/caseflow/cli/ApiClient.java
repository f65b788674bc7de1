package io.caseflow.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.caseflow.json.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** The CLI's client of the HTTP API (the JDK's HTTP client). Errors become one readable sentence. */
final class ApiClient {
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final String base;
    private final String token;

    ApiClient(String base, String token) {
        this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        this.token = token;
    }

    JsonNode get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    JsonNode post(String path, String body) {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body == null ? "" : body)));
    }

    private URI uri(String path) {
        try {
            return URI.create(base + path);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the server URL '" + base + "' is not valid: " + e.getMessage());
        }
    }

    private JsonNode send(HttpRequest.Builder request) {
        request.timeout(Duration.ofSeconds(30));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("cannot reach the caseflow server at " + base + " (" + e.getMessage() + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        JsonNode body = response.body().isBlank() ? Json.object() : Json.parse(response.body());
        if (response.statusCode() >= 400) {
            JsonNode error = body.path("error");
            throw new ApiFailure(response.statusCode(), error.path("code").asText("http_" + response.statusCode()),
                    error.path("message").asText(response.body()), error.path("details"));
        }
        return body;
    }

    /** The server answered with an error. */
    static final class ApiFailure extends RuntimeException {
        final int status;
        final String code;
        final JsonNode details;

        ApiFailure(int status, String code, String message, JsonNode details) {
            super(message + " (" + code + ", HTTP " + status + ")");
            this.status = status;
            this.code = code;
            this.details = details;
        }
    }
}
