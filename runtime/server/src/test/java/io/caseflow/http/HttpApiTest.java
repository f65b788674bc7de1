package io.caseflow.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.zaxxer.hikari.HikariDataSource;
import io.caseflow.CaseflowRuntime;
import io.caseflow.definition.CaseDefinition;
import io.caseflow.definition.DefinitionJson;
import io.caseflow.definition.StageDefinition;
import io.caseflow.handler.HandlerRegistry;
import io.caseflow.json.Json;
import io.caseflow.process.ProcessSnapshot;
import io.caseflow.registry.WorkerRegistration;
import io.caseflow.service.IdempotentInbox;
import io.caseflow.service.ServiceEndpoint;
import io.caseflow.testing.ServiceDatabase;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The HTTP API over a real runtime, through real HTTP. */
class HttpApiTest {
    private static final String ADMIN = "admin-token-0123456789";
    private static final String READER = "reader-token-0123456789";

    @TempDir
    Path dir;
    private CaseflowRuntime runtime;
    private HttpApi api;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() {
        HandlerRegistry handlers = new HandlerRegistry()
                .register("check", ctx -> ctx.input().path("ok").asBoolean(true) ? ctx.next() : ctx.failPermanently("input says not ok"))
                .register("finish", ctx -> ctx.complete(java.util.Map.of("done", true)));
        runtime = CaseflowRuntime.builder().h2File(dir.resolve("db")).handlers(handlers)
                .registerAs(WorkerRegistration.as(WorkerRegistration.EMBEDDED)).build().start();
        api = HttpApi.start(runtime, new ApiTokens(ADMIN, READER), () -> "# metrics\n", "127.0.0.1", 0);
    }

    @AfterEach
    void stop() {
        api.close();
        runtime.close();
    }

    private record Reply(int status, JsonNode body, String raw) {
    }

    private Reply call(String method, String path, String token, String body, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + api.port() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        JsonNode json = null;
        try {
            json = response.body().isBlank() ? null : Json.MAPPER.readTree(response.body());
        } catch (Exception notJson) {
            // YAML or metrics text
        }
        return new Reply(response.statusCode(), json, response.body());
    }

    private static String definition() {
        return DefinitionJson.write(CaseDefinition.builder("orders", "v1")
                .stage(StageDefinition.task("check", "check"))
                .stage(new StageDefinition("done", io.caseflow.definition.StageKind.END, "finish", null, null, null, null, null, null))
                .transition("check", "done")
                .build());
    }

    private void deploy() throws Exception {
        assertThat(call("POST", "/api/cases/orders/v1/definitions", ADMIN, definition()).status()).isEqualTo(201);
    }

    @Test
    void a_process_is_started_watched_and_completed_over_http() throws Exception {
        deploy();
        Reply started = call("POST", "/api/cases/orders/v1/processes", ADMIN, "{\"ok\": true}");
        assertThat(started.status()).isEqualTo(201);
        String id = started.body().path("id").asText();
        await().atMost(Duration.ofSeconds(10)).until(() ->
                call("GET", "/api/cases/orders/v1/processes/" + id, READER, null).body().path("status").asText().equals("COMPLETED"));
        Reply process = call("GET", "/api/cases/orders/v1/processes/" + id, ADMIN, null);
        assertThat(process.body().path("result").path("done").asBoolean()).isTrue();
        assertThat(call("GET", "/api/cases/orders/v1/processes/" + id, READER, null).body().has("result"))
                .as("a reader sees the state, not the data").isFalse();
        Reply history = call("GET", "/api/cases/orders/v1/processes/" + id + "/history", READER, null);
        assertThat(history.body()).hasSize(2);
        Reply page = call("GET", "/api/cases/orders/v1/processes?status=COMPLETED&limit=10", READER, null);
        assertThat(page.body().path("total").asLong()).isEqualTo(1);
        assertThat(call("GET", "/api/processes/" + id, READER, null).body().path("case").asText()).isEqualTo("orders");
        assertThat(call("GET", "/api/cases/orders/v1/counts", READER, null).body().path("done").path("COMPLETED").asLong()).isEqualTo(1);
    }

