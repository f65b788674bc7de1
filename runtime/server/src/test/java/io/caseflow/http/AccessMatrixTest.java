package io.caseflow.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import com.fasterxml.jackson.databind.JsonNode;
import io.caseflow.CaseflowRuntime;
import io.caseflow.definition.CaseDefinition;
import io.caseflow.definition.StageDefinition;
import io.caseflow.handler.HandlerRegistry;
import io.caseflow.json.Json;
import io.caseflow.process.ProcessStatus;
import io.javalin.http.HandlerType;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every route the API serves, called with every role's token (and none): a role the rules allow is never
 * refused, every other one gets 403, no token gets 401. Then what a reader sees of a process, and the audit
 * trail of who did what.
 */
class AccessMatrixTest {
    private static final String ADMIN = "admin-token-0123456789";
    private static final String READER = "reader-token-0123456789";
    private static final String OPERATOR = "operator-token-0123456789";
    private static final String DEPLOYER = "deployer-token-0123456789";
    private static final String SOME_ID = "01900000-0000-7000-8000-000000000000";

    @TempDir
    Path dir;
    private final HttpClient http = HttpClient.newHttpClient();
    private final AtomicBoolean failNext = new AtomicBoolean(true);
    private CaseflowRuntime runtime;
    private HttpApi api;

    @BeforeEach
    void start() throws Exception {
        HandlerRegistry handlers = new HandlerRegistry().register("check", ctx -> {
            if (failNext.getAndSet(false)) {
                return ctx.failPermanently("card expired");
            }
            ctx.data().put("checked", "yes");
            return ctx.next();
        });
        runtime = CaseflowRuntime.builder().h2File(dir.resolve("rt")).handlers(handlers).build().start();
        runtime.deploy(CaseDefinition.builder("orders", "v1").stage(StageDefinition.task("check", "check"))
                .stage(StageDefinition.end("done")).transition("check", "done").build());
        Path tokens = dir.resolve("tokens");
        Files.writeString(tokens, """
                # name   role      token
                oncall   operator  %s
                ci       deployer  sha256:%s   # the file need not hold the secret
                """.formatted(OPERATOR, HexFormat.of().formatHex(ApiTokens.sha256(DEPLOYER))));
        api = HttpApi.start(runtime, new ApiTokens(ADMIN, READER).withFile(tokens), () -> "", "127.0.0.1", 0);
    }

    @AfterEach
    void stop() {
        api.close();
        runtime.close();
    }

    @Test
    void every_route_times_every_role() throws Exception {
        Map<Role, String> tokens = new LinkedHashMap<>();
        tokens.put(Role.READER, READER);
        tokens.put(Role.OPERATOR, OPERATOR);
        tokens.put(Role.DEPLOYER, DEPLOYER);
        tokens.put(Role.ADMIN, ADMIN);
        List<String> routes = api.routeList();
        assertThat(routes).hasSizeGreaterThan(30).contains("GET /api/audit", "POST /api/jobs", "PUT /api/cases/{case}/retention");
        assertThat(AccessRules.all().keySet()).as("a rule for a route that does not exist").allMatch(routes::contains);
        List<String> calls = new ArrayList<>();
        for (String route : routes) {
            String method = route.substring(0, route.indexOf(' '));
            String path = route.substring(route.indexOf(' ') + 1);
            String concrete = path.replace("{case}", "orders").replace("{api}", "v1").replace("{id}", SOME_ID).replace("{version}", "1");
            if (AccessRules.isPublic(HandlerType.valueOf(method), path)) {
                assertThat(call(method, concrete, (String) null).statusCode()).as(route).isEqualTo(200);
                continue;
            }
            assertThat(AccessRules.required(HandlerType.valueOf(method), path)).as("an access rule for " + route).isPresent();
            Permission needed = AccessRules.required(HandlerType.valueOf(method), path).orElseThrow();
            assertThat(call(method, concrete, (String) null).statusCode()).as(route + " without a token").isEqualTo(401);
            for (Map.Entry<Role, String> role : tokens.entrySet()) {
                int status = call(method, concrete, role.getValue()).statusCode();
                if (role.getKey().allows(needed)) {
                    assertThat(status).as(route + " as " + role.getKey()).isNotIn(401, 403);
                } else {
                    assertThat(status).as(route + " as " + role.getKey()).isEqualTo(403);
                }
                calls.add(route + " " + role.getKey() + " " + status);
            }
        }
        assertThat(calls).hasSize(4 * (routes.size() - AccessRules.PUBLIC.size()));
    }

