package io.caseflow.samples.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.MessageProperties;
import io.caseflow.message.Messages;
import io.caseflow.installation.Installation;
import io.caseflow.message.StageDue;
import io.caseflow.samples.BusinessCase1;
import io.caseflow.samples.jvm.WorkerProcess;
import io.caseflow.testing.ExternalServices;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A worker JVM's own HTTP port while it processes: liveness, readiness (store and broker), and its
 * Prometheus metrics, where a duplicate injected on purpose shows up under its reason.
 */
class WorkerEndpointsTest {
    private static final Pattern PORT = Pattern.compile(".*health and metrics on port (\\d+).*");
    private static final Pattern DUPLICATES = Pattern.compile("(?m)^caseflow_duplicates_dropped_total\\{[^}]*reason=\"stale_step\"[^}]*} ([0-9.]+)");

    @TempDir
    Path dir;
    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> get(int port, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private double staleStepDrops(int port) throws Exception {
        Matcher m = DUPLICATES.matcher(get(port, "/metrics").body());
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }

    @Test
    void health_readiness_and_metrics_come_from_the_worker_while_it_works() throws Exception {
        try (Cluster cluster = new Cluster(dir, 2)) {
            cluster.startServer();
            cluster.deploySample();
            WorkerProcess worker = cluster.startWorker("worker-with-port", "--health-port", "0", "--health-host", "127.0.0.1");
            String ready = worker.output().stream().filter(l -> l.startsWith("caseflow worker ready")).findFirst().orElseThrow();
            Matcher port = PORT.matcher(ready);
            assertThat(port.matches()).as(ready).isTrue();
            int p = Integer.parseInt(port.group(1));

            assertThat(get(p, "/health").statusCode()).isEqualTo(200);
            HttpResponse<String> readiness = get(p, "/ready");
            assertThat(readiness.statusCode()).isEqualTo(200);
            assertThat(readiness.body()).contains("\"store\":\"UP\"", "\"transport\":\"UP\"");

            cluster.startOrders(0, 20);
            cluster.awaitCompleted(15, Duration.ofSeconds(60));
            String metrics = get(p, "/metrics").body();
            assertThat(metrics).contains("caseflow_transitions_total", "jvm_memory_used_bytes");
            // the store pool's and the broker client's own meters
            assertThat(metrics).containsPattern("hikaricp_connections_active\\{pool=\"caseflow-store\"}")
                    .containsPattern("rabbitmq_published_total\\{connection=\"caseflow-worker\"} [1-9]")
                    .containsPattern("rabbitmq_consumed_total\\{connection=\"caseflow-worker\"} [1-9]");
            // A histogram per stage (buckets add up across workers in Prometheus), labelled with case, api and stage.
            assertThat(metrics).containsPattern("caseflow_stage_duration_seconds_bucket\\{api=\"v1\",case=\"businessCase1\","
                    + "stage=\"chargePayment\",le=\"\\+Inf\"} [1-9]");

            // A duplicate on purpose: a stage hand-off for a step the process has long passed.
            String processId;
            try (java.sql.Connection db = DriverManager.getConnection(cluster.jdbcUrl);
                 Statement statement = db.createStatement();
                 ResultSet rs = statement.executeQuery("SELECT id FROM process WHERE status = 'COMPLETED' LIMIT 1")) {
                assertThat(rs.next()).isTrue();
                processId = rs.getString(1);
            }
            double before = staleStepDrops(p);
            ConnectionFactory factory = new ConnectionFactory();
            factory.setUri(ExternalServices.RABBITMQ_URI);
            try (Connection connection = factory.newConnection("caseflow-test-duplicate"); Channel channel = connection.createChannel()) {
                Installation installation = Installation.named(cluster.installation);
                String queue = installation.innerQ(BusinessCase1.KEY);
                channel.basicPublish(installation.name(), queue, MessageProperties.PERSISTENT_TEXT_PLAIN,
                        Messages.write(new StageDue(processId, 1, "reserveStock")).getBytes(StandardCharsets.UTF_8));
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> staleStepDrops(p) >= before + 1);
        }
    }
}