    @Test
    void the_embedded_runtime_lists_itself_alive_and_counts_its_own_service_consumers() throws Exception {
        Reply workers = call("GET", "/api/workers", READER, null);
        assertThat(workers.status()).isEqualTo(200);
        assertThat(workers.body().path("workers")).singleElement().satisfies(worker -> {
            assertThat(worker.path("kind").asText()).isEqualTo("embedded");
            assertThat(worker.path("status").asText()).isEqualTo("ALIVE");
            assertThat(worker.path("alive").asBoolean()).isTrue();
            assertThat(worker.path("handlers")).extracting(JsonNode::asText).containsExactly("check", "finish");
        });

        assertThat(call("POST", "/api/cases/refunds/v1/definitions", ADMIN, DefinitionJson.write(CaseDefinition.builder("refunds", "v1")
                .stage(StageDefinition.service("refund", "check", "payments", "refund")).stage(StageDefinition.end("done"))
                .transition("refund", "done").build())).status()).isEqualTo(201);
        assertThat(call("GET", "/api/services", READER, null).body().path("services")).singleElement()
                .satisfies(service -> assertThat(service.path("consumers").asInt(-1)).isZero());
        try (HikariDataSource serviceDatabase = ServiceDatabase.open(dir.resolve("payments"))) {
            runtime.attach(ServiceEndpoint.builder("payments", IdempotentInbox.create(serviceDatabase,
                    ServiceDatabase.url(dir.resolve("payments")), Clock.systemUTC())).build(), 1);
            JsonNode payments = call("GET", "/api/services", READER, null).body().path("services").get(0);
            assertThat(payments.path("name").asText()).isEqualTo("payments");
            assertThat(payments.path("queue").asText()).isEqualTo("caseflow.service.payments.requests");
            assertThat(payments.path("consumers").asInt()).isEqualTo(1);
            assertThat(payments.path("cases").get(0).path("case").asText()).isEqualTo("refunds");
            assertThat(call("GET", "/api/workers", READER, null).body().path("workers").get(0).path("services"))
                    .extracting(JsonNode::asText).containsExactly("payments");
        }
        assertThat(call("GET", "/api/workers", null, null).body().path("error").path("code").asText()).isEqualTo("unauthorized");
    }

    @Test
    void an_idempotency_key_returns_the_same_process_and_refuses_another_input() throws Exception {
        deploy();
        Reply first = call("POST", "/api/cases/orders/v1/processes", ADMIN, "{\"n\": 1}", "Idempotency-Key", "k-1");
        Reply again = call("POST", "/api/cases/orders/v1/processes", ADMIN, "{\"n\": 1}", "Idempotency-Key", "k-1");
        assertThat(first.status()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body().path("id").asText()).isEqualTo(first.body().path("id").asText());
        Reply conflict = call("POST", "/api/cases/orders/v1/processes", ADMIN, "{\"n\": 2}", "Idempotency-Key", "k-1");
        assertThat(conflict.status()).isEqualTo(409);
        assertThat(conflict.body().path("error").path("code").asText()).isEqualTo("idempotency_conflict");
        assertThat(conflict.body().path("error").path("details").path("existingProcessId").asText()).isEqualTo(first.body().path("id").asText());
    }

    @Test
    void a_failed_process_is_retried_with_new_data_and_cancel_is_idempotent() throws Exception {
        deploy();
        String id = call("POST", "/api/cases/orders/v1/processes", ADMIN, "{\"ok\": false}").body().path("id").asText();
        await().atMost(Duration.ofSeconds(10)).until(() ->
                call("GET", "/api/processes/" + id, READER, null).body().path("status").asText().equals("FAILED"));
        assertThat(call("GET", "/api/processes/" + id, READER, null).body().path("failure").path("message").asText())
                .isEqualTo("input says not ok");
        Reply retried = call("POST", "/api/cases/orders/v1/processes/" + id + "/retry", ADMIN, "{\"data\": {\"note\": \"retried\"}}");
        assertThat(retried.body().path("changed").asBoolean()).isTrue();
        await().atMost(Duration.ofSeconds(10)).until(() ->
                call("GET", "/api/processes/" + id, READER, null).body().path("status").asText().equals("FAILED"));
        assertThat(call("GET", "/api/processes/" + id, ADMIN, null).body().path("data").path("note").asText()).isEqualTo("retried");
        Reply cancelled = call("POST", "/api/cases/orders/v1/processes/" + id + "/cancel", ADMIN, null);
        assertThat(cancelled.body().path("changed").asBoolean()).isTrue();
        assertThat(call("POST", "/api/cases/orders/v1/processes/" + id + "/cancel", ADMIN, null).body().path("changed").asBoolean()).isFalse();
    }

