package io.caseflow.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.caseflow.CaseflowRuntime;
import io.caseflow.json.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Errors the HTTP server makes itself, before any route runs, still come in the API's one JSON error shape. */
class ServerErrorShapeTest {
    private static final String ADMIN = "admin-token-0123456789";

    @TempDir
    Path dir;
    private CaseflowRuntime runtime;
    private HttpApi api;

    @BeforeEach
    void start() {
        runtime = CaseflowRuntime.builder().h2File(dir.resolve("db")).build().start();
        api = HttpApi.start(runtime, new ApiTokens(ADMIN, null), () -> "", "127.0.0.1", 0);
    }

    @AfterEach
    void stop() {
        api.close();
        runtime.close();
    }

    @Test
    void a_bad_request_line_is_a_json_400() throws Exception {
        assertJsonError(exchange("THIS IS NOT HTTP\r\n\r\n".getBytes(StandardCharsets.US_ASCII)), 400);
    }

    @Test
    void a_too_long_uri_is_a_json_414() throws Exception {
        String request = "GET /api/cases?x=" + "a".repeat(20_000) + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + ADMIN
                + "\r\nConnection: close\r\n\r\n";
        assertJsonError(exchange(request.getBytes(StandardCharsets.US_ASCII)), 414);
    }

    @Test
    void too_large_a_body_is_a_json_413() throws Exception {
        int size = RequestBodies.MAX_BODY_BYTES + 1024;
        String head = "POST /api/cases/orders/v1/processes HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + ADMIN
                + "\r\nContent-Type: application/json\r\nContent-Length: " + size + "\r\nConnection: close\r\n\r\n";
        byte[] body = new byte[size];
        Arrays.fill(body, (byte) ' ');
        ByteArrayOutputStream request = new ByteArrayOutputStream();
        request.write(head.getBytes(StandardCharsets.US_ASCII));
        request.write(body);
        assertJsonError(exchange(request.toByteArray()), 413);
    }

    private static void assertJsonError(String response, int status) throws IOException {
        String[] parts = response.split("\r\n\r\n", 2);
        assertThat(parts[0]).as(response).startsWith("HTTP/1.1 " + status);
        assertThat(parts[0].toLowerCase()).as(parts[0]).contains("content-type: application/json");
        JsonNode body = Json.MAPPER.readTree(parts[1].substring(parts[1].indexOf('{')));
        assertThat(body.path("error").path("code").asText()).as(parts[1]).isNotEmpty();
        assertThat(body.path("error").path("message").asText()).as(parts[1]).isNotEmpty();
    }

    /** Sends raw bytes and reads the answer; the server may close early on a bad request, which is fine. */
    private String exchange(byte[] request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", api.port())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            try {
                out.write(request);
                out.flush();
            } catch (SocketException closedEarly) {
                // The server answered before reading it all.
            }
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
