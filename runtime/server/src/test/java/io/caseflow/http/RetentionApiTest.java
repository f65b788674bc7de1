package io.caseflow.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.caseflow.CaseflowRuntime;
import io.caseflow.cli.CaseflowCli;
import io.caseflow.client.ApiException;
import io.caseflow.client.CaseflowClient;
import io.caseflow.definition.CaseDefinition;
import io.caseflow.definition.CaseKey;
import io.caseflow.definition.StageDefinition;
import io.caseflow.json.Json;
import io.caseflow.process.ProcessStatus;
import io.caseflow.retention.CaseRetention;
import io.caseflow.retention.RetentionStatus;
import io.caseflow.retention.sweep.FinishedProcesses;
import io.caseflow.retention.sweep.RetentionStore;
import io.caseflow.retention.sweep.RetentionSweeper;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Retention through the HTTP API, the Java client and {@code caseflow retention}, on an embedded runtime. */
class RetentionApiTest {
    private static final String ADMIN = "admin-token-0123456789";
    private static final String READER = "reader-token-0123456789";
    private static final CaseKey KEY = new CaseKey("orders", "v1");

    @TempDir
    Path dir;
    private CaseflowRuntime runtime;
    private HttpApi api;
    private CaseflowClient admin;
    private CaseflowClient reader;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() {
        runtime = CaseflowRuntime.builder().h2File(dir.resolve("db")).build().start();
        runtime.deploy(CaseDefinition.builder(KEY.name(), KEY.api()).stage(StageDefinition.task("s1", "h"))
                .stage(StageDefinition.end("done")).transition("s1", "done").build());
        api = HttpApi.start(runtime, new ApiTokens(ADMIN, READER), () -> "", "127.0.0.1", 0);
        admin = new CaseflowClient(URI.create("http://127.0.0.1:" + api.port()), ADMIN);
        reader = new CaseflowClient(URI.create("http://127.0.0.1:" + api.port()), READER);
    }

    @AfterEach
    void stop() {
        api.close();
        runtime.close();
    }

    @Test
    void a_policy_set_over_the_api_is_shown_and_applied_by_the_sweeper() {
        FinishedProcesses.of(KEY).insert(runtime.database(), 30, Instant.now().minus(Duration.ofDays(30)), ProcessStatus.COMPLETED);
        RetentionStatus before = reader.retention();
        assertThat(before.cases()).singleElement().satisfies(c -> {
            assertThat(c.source()).isEqualTo(CaseRetention.Source.NONE);
            assertThat(c.oldestFinishedKept()).isBefore(Instant.now().minus(Duration.ofDays(29)));
        });
        assertThatThrownBy(() -> reader.setRetention("orders", null, "P7D")).isInstanceOf(ApiException.class).hasMessageContaining("read-only");

        assertThat(admin.setRetention("orders", null, "P7D").target()).isEqualTo("orders");
        assertThat(admin.setRetention("orders", "v1", "forever").period().isForever()).isTrue();
        assertThat(reader.retention().cases().get(0).source()).isEqualTo(CaseRetention.Source.CASE_API);
        assertThat(admin.clearRetention("orders", "v1")).isTrue();
        assertThat(admin.clearRetention("orders", "v1")).isFalse();

        new RetentionSweeper(new RetentionStore(runtime.database(), runtime.clock()), runtime.clock(), new SimpleMeterRegistry(),
                RetentionSweeper.options()).sweepOnce();

        RetentionStatus after = reader.retention();
        assertThat(after.policies()).singleElement().satisfies(p -> assertThat(p.period()).hasToString("P7D"));
        assertThat(after.cases().get(0).source()).isEqualTo(CaseRetention.Source.CASE);
        assertThat(after.sweep().deletedTotal()).isEqualTo(30);
        assertThat(after.sweep().lastFinishedAt()).isNotNull();
        assertThat(after.oldestFinishedKept()).isNull();
        assertThat(reader.get("/api/retention").path("sweep").path("deletedTotal").asLong()).isEqualTo(30);
    }

    @Test
    void a_period_that_is_not_iso_8601_or_negative_is_a_400_naming_the_field() throws Exception {
        for (String body : List.of("{\"period\": \"90 days\"}", "{\"period\": \"-P1D\"}", "{\"period\": \"PT5M\"}", "{\"period\": 90}",
                "{}", "")) {
            HttpResponse<String> response = put("/api/cases/orders/v1/retention", body);
            JsonNode error = Json.parse(response.body()).path("error");
            assertThat(response.statusCode()).as(body).isEqualTo(400);
            assertThat(error.path("code").asText()).isEqualTo("bad_request");
            assertThat(error.path("message").asText()).as(body).contains("'period'");
            assertThat(error.path("details").path("field").asText()).isEqualTo("period");
        }
        HttpResponse<String> longApi = put("/api/cases/orders/" + "a".repeat(101) + "/retention", "{\"period\": \"P1D\"}");
        assertThat(longApi.statusCode()).isEqualTo(400);
        assertThat(Json.parse(longApi.body()).path("error").path("details").path("field").asText()).isEqualTo("api");
        assertThat(reader.retention().policies()).isEmpty();
    }

    @Test
    void the_command_line_sets_shows_and_clears() {
        Run set = caseflow("retention", "set", "orders/v1", "P30D");
        assertThat(set.exit()).isZero();
        assertThat(set.out()).contains("orders/v1: finished processes are kept for P30D");

        Run show = caseflow("retention", "show");
        assertThat(show.out()).contains("default: keep forever", "orders  v1   P30D  case/api policy", "sweeper: has not run yet");

        Run bad = caseflow("retention", "set", "orders", "ninety days");
        assertThat(bad.exit()).isEqualTo(1);
        assertThat(bad.out()).contains("ERROR", "'period'", "P90D");

        Run cleared = caseflow("retention", "clear", "orders/v1");
        assertThat(cleared.out()).contains("orders/v1: policy removed");
        assertThat(caseflow("retention", "show").out()).contains("orders  v1   forever  nothing set");
    }

    @Test
    void the_openapi_description_documents_the_retention_endpoints() throws Exception {
        String yaml = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + api.port() + "/api/openapi.yaml")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        assertThat(yaml).contains("/api/retention:", "/api/cases/{case}/retention:", "/api/cases/{case}/{api}/retention:",
                "RetentionStatus:");
    }

    private HttpResponse<String> put(String path, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + api.port() + path)).header("Authorization", "Bearer " + ADMIN)
                .PUT(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private record Run(int exit, String out) {
    }

    private Run caseflow(String... args) {
        CommandLine cli = CaseflowCli.commandLine();
        StringWriter out = new StringWriter();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(out));
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--server", "http://127.0.0.1:" + api.port(), "--token", ADMIN));
        return new Run(cli.execute(all.toArray(String[]::new)), out.toString());
    }
}