    @Test
    void no_token_a_wrong_token_and_a_read_only_write_are_refused_with_stable_errors() throws Exception {
        Reply none = call("GET", "/api/cases", null, null);
        assertThat(none.status()).isEqualTo(401);
        assertThat(none.body().path("error").path("code").asText()).isEqualTo("unauthorized");
        assertThat(call("GET", "/api/cases", "wrong-token-0123456789", null).status()).isEqualTo(401);
        Reply readOnlyWrite = call("POST", "/api/cases/orders/v1/definitions", READER, definition());
        assertThat(readOnlyWrite.status()).isEqualTo(403);
        assertThat(readOnlyWrite.body().path("error").path("code").asText()).isEqualTo("forbidden");
        assertThat(runtime.definitions()).isEmpty();
        assertThat(call("GET", "/api/health", null, null).status()).isEqualTo(200);
        assertThat(call("GET", "/api/openapi.yaml", null, null).raw()).contains("openapi: 3.0.3", "/api/cases/{case}/{api}/processes");
        assertThat(call("GET", "/api/metrics", null, null).status()).isEqualTo(401);
        assertThat(call("GET", "/api/metrics", READER, null).raw()).contains("# metrics");
    }

    @Test
    void bad_input_gets_a_clear_typed_error_and_changes_nothing() throws Exception {
        Reply malformed = call("POST", "/api/cases/orders/v1/definitions", ADMIN, "{\"name\": \"orders\",,}");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.body().path("error").path("code").asText()).isEqualTo("malformed_definition");
        assertThat(malformed.body().path("error").path("details").path("line").asInt()).isEqualTo(1);

        String invalid = "{\"name\": \"orders\", \"api\": \"v1\", \"startStage\": \"a\", \"stages\": [{\"name\": \"a\", \"handler\": \"nope\"}]}";
        Reply rejected = call("POST", "/api/cases/orders/v1/definitions", ADMIN, invalid);
        assertThat(rejected.status()).isEqualTo(422);
        assertThat(rejected.body().path("error").path("code").asText()).isEqualTo("invalid_definition");
        assertThat(rejected.body().path("error").path("details").toString()).contains("UNKNOWN_HANDLER", "NO_END_STAGE");

        Reply wrongPath = call("POST", "/api/cases/other/v1/definitions", ADMIN, definition());
        assertThat(wrongPath.status()).isEqualTo(400);
        assertThat(runtime.definitions()).isEmpty();

        Reply unknownCase = call("POST", "/api/cases/ghost/v1/processes", ADMIN, "{}");
        assertThat(unknownCase.status()).isEqualTo(404);
        assertThat(unknownCase.body().path("error").path("code").asText()).isEqualTo("unknown_case");

        deploy();
        Reply badJson = call("POST", "/api/cases/orders/v1/processes", ADMIN, "{not json");
        assertThat(badJson.status()).isEqualTo(400);
        assertThat(badJson.body().path("error").path("code").asText()).isEqualTo("malformed_json");
        assertThat(call("GET", "/api/processes?limit=5", READER, null).body().path("total").asLong()).isZero();

        assertThat(call("GET", "/api/processes?status=DONE", READER, null).body().path("error").path("message").asText())
                .contains("unknown status 'DONE'");
        assertThat(call("GET", "/api/processes?limit=0", READER, null).status()).isEqualTo(400);
        assertThat(call("GET", "/api/processes/no-such-id", READER, null).status()).isEqualTo(404);
        assertThat(call("GET", "/api/nothing-here", READER, null).body().path("error").path("code").asText()).isEqualTo("not_found");

