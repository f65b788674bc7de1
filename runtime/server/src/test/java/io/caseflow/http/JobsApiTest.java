package io.caseflow.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.caseflow.CaseflowRuntime;
import io.caseflow.definition.CaseDefinition;
import io.caseflow.definition.DefinitionJson;
import io.caseflow.definition.StageDefinition;
import io.caseflow.definition.StageKind;
import io.caseflow.handler.HandlerRegistry;
import io.caseflow.json.Json;
import io.caseflow.process.ProcessSnapshot;
import io.caseflow.process.ProcessStatus;
import io.caseflow.store.OutboxStore;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bulk jobs and dead-letter replay/discard over real HTTP, on an embedded runtime. */
class JobsApiTest {
    private static final String ADMIN = "admin-token-0123456789";
    private static final String READER = "reader-token-0123456789";

    @TempDir
    Path dir;
    private CaseflowRuntime runtime;
    private HttpApi api;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() throws Exception {
        HandlerRegistry handlers = new HandlerRegistry()
                .register("check", ctx -> ctx.input().path("ok").asBoolean(true) ? ctx.next() : ctx.failPermanently("input says not ok"))
                .register("finish", ctx -> ctx.complete(Map.of("done", true)));
        runtime = CaseflowRuntime.builder().h2File(dir.resolve("db")).handlers(handlers).build().start();
        api = HttpApi.start(runtime, new ApiTokens(ADMIN, READER), () -> "# metrics\n", "127.0.0.1", 0);
        String definition = DefinitionJson.write(CaseDefinition.builder("orders", "v1")
                .stage(StageDefinition.task("check", "check"))
                .stage(new StageDefinition("done", StageKind.END, "finish", null, null, null, null, null, null))
                .transition("check", "done").build());
        assertThat(call("POST", "/api/cases/orders/v1/definitions", ADMIN, definition).status()).isEqualTo(201);
    }

    @AfterEach
    void stop() {
        api.close();
        runtime.close();
    }

    private record Reply(int status, JsonNode body) {
    }

    private Reply call(String method, String path, String token, String body, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + api.port() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        request.header("Authorization", "Bearer " + token);
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Reply(response.statusCode(), response.body().isBlank() ? null : Json.MAPPER.readTree(response.body()));
    }

