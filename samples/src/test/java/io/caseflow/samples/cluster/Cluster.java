package io.caseflow.samples.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.caseflow.cli.CaseflowCli;
import io.caseflow.definition.CaseKey;
import io.caseflow.definition.DefinitionJson;
import io.caseflow.json.Json;
import io.caseflow.installation.Installation;
import io.caseflow.samples.BusinessCase1;
import io.caseflow.samples.Orders;
import io.caseflow.samples.jvm.WorkerProcess;
import io.caseflow.testing.ExternalServices;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real caseflow deployment for tests: a server JVM and worker JVMs started with the {@code caseflow}
 * CLI against the machine's PostgreSQL (a fresh schema) and RabbitMQ.
 */
final class Cluster implements AutoCloseable {
    static final String TOKEN = "cluster-test-token-0123456789";
    private static final Pattern PORT = Pattern.compile(".*HTTP API on port (\\d+).*");
    private static final Pattern STOPPED = Pattern.compile(".*duplicatesDropped=(\\d+).*");

    final String schema = "cf_cluster_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    /** This run's installation name: its own queues and exchanges on the shared broker. */
    final String installation = "cf-test-" + schema.substring("cf_cluster_".length());
    final String jdbcUrl;
    private final Path dir;
    private final Map<String, String> environment = new HashMap<>();
    private final List<WorkerProcess> processes = new ArrayList<>();
    private final HttpClient http = HttpClient.newHttpClient();
    WorkerProcess server;
    int port;

    Cluster(Path dir, int heartbeatSeconds) throws Exception {
        ExternalServices.requireRabbitMq();
        this.dir = dir;
        String base = ExternalServices.freshPostgresSchema().replaceAll("currentSchema=[^&]*", "currentSchema=" + schema);
        ExternalServices.dropOnExit(schema); // created by the server's migrations, with the workers' service schemas
        this.jdbcUrl = base;
        environment.put("CASEFLOW_JDBC_URL", base);
        environment.put("CASEFLOW_BROKER_URI", ExternalServices.RABBITMQ_URI);
        environment.put("CASEFLOW_INSTALLATION", installation);
        environment.put("CASEFLOW_API_TOKEN", TOKEN);
        environment.put("CASEFLOW_SERVICES_JDBC_URL", base.replace("currentSchema=" + schema, "currentSchema=" + schema + "_svc_{service}"));
        environment.put("CASEFLOW_BROKER_HEARTBEAT_SECONDS", Integer.toString(heartbeatSeconds));
        environment.put("CASEFLOW_LOG_LEVEL", "INFO");
    }

    /** Sets an environment variable for the JVMs started after this call (e.g. a setting under test). */
    Cluster withEnvironment(String name, String value) {
        environment.put(name, value);
        return this;
    }

    /** What this run declared on the shared broker: the sample's queues (v1, and v2 where a test deploys one) and the exchanges. */
    private void deleteBrokerObjects() {
        Installation own = Installation.named(installation);
        CaseKey v2 = new CaseKey(BusinessCase1.KEY.name(), "v2");
        ExternalServices.deleteQueues(List.of(own.innerQ(BusinessCase1.KEY), own.serviceQ(BusinessCase1.KEY), own.innerQ(v2), own.serviceQ(v2),
                own.serviceRequests("warehouse"), own.serviceRequests("payments"), own.serviceRequests("shipping")));
        ExternalServices.deleteInstallation(own);
    }

    void startServer() throws Exception {
        startServer(0);
    }

    /** Starts a server JVM on {@code fixedPort} (0: any free port), e.g. again on the port of one that was killed. */
    void startServer(int fixedPort) throws Exception {
        server = start("server", "server", "--port", Integer.toString(fixedPort));
        String ready = server.awaitLine("caseflow server ready", Duration.ofSeconds(60))
                .orElseThrow(() -> new AssertionError("the server did not start: " + server.output()));
        Matcher matcher = PORT.matcher(ready);
        assertThat(matcher.matches()).isTrue();
        port = Integer.parseInt(matcher.group(1));
    }

    WorkerProcess startWorker(String name, String... extraArgs) throws Exception {
        return startWorker(name, List.of(), extraArgs);
    }