        String id = call("POST", "/api/cases/orders/v1/processes", ADMIN, "{}").body().path("id").asText();
        assertThat(call("GET", "/api/cases/other/v1/processes/" + id, READER, null).status()).isEqualTo(404);
    }

    @Test
    void deeply_nested_json_is_a_400_in_the_error_shape_on_every_endpoint_that_reads_a_body() throws Exception {
        deploy();
        for (int depth : new int[] {2_000, 50_000}) {
            String nested = "{\"a\":".repeat(depth) + "1" + "}".repeat(depth);
            for (String path : new String[] {"/api/cases/orders/v1/processes", "/api/cases/orders/v1/definitions",
                    "/api/cases/orders/v1/definitions/validate"}) {
                Reply reply = call("POST", path, ADMIN, nested);
                assertThat(reply.status()).as(path + " at depth " + depth).isEqualTo(400);
                assertThat(reply.body().path("error").path("code").asText()).as(path).isEqualTo("too_deep");
                assertThat(reply.body().path("error").path("message").asText()).contains("100 nesting levels");
            }
        }
        String id = call("POST", "/api/cases/orders/v1/processes", ADMIN, "{}").body().path("id").asText();
        Reply retry = call("POST", "/api/processes/" + id + "/retry", ADMIN, "[".repeat(2_000) + "]".repeat(2_000));
        assertThat(retry.status()).isEqualTo(400);
        assertThat(retry.body().path("error").path("code").asText()).isEqualTo("too_deep");
        assertThat(call("GET", "/api/processes?limit=5", READER, null).body().path("total").asLong()).isEqualTo(1);
    }

    @Test
    void an_idempotency_key_accepts_the_same_input_with_its_keys_in_another_order_and_equal_numbers() throws Exception {
        deploy();
        Reply first = call("POST", "/api/cases/orders/v1/processes", ADMIN, "{\"a\": 1, \"b\": {\"x\": [1.0, \"s\"], \"y\": true}}",
                "Idempotency-Key", "k-2");
        Reply again = call("POST", "/api/cases/orders/v1/processes", ADMIN, "{\"b\": {\"y\": true, \"x\": [1.00, \"s\"]}, \"a\": 1}",
                "Idempotency-Key", "k-2");
        assertThat(first.status()).isEqualTo(201);
        assertThat(again.status()).as(again.raw()).isEqualTo(200);
        assertThat(again.body().path("id").asText()).isEqualTo(first.body().path("id").asText());
    }

    @Test
    void a_process_input_is_kept_as_the_text_it_was_sent_in_and_a_body_with_more_after_its_value_is_refused() throws Exception {
        deploy();
        String pretty = "{\n  \"order\" : { \"items\" : [ 1, 2.50, \"東京\" ] },\n  \"note\" : \"a \\\"quoted\\\" word\"\n}\n";
        Reply started = call("POST", "/api/cases/orders/v1/processes", ADMIN, pretty);
        assertThat(started.status()).as(started.raw()).isEqualTo(201);
        ProcessSnapshot kept = runtime.find(started.body().path("id").asText()).orElseThrow();
        assertThat(kept.input().toString()).isEqualTo(pretty);
        assertThat(started.body().path("input")).isEqualTo(Json.parse(pretty));

        for (String body : new String[] {"{\"a\":1} {\"b\":2}", "{\"a\":1} trailing", "{\"a\":1}]"}) {
            Reply refused = call("POST", "/api/cases/orders/v1/processes", ADMIN, body);
            assertThat(refused.status()).as(body).isEqualTo(400);
            assertThat(refused.body().path("error").path("code").asText()).as(body).isEqualTo("malformed_json");
        }
        Reply badEscape = call("POST", "/api/cases/orders/v1/processes", ADMIN, "{\"a\":\"\\q\"}");
        assertThat(badEscape.status()).isEqualTo(400);
        assertThat(badEscape.body().path("error").path("message").asText()).contains("not valid JSON");
        Reply withMark = call("POST", "/api/cases/orders/v1/processes", ADMIN, "\uFEFF{\"marked\":true}");
        assertThat(withMark.status()).as(withMark.raw()).isEqualTo(201);
        assertThat(runtime.find(withMark.body().path("id").asText()).orElseThrow().input().toString()).isEqualTo("{\"marked\":true}");
        assertThat(call("GET", "/api/processes?limit=5", READER, null).body().path("total").asLong()).isEqualTo(2);
    }

    @Test
    void a_process_input_that_is_not_a_json_object_is_a_400_naming_the_problem() throws Exception {
        deploy();
        for (String input : new String[] {"[1, 2]", "\"an order\"", "42", "null", "true"}) {
            Reply refused = call("POST", "/api/cases/orders/v1/processes", ADMIN, input);
            assertThat(refused.status()).as(input).isEqualTo(400);
            assertThat(refused.body().path("error").path("code").asText()).isEqualTo("bad_request");
            assertThat(refused.body().path("error").path("message").asText()).as(input).contains("input must be a JSON object");
        }
        assertThat(call("GET", "/api/processes?limit=5", READER, null).body().path("total").asLong()).isZero();
    }
}