    private List<String> failedProcesses(int count) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(runtime.startProcess(new io.caseflow.definition.CaseKey("orders", "v1"), Map.of("ok", false)).id());
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> ids.stream().allMatch(id -> runtime.process(id).status() == ProcessStatus.FAILED));
        return ids;
    }

    @Test
    void a_retry_job_retries_every_selected_process_once_and_a_repeat_with_its_key_answers_with_the_same_job() throws Exception {
        List<String> ids = failedProcesses(30);
        Map<String, Long> stepBefore = new java.util.HashMap<>();
        ids.forEach(id -> stepBefore.put(id, runtime.process(id).step()));
        String body = "{\"kind\": \"retry\", \"query\": {\"case\": \"orders\", \"api\": \"v1\", \"stage\": \"check\", \"status\": [\"FAILED\"]}}";
        Reply created = call("POST", "/api/jobs", ADMIN, body, "Idempotency-Key", "retry-1");
        assertThat(created.status()).as(String.valueOf(created.body())).isEqualTo(201);
        String jobId = created.body().path("id").asText();
        assertThat(created.body().path("total").asLong()).isEqualTo(30);

        await().atMost(Duration.ofSeconds(20)).until(() -> call("GET", "/api/jobs/" + jobId, READER, null).body().path("state").asText().equals("DONE"));
        Reply job = call("GET", "/api/jobs/" + jobId, READER, null);
        assertThat(job.body().path("counts").path("DONE").asLong()).isEqualTo(30);
        await().atMost(Duration.ofSeconds(20)).until(() -> ids.stream().allMatch(id -> runtime.process(id).status() == ProcessStatus.FAILED));
        for (String id : ids) {
            // retried once (one step), ran its stage again and failed again (one more step): nothing else
            assertThat(runtime.process(id).step()).as(id).isEqualTo(stepBefore.get(id) + 2);
        }
        Reply items = call("GET", "/api/jobs/" + jobId + "/items?state=DONE&limit=10", READER, null);
        assertThat(items.body().path("items")).hasSize(10);
        assertThat(items.body().path("next").isTextual()).isTrue();

        Reply again = call("POST", "/api/jobs", ADMIN, body, "Idempotency-Key", "retry-1");
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body().path("id").asText()).isEqualTo(jobId);
        Reply other = call("POST", "/api/jobs", ADMIN, body.replace("check", "done"), "Idempotency-Key", "retry-1");
        assertThat(other.status()).isEqualTo(409);
        assertThat(call("GET", "/api/jobs", READER, null).body()).hasSize(1);
    }

    @Test
    void a_job_by_ids_records_unknown_ids_as_not_found_and_a_cancel_job_cancels() throws Exception {
        List<String> ids = failedProcesses(3);
        String body = "{\"kind\": \"cancel\", \"ids\": [\"" + ids.get(0) + "\", \"" + ids.get(1) + "\", \"no-such-process\"]}";
        Reply created = call("POST", "/api/jobs", ADMIN, body);
        assertThat(created.status()).isEqualTo(201);
        String jobId = created.body().path("id").asText();
        await().atMost(Duration.ofSeconds(20)).until(() -> call("GET", "/api/jobs/" + jobId, READER, null).body().path("state").asText().equals("DONE"));
        JsonNode counts = call("GET", "/api/jobs/" + jobId, READER, null).body().path("counts");
        assertThat(counts.path("DONE").asLong()).isEqualTo(2);
        assertThat(counts.path("NOT_FOUND").asLong()).isEqualTo(1);
        assertThat(runtime.process(ids.get(0)).status()).isEqualTo(ProcessStatus.CANCELLED);
        assertThat(runtime.process(ids.get(2)).status()).isEqualTo(ProcessStatus.FAILED);
        Reply cancelEnded = call("POST", "/api/jobs/" + jobId + "/cancel", ADMIN, "");
        assertThat(cancelEnded.body().path("cancelledNow").asBoolean()).isFalse();
    }

    @Test
    void bad_job_requests_are_refused_naming_the_field() throws Exception {
        assertField(call("POST", "/api/jobs", ADMIN, "{\"kind\": \"explode\", \"query\": {\"status\": \"FAILED\"}}"), 400, "kind");
        assertField(call("POST", "/api/jobs", ADMIN, "{\"kind\": \"retry\", \"query\": {}}"), 400, "query");
        assertField(call("POST", "/api/jobs", ADMIN, "{\"kind\": \"retry\"}"), 400, "query");
        assertField(call("POST", "/api/jobs", ADMIN, "{\"kind\": \"retry\", \"query\": {\"stage\": \"chargePaymnet\"}}"), 400, "query.stage");
        assertField(call("POST", "/api/jobs", ADMIN, "{\"kind\": \"retry\", \"query\": {\"status\": \"LOST\"}}"), 400, "query.status");
        assertField(call("POST", "/api/jobs", ADMIN, "{\"kind\": \"retry-from\", \"query\": {\"status\": \"FAILED\"}}"), 400, "fromStage");
        assertField(call("POST", "/api/jobs", ADMIN, "{\"kind\": \"retry\", \"query\": {\"since\": \"yesterday\"}}"), 400, "query.since");
        assertField(call("POST", "/api/jobs", ADMIN, "{\"kind\": \"retry\", \"query\": {\"case\": \"nope\"}}"), 400, "query.case");
        assertField(call("GET", "/api/jobs/0000-nope", READER, null), 404, "id");
        assertField(call("GET", "/api/jobs/0000-nope/items", READER, null), 404, "id");
        assertThat(call("POST", "/api/jobs", READER, "{\"kind\": \"retry\", \"query\": {\"status\": \"FAILED\"}}").status()).isEqualTo(403);
    }

    private static void assertField(Reply reply, int status, String field) {
        assertThat(reply.status()).as(String.valueOf(reply.body())).isEqualTo(status);
        assertThat(reply.body().path("error").path("details").path("field").asText()).as(String.valueOf(reply.body())).isEqualTo(field);
        assertThat(reply.body().path("error").path("message").asText()).isNotBlank();
    }

    @Test
    void a_dead_letter_is_replayed_once_however_often_it_is_asked_and_a_discarded_one_never() throws Exception {
        ProcessSnapshot process = runtime.process(failedProcesses(1).get(0));
        OutboxStore outbox = new OutboxStore(runtime.database(), runtime.clock());
        String queue = runtime.installation().innerQ(process.caseKey());
        String stale = "{\"type\":\"stageDue\",\"processId\":\"" + process.id() + "\",\"step\":0,\"stage\":\"check\"}";
        outbox.deadLetter(queue, "redelivered", "kept crashing", stale, process.id());
        outbox.deadLetter(queue, "malformed", "not json", "{oops", null);
        JsonNode letters = call("GET", "/api/dead-letters?state=DEAD", READER, null).body();
        assertThat(letters).hasSize(2);
        long first = letters.get(1).path("id").asLong();
        long second = letters.get(0).path("id").asLong();

        Reply replayed = call("POST", "/api/dead-letters/" + first + "/replay", ADMIN, "");
        assertThat(replayed.status()).isEqualTo(200);
        assertThat(replayed.body().path("outcome").asText()).isEqualTo("SETTLED");
        Reply again = call("POST", "/api/dead-letters/" + first + "/replay", ADMIN, "");
        assertThat(again.body().path("outcome").asText()).isEqualTo("ALREADY_SETTLED");
        assertThat(call("GET", "/api/dead-letters?state=REPLAYED", READER, null).body()).hasSize(1);

        Reply discarded = call("POST", "/api/dead-letters/discard", ADMIN, "{\"query\": {\"reason\": \"malformed\"}}");
        assertThat(discarded.body().path("SETTLED").asInt()).isEqualTo(1);
        assertThat(call("POST", "/api/dead-letters/" + second + "/replay", ADMIN, "").body().path("outcome").asText())
                .isEqualTo("ALREADY_SETTLED");
        assertThat(call("GET", "/api/dead-letters?state=DISCARDED", READER, null).body()).hasSize(1);
        assertField(call("POST", "/api/dead-letters/999999/replay", ADMIN, ""), 404, "id");
        // The stale replayed message was consumed and dropped by the step fence: the process did not move.
        await().atMost(Duration.ofSeconds(10)).until(() -> outbox.pendingCount() == 0);
        assertThat(runtime.process(process.id()).step()).isEqualTo(process.step());
    }
}