    /** A worker JVM started with {@code jvmOptions} too, e.g. a crash point ({@code -Dcaseflow.crash-at=...}). */
    WorkerProcess startWorker(String name, List<String> jvmOptions, String... extraArgs) throws Exception {
        List<String> args = new ArrayList<>(List.of("worker", "--services", "warehouse,payments,shipping", "--threads", "4"));
        args.addAll(List.of(extraArgs));
        WorkerProcess worker = start(name, jvmOptions, args.toArray(String[]::new));
        worker.awaitLine("caseflow worker ready", Duration.ofSeconds(60))
                .orElseThrow(() -> new AssertionError("worker " + name + " did not start: " + worker.output()));
        return worker;
    }

    WorkerProcess start(String name, String... args) throws Exception {
        return start(name, List.of(), args);
    }

    private WorkerProcess start(String name, List<String> jvmOptions, String... args) throws Exception {
        WorkerProcess process = WorkerProcess.start(CaseflowCli.class, jvmOptions, environment, dir.resolve(name + ".log"), args);
        processes.add(process);
        return process;
    }

    HttpResponse<String> post(String path, String body, String idempotencyKey) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + TOKEN).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    void deploySample() throws Exception {
        HttpResponse<String> response = post("/api/cases/businessCase1/v1/definitions", DefinitionJson.write(BusinessCase1.definition()), null);
        assertThat(response.statusCode()).as(response.body()).isIn(200, 201);
    }

    /** Starts orders {@code from..from+count-1} through the HTTP API from 8 client threads. */
    void startOrders(int from, int count) throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(8);
        List<Throwable> errors = java.util.Collections.synchronizedList(new ArrayList<>());
        for (int i = from; i < from + count; i++) {
            Map<String, Object> order = Orders.order(i, new Random(i), Orders.Mix.ALL_GOOD);
            clients.execute(() -> {
                try {
                    HttpResponse<String> response = post("/api/cases/businessCase1/v1/processes", Json.write(order),
                            "cluster-" + order.get("orderId"));
                    if (response.statusCode() != 201 && response.statusCode() != 200) {
                        errors.add(new AssertionError("start failed: " + response.statusCode() + " " + response.body()));
                    }
                } catch (Exception e) {
                    errors.add(e);
                }
            });
        }
        clients.shutdown();
        assertThat(clients.awaitTermination(3, TimeUnit.MINUTES)).isTrue();
        assertThat(errors).isEmpty();
    }

    long count(String sql) throws SQLException {
        return count(jdbcUrl, sql);
    }

    static long count(String url, String sql) throws SQLException {
        try (java.sql.Connection db = DriverManager.getConnection(url); Statement statement = db.createStatement();
             ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    String serviceUrl(String service) {
        return environment.get("CASEFLOW_SERVICES_JDBC_URL").replace("{service}", service);
    }

    void awaitCompleted(long expected, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        long completed = 0;
        while (System.nanoTime() < deadline) {
            completed = count("SELECT COUNT(*) FROM process WHERE status = 'COMPLETED'");
            if (completed >= expected) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("only " + completed + " of " + expected + " processes completed within " + timeout
                + "; by status: " + statusCounts());
    }

    String statusCounts() throws SQLException {
        try (java.sql.Connection db = DriverManager.getConnection(jdbcUrl); Statement statement = db.createStatement();
             ResultSet rs = statement.executeQuery("SELECT status, current_stage, COUNT(*) FROM process GROUP BY status, current_stage")) {
            StringBuilder text = new StringBuilder();
            while (rs.next()) {
                text.append(rs.getString(1)).append('@').append(rs.getString(2)).append('=').append(rs.getLong(3)).append(' ');
            }
            return text.toString();
        }
    }

    /** Stops a worker cleanly (SIGTERM) and returns the duplicates it dropped, from its summary line. */
    static long stopAndCountDuplicates(WorkerProcess worker) throws Exception {
        worker.signal("TERM");
        String line = worker.awaitLine("caseflow worker stopped", Duration.ofSeconds(60))
                .orElseThrow(() -> new AssertionError("the worker printed no summary: " + worker.output()));
        Matcher matcher = STOPPED.matcher(line);
        assertThat(matcher.matches()).as(line).isTrue();
        System.out.println(line);
        return Long.parseLong(matcher.group(1));
    }

    String log(String name) {
        try {
            return java.nio.file.Files.readString(dir.resolve(name + ".log"));
        } catch (java.io.IOException e) {
            return "";
        }
    }

    @Override
    public void close() {
        processes.forEach(WorkerProcess::destroy);
        deleteBrokerObjects();
    }
}
