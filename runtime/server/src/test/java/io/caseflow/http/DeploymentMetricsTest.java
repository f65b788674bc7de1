package io.caseflow.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.caseflow.CaseflowRuntime;
import io.caseflow.definition.CaseDefinition;
import io.caseflow.definition.CaseKey;
import io.caseflow.definition.StageDefinition;
import io.caseflow.handler.HandlerRegistry;
import io.caseflow.message.Messages;
import io.caseflow.message.OutboxMessage;
import io.caseflow.message.ServiceReply;
import io.caseflow.process.ProcessSnapshot;
import io.caseflow.process.ProcessStatus;
import io.caseflow.registry.WorkerRegistration;
import io.caseflow.store.JdbcWorkerStore;
import io.caseflow.testing.ExternalServices;
import io.caseflow.testing.RabbitRuntimes;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A server and a worker on the machine's PostgreSQL and RabbitMQ, wired as {@code caseflow server} wires
 * them: what the worker's engine counts (duplicates dropped, dead letters, transitions) shows in the
 * server's {@code /api/metrics}.
 */
class DeploymentMetricsTest {
    private static final String ADMIN = "admin-token-0123456789";
    private static final Duration HEARTBEAT = Duration.ofMillis(200);

    private final String run = UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    private final CaseKey key = new CaseKey("metrics" + run, "v1");
    private final String payments = "pay" + run;
    private CaseflowRuntime server;
    private CaseflowRuntime worker;
    private HttpApi api;

    @BeforeEach
    void start() {
        server = RabbitRuntimes.onRabbitMqAndPostgres(CaseflowRuntime.builder(), true).serving(k -> false)
                .registerAs(WorkerRegistration.as(WorkerRegistration.SERVER).withHeartbeat(HEARTBEAT)).build().start();
        worker = RabbitRuntimes.onRabbitMqAndPostgres(CaseflowRuntime.builder(), false).jdbcUrl(server.database().describe())
                .handlers(new HandlerRegistry().register("charge", ctx -> ctx.callService(Map.of()))).serving(List.of(key))
                .registerAs(WorkerRegistration.as(WorkerRegistration.WORKER).withHeartbeat(HEARTBEAT)).build().start();
        worker.deploy(CaseDefinition.builder(key.name(), key.api()).stage(StageDefinition.service("charge", "charge", payments, "charge"))
                .stage(StageDefinition.end("done")).transition("charge", "done").build());
        // As ServerCommand does.
        DeploymentMetrics metrics = new DeploymentMetrics(new JdbcWorkerStore(server.database()),
                new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
        api = HttpApi.start(server, new ApiTokens(ADMIN, null), metrics::scrape, "127.0.0.1", 0);
    }

    @AfterEach
    void stop() {
        api.close();
        worker.close();
        server.close();
        ExternalServices.deleteQueues(List.of(ExternalServices.testInstallation().innerQ(key), ExternalServices.testInstallation().serviceQ(key), ExternalServices.testInstallation().serviceRequests(payments)));
    }

    @Test
    void the_servers_metrics_carry_the_workers_duplicates_dead_letters_and_transitions() throws Exception {
        // Known reasons show at zero from the start: each node writes its counters as it registers.
        assertThat(scrape()).contains("caseflow_duplicates_dropped_total{reason=\"stale_reply\"} 0", "caseflow_dead_letters_total");

        ProcessSnapshot started = server.startProcess(key, Map.of());
        await().atMost(Duration.ofSeconds(20)).until(() -> server.process(started.id()).status() == ProcessStatus.WAITING);
        String reply = Messages.write(ServiceReply.ok(server.process(started.id()).waitTaskId(), "ok", null));
        send(ExternalServices.testInstallation().serviceQ(key), reply);
        await().atMost(Duration.ofSeconds(20)).until(() -> server.process(started.id()).status() == ProcessStatus.COMPLETED);
        send(ExternalServices.testInstallation().serviceQ(key), reply); // a repeat: the worker drops it as stale
        send(ExternalServices.testInstallation().innerQ(key), "{not json"); // the worker dead-letters it

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            String text = scrape();
            assertThat(value(text, "caseflow_duplicates_dropped_total{reason=\"stale_reply\"}")).isEqualTo(1);
            assertThat(value(text, "caseflow_dead_letters_total{reason=\"malformed\"}")).isEqualTo(1);
            assertThat(value(text, "caseflow_transitions_total")).isGreaterThanOrEqualTo(1);
            // Per stage, labelled with the case, as the worker counted them: the reply's move into 'done', and the end
            // stage completing the process there.
            assertThat(value(text, "caseflow_stage_transitions_total{api=\"v1\",case=\"" + key.name() + "\",stage=\"done\"}"))
                    .isEqualTo(2);
        });
    }

    private void send(String queue, String body) {
        worker.transport().publish(new OutboxMessage(queue, null, OutboxMessage.Kind.SERVICE_REPLY, body, Instant.now()));
    }

    private String scrape() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + api.port() + "/api/metrics"))
                .header("Authorization", "Bearer " + ADMIN).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString()).body();
    }

    /** The value of one series in Prometheus text, -1 when it is absent. */
    private static double value(String text, String series) {
        Matcher matcher = Pattern.compile("(?m)^" + Pattern.quote(series) + " (\\S+)$").matcher(text);
        return matcher.find() ? Double.parseDouble(matcher.group(1)) : -1;
    }
}