    @Test
    void a_reader_sees_what_a_process_does_but_not_what_it_carries_and_every_action_is_audited() throws Exception {
        HttpResponse<String> started = call("POST", "/api/cases/orders/v1/processes", OPERATOR, "{\"card\": \"4111-1111\"}");
        assertThat(started.statusCode()).isEqualTo(201);
        String id = Json.parse(started.body()).path("id").asText();
        await().atMost(Duration.ofSeconds(20)).until(() -> runtime.process(id).status() == ProcessStatus.FAILED);

        JsonNode asReader = Json.parse(call("GET", "/api/processes/" + id, READER, null).body());
        assertThat(asReader.path("status").asText()).isEqualTo("FAILED");
        assertThat(asReader.path("failure").path("message").asText()).contains("card expired");
        assertThat(asReader.has("input")).isFalse();
        assertThat(asReader.has("data")).isFalse();
        assertThat(asReader.path("failure").has("stackTrace")).isFalse();
        assertThat(call("GET", "/api/processes?limit=5", READER, null).body()).doesNotContain("4111-1111").contains(id);
        assertThat(call("GET", "/api/processes/" + id, OPERATOR, null).body()).contains("4111-1111");

        assertThat(call("POST", "/api/processes/" + id + "/retry", READER, "").statusCode()).isEqualTo(403);
        assertThat(call("POST", "/api/processes/" + id + "/retry", DEPLOYER, "").statusCode()).isEqualTo(403);
        HttpResponse<String> retried = call("POST", "/api/processes/" + id + "/retry", OPERATOR, "", "X-Forwarded-For", "203.0.113.7");
        assertThat(retried.statusCode()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(20)).until(() -> runtime.process(id).status() == ProcessStatus.COMPLETED);

        assertThat(call("GET", "/api/processes/" + id + "/audit", READER, null).statusCode()).isEqualTo(403);
        JsonNode trail = Json.parse(call("GET", "/api/processes/" + id + "/audit", OPERATOR, null).body()).path("events");
        List<String> lines = new ArrayList<>();
        trail.forEach(e -> lines.add(e.path("actor").asText() + "/" + e.path("role").asText() + " " + e.path("action").asText()
                + " " + e.path("status").asInt() + " " + e.path("outcome").asText()));
        assertThat(lines).containsExactly( // newest first
                "oncall/operator POST /api/processes/{id}/retry 200 ok",
                "ci/deployer POST /api/processes/{id}/retry 403 forbidden",
                "read-only/reader POST /api/processes/{id}/retry 403 forbidden",
                "oncall/operator POST /api/cases/{case}/{api}/processes 201 ok");
        assertThat(trail.get(0).path("remote").asText()).isEqualTo("127.0.0.1 for 203.0.113.7");
        assertThat(trail.get(3).path("case").asText()).isEqualTo("orders");
        assertThat(trail.get(0).path("at").asText()).isNotBlank();

        assertThat(call("GET", "/api/audit", OPERATOR, null).statusCode()).isEqualTo(403);
        call("POST", "/api/cases/orders/v1/definitions", null, "{}");
        JsonNode all = Json.parse(call("GET", "/api/audit?limit=2", ADMIN, null).body());
        assertThat(all.path("events").get(0).path("actor").asText()).isEqualTo("(no valid token)");
        assertThat(all.path("events").get(0).path("status").asInt()).isEqualTo(401);
        JsonNode older = Json.parse(call("GET", "/api/audit?limit=10&before=" + all.path("next").asLong(), ADMIN, null).body());
        assertThat(older.path("events")).hasSize(3);
        assertThat(call("GET", "/api/audit?before=-1", ADMIN, null).statusCode()).isEqualTo(400);
    }

    @Test
    void a_bad_tokens_file_is_refused_with_its_line_and_what_is_wrong() throws Exception {
        Path file = dir.resolve("bad-tokens");
        Files.writeString(file, "ok operator " + OPERATOR + "\nbob superuser " + DEPLOYER + "\n");
        assertThatThrownBy(() -> new ApiTokens(ADMIN, null).withFile(file))
                .hasMessageContaining("line 2").hasMessageContaining("unknown role 'superuser'")
                .hasMessageContaining("reader, operator, deployer, admin");
        Files.writeString(file, "twin operator " + ADMIN + "\n");
        assertThatThrownBy(() -> new ApiTokens(ADMIN, null).withFile(file))
                .hasMessageContaining("line 1").hasMessageContaining("same token as 'admin'");
        Files.writeString(file, "short operator abc\n");
        assertThatThrownBy(() -> new ApiTokens(ADMIN, null).withFile(file))
                .hasMessageContaining("at least 16 characters");
    }

    private HttpResponse<String> call(String method, String path, String token) throws Exception {
        return call(method, path, token, method.equals("GET") || method.equals("DELETE") ? null : "{}");
    }

    private HttpResponse<String> call(String method, String path, String token, String body, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + api.port() + path))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (headers.length > 0) {
            request.headers(headers);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
