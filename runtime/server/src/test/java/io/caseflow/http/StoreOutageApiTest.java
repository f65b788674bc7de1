package io.caseflow.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.caseflow.CaseflowRuntime;
import io.caseflow.definition.CaseDefinition;
import io.caseflow.definition.CaseKey;
import io.caseflow.definition.StageDefinition;
import io.caseflow.handler.HandlerRegistry;
import io.caseflow.testing.ExternalServices;
import io.caseflow.transport.rabbitmq.RabbitSettings;
import io.caseflow.transport.rabbitmq.RabbitTransport;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A server on the machine's PostgreSQL and RabbitMQ whose store connections are cut (as when the
 * database restarts) while requests come in: the API answers 503 with Retry-After, never 500 with
 * PostgreSQL's own words.
 */
class StoreOutageApiTest {
    private static final String ADMIN = "admin-token-0123456789";

    private final String run = UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    private final String applicationName = "cf_outage_" + run;
    private final CaseKey key = new CaseKey("outage" + run, "v1");
    private final HttpClient http = HttpClient.newHttpClient();
    private CaseflowRuntime runtime;
    private HttpApi api;

    @BeforeEach
    void start() {
        ExternalServices.requireRabbitMq();
        RabbitSettings rabbit = RabbitSettings.defaults(ExternalServices.RABBITMQ_URI).withConnectionName("caseflow-outage-test");
        runtime = CaseflowRuntime.builder().installation(ExternalServices.testInstallation()).jdbcUrl(ExternalServices.freshPostgresSchema() + "&ApplicationName=" + applicationName)
                .handlers(new HandlerRegistry().register("work", ctx -> ctx.next()))
                .transport((installation, outbox, clock, meters) -> new RabbitTransport(rabbit, installation, outbox, clock, meters)
                        .archivingDeadLetters())
                .build().start();
        runtime.deploy(CaseDefinition.builder(key.name(), key.api()).stage(StageDefinition.task("work", "work"))
                .stage(StageDefinition.end("done")).transition("work", "done").build());
        api = HttpApi.start(runtime, new ApiTokens(ADMIN, null), () -> "", "127.0.0.1", 0);
    }

    @AfterEach
    void stop() {
        api.close();
        runtime.close();
        ExternalServices.deleteQueues(List.of(ExternalServices.testInstallation().innerQ(key), ExternalServices.testInstallation().serviceQ(key)));
    }

    @Test
    void cut_store_connections_are_503_with_retry_after_and_never_the_database_text() throws Exception {
        String base = "/api/cases/" + key.name() + "/" + key.api();
        String id = send("POST", base + "/processes", "{}").body().replaceAll(".*\"id\"\\s*:\\s*\"([^\"]+)\".*", "$1");
        List<String> paths = List.of("/api/processes", base + "/processes/" + id, base + "/counts", "/api/cases", "/api/dead-letters",
                "/api/workers", base + "/processes/" + id + "/history");
        List<HttpResponse<String>> answers = new ArrayList<>();
        for (int round = 0; round < 15; round++) {
            int cut = terminateBackends();
            assertThat(cut).as("backends of %s", applicationName).isPositive();
            for (String path : paths) {
                answers.add(send("GET", path, null));
            }
            answers.add(send("POST", base + "/processes", "{}"));
        }
        assertThat(answers).allSatisfy(answer -> {
            assertThat(answer.statusCode()).as(answer.uri() + ": " + answer.body()).isIn(200, 201, 503);
            assertThat(answer.body()).doesNotContainIgnoringCase("terminating connection").doesNotContain("FATAL")
                    .doesNotContain("PSQLException").doesNotContain("I/O error");
            if (answer.statusCode() == 503) {
                assertThat(answer.headers().firstValue("Retry-After")).as(answer.uri().toString()).isPresent();
                assertThat(answer.body()).contains("\"code\":\"unavailable\"");
            }
        });
        assertThat(answers).anySatisfy(answer -> assertThat(answer.statusCode()).isEqualTo(503));
    }

    private int terminateBackends() throws SQLException {
        try (Connection connection = DriverManager.getConnection(ExternalServices.POSTGRES_URL, ExternalServices.POSTGRES_USER, "");
             PreparedStatement kill = connection.prepareStatement(
                     "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = ?")) {
            kill.setString(1, applicationName);
            int killed = 0;
            try (var rows = kill.executeQuery()) {
                while (rows.next()) {
                    killed++;
                }
            }
            return killed;
        }
    }

    private HttpResponse<String> send(String method, String path, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + api.port() + path))
                .header("Authorization", "Bearer " + ADMIN)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body)).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
