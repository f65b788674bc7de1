package io.caseflow.samples.container;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import io.caseflow.testing.ExternalServices;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The container image of deploy/container, built and run here: {@code build-image.sh} builds it from
 * this module's {@code target/caseflow.jar} (a cached base makes that seconds; from nothing about 1.5
 * minutes), a server container takes process starts over HTTP, a worker container completes them,
 * both health checks report healthy, and {@code podman stop} (SIGTERM) stops the worker cleanly while
 * processes are in flight; a second worker container finishes every one of them.
 *
 * <p>Runs in the {@code integration-test} phase (after {@code package} made the jar), so {@code mvn verify}
 * runs it. Skipped, with a notice, when podman is not installed, unless {@code CASEFLOW_CI} is set:
 * CI installs podman and must run it. The containers use host networking against the machine's
 * RabbitMQ and PostgreSQL, a fresh schema, a case name and an installation name of their own, so the
 * test runs beside another caseflow.
 */
class ContainerImageIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TOKEN = "container-it-token-0123456789";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
    private static final int STOP_SECONDS = 30;

    private final String id = UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    private final String image = "localhost/caseflow:it-" + id;
    private final String caseName = "cfimg" + id;
    private final String installation = "cf-img-" + id;
    private final List<String> containers = new ArrayList<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Path repo = Path.of("").toAbsolutePath().getParent();
    private final Path logs = Path.of("target", "container-it").toAbsolutePath();
    private boolean imageBuilt;
    private int serverPort;

    @Test
    @Timeout(value = 20, unit = TimeUnit.MINUTES)
    void theImageRunsAServerAndAWorkerThatStopsCleanlyOnSigterm() throws Exception {
        requirePodman();
        ExternalServices.requireRabbitMq();
        String jdbcUrl = ExternalServices.freshPostgresSchema();
        Files.createDirectories(logs);
        Path jar = Path.of("target", "caseflow.jar").toAbsolutePath();
        assertThat(jar).as("the shaded jar (built in the package phase)").exists();

        long buildStart = System.nanoTime();
        Result build = run(Duration.ofMinutes(15), repo.resolve("deploy/container/build-image.sh").toString(),
                "--jar", jar.toString(), "--tag", image);
        Files.writeString(logs.resolve("build-" + id + ".log"), build.output());
        assertThat(build.exit()).as("deploy/container/build-image.sh failed:\n" + tail(build.output())).isZero();
        imageBuilt = true;
        System.out.printf("container image %s built in %.1f s%n", image, seconds(buildStart));

        Map<String, String> common = new LinkedHashMap<>();
        common.put("CASEFLOW_JDBC_URL", jdbcUrl);
        common.put("CASEFLOW_BROKER_URI", ExternalServices.RABBITMQ_URI);
        common.put("CASEFLOW_INSTALLATION", installation);
        common.put("CASEFLOW_LOG_LEVEL", "INFO");

        serverPort = freePort();
        Map<String, String> server = new LinkedHashMap<>(common);
        server.put("CASEFLOW_API_TOKEN", TOKEN);
        server.put("CASEFLOW_HTTP_PORT", Integer.toString(serverPort));
        String serverName = startContainer("server", server, "server");
        awaitLog(serverName, "caseflow server ready", START_TIMEOUT);

        deployCase();

        Map<String, String> worker = new LinkedHashMap<>(common);
        worker.put("CASEFLOW_WORKER_CASES", caseName + "/v1");
        worker.put("CASEFLOW_WORKER_THREADS", "2");
        worker.put("CASEFLOW_WORKER_HEALTH_PORT", Integer.toString(freePort()));
        String worker1 = startContainer("worker1", worker, "worker");
        awaitLog(worker1, "caseflow worker ready", START_TIMEOUT);

        assertHealthy(serverName);
        assertHealthy(worker1);

        // The containerized worker completes processes started over HTTP.
        List<String> first = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            first.add(startProcess("first-" + i));
        }
        awaitCompleted(20, Duration.ofSeconds(60));

        // podman stop (SIGTERM) while processes are in flight: the worker stops within its timeout,
        // says so, and hands back what it had not finished.
        int batch = 400;
        ExecutorService clients = Executors.newFixedThreadPool(4);
        List<Future<String>> starts = new ArrayList<>();
        for (int i = 0; i < batch; i++) {
            String key = "second-" + i;
            starts.add(clients.submit(() -> startProcess(key)));
        }
        awaitCompleted(20 + batch / 10, Duration.ofSeconds(60));
        long stopStart = System.nanoTime();
        Result stop = podman(Duration.ofSeconds(STOP_SECONDS + 30), "stop", "-t", Integer.toString(STOP_SECONDS), worker1);
        double stopSeconds = seconds(stopStart);
        assertThat(stop.exit()).as("podman stop " + worker1 + ": " + stop.output()).isZero();
        int completedAtStop = completed();
        for (Future<String> start : starts) {
            start.get(60, TimeUnit.SECONDS);
        }
        clients.shutdown();
        String exitCode = podman(Duration.ofSeconds(30), "inspect", "--format", "{{.State.ExitCode}}", worker1).output().trim();
        String workerLog = logsOf(worker1);
        Files.writeString(logs.resolve(worker1 + ".log"), workerLog);
        System.out.printf("worker container stopped by SIGTERM in %.1f s, exit code %s, %d of %d processes completed then%n",
                stopSeconds, exitCode, completedAtStop, 20 + batch);
        // 143 = 128 + SIGTERM: the JVM ran its shutdown hooks on SIGTERM. 137 would mean podman had to SIGKILL it.
        assertThat(exitCode).as("the worker's exit code after SIGTERM").isIn("0", "143");
        assertThat(stopSeconds).as("the worker stopped before podman's SIGKILL timeout").isLessThan(STOP_SECONDS);
        assertThat(workerLog).contains("caseflow worker stopped: transitions=");
        assertThat(completedAtStop).as("processes were still in flight when the worker stopped").isLessThan(20 + batch);

        // Nothing was lost: another worker finishes every process, each once.
        worker.put("CASEFLOW_WORKER_HEALTH_PORT", Integer.toString(freePort()));
        String worker2 = startContainer("worker2", worker, "worker");
        awaitLog(worker2, "caseflow worker ready", START_TIMEOUT);
        awaitCompleted(20 + batch, Duration.ofSeconds(120));
        JsonNode page = get("/api/processes?case=" + caseName + "&limit=1&status=RUNNING,WAITING,FAILED");
        assertThat(page.path("total").asInt()).as("processes not completed").isZero();
        for (String processId : first) {
            JsonNode process = get("/api/processes/" + processId);
            assertThat(process.path("status").asText()).isEqualTo("COMPLETED");
            assertThat(process.path("step").asInt()).as("stages run for " + processId).isEqualTo(3);
        }
        podman(Duration.ofSeconds(STOP_SECONDS + 30), "stop", "-t", Integer.toString(STOP_SECONDS), worker2);
        assertThat(logsOf(worker2)).contains("caseflow worker stopped:");
        Files.writeString(logs.resolve(serverName + ".log"), logsOf(serverName));
    }

    @AfterEach
    void removeContainers() throws Exception {
        for (String name : containers) {
            podman(Duration.ofSeconds(60), "rm", "-f", "-t", "5", name);
        }
        if (imageBuilt) {
            podman(Duration.ofSeconds(60), "rmi", image);
        }
        deleteQueuesOfThisRun();
    }

    private void requirePodman() {
        boolean present = System.getenv("PATH") != null && java.util.Arrays.stream(System.getenv("PATH").split(":"))
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, "podman")));
        if (present) {
            return;
        }
        if (ExternalServices.inCi()) {
            throw new AssertionError("podman is not installed; CI requires it (CASEFLOW_CI is set): apt-get install -y podman runc debootstrap");
        }
        System.out.println("NOTICE: skipping the container image test: podman is not installed (apt-get install -y podman runc debootstrap)");
        Assumptions.abort("podman is not installed");
    }

    private String startContainer(String role, Map<String, String> environment, String... command) throws Exception {
        String name = "cf-img-" + id + "-" + role;
        List<String> args = new ArrayList<>(List.of("run", "-d", "--name", name, "--network", "host", "--stop-timeout",
                Integer.toString(STOP_SECONDS)));
        environment.forEach((key, value) -> args.addAll(List.of("--env", key + "=" + value)));
        args.add(image);
        args.addAll(List.of(command));
        containers.add(name);
        Result started = podman(Duration.ofSeconds(60), args.toArray(String[]::new));
        assertThat(started.exit()).as("podman run " + name + ": " + started.output()).isZero();
        return name;
    }

    private void awaitLog(String container, String line, Duration timeout) throws Exception {
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            String output = logsOf(container);
            if (output.contains(line)) {
                System.out.printf("%s: '%s' %.1f s after podman run returned%n", container, line, seconds(start));
                return;
            }
            String running = podman(Duration.ofSeconds(30), "inspect", "--format", "{{.State.Running}}", container).output().trim();
            if (running.equals("false")) {
                throw new AssertionError(container + " exited before '" + line + "':\n" + tail(output));
            }
            Thread.sleep(250);
        }
        throw new AssertionError(container + " did not print '" + line + "' within " + timeout + ":\n" + tail(logsOf(container)));
    }

    private void assertHealthy(String container) throws Exception {
        Result check = podman(Duration.ofSeconds(30), "healthcheck", "run", container);
        String health = podman(Duration.ofSeconds(30), "inspect", "--format", "{{json .State.Health}}", container).output();
        assertThat(check.exit()).as("podman healthcheck run " + container + ": " + check.output() + " " + health).isZero();
        JsonNode state = JSON.readTree(health.substring(health.indexOf('{')));
        assertThat(state.path("Status").asText()).as(health).isEqualTo("healthy");
        System.out.println(container + " health: " + state.path("Log").path(state.path("Log").size() - 1).path("Output").asText());
    }

    private void deployCase() throws Exception {
        ObjectNode definition = JSON.createObjectNode().put("name", caseName).put("api", "v1").put("startStage", "validateOrder");
        ArrayNode stages = definition.putArray("stages");
        stages.addObject().put("name", "validateOrder").put("kind", "task").put("handler", "orders.validateOrder").put("timeout", "PT10S");
        stages.addObject().put("name", "notifyCustomer").put("kind", "task").put("handler", "orders.notifyCustomer").put("timeout", "PT10S");
        stages.addObject().put("name", "completed").put("kind", "end").put("handler", "orders.summarize").put("timeout", "PT10S");
        ArrayNode transitions = definition.putArray("transitions");
        transitions.addObject().put("from", "validateOrder").put("to", "notifyCustomer");
        transitions.addObject().put("from", "notifyCustomer").put("to", "completed");
        HttpResponse<String> response = post("/api/cases/" + caseName + "/v1/definitions", JSON.writeValueAsString(definition), null);
        assertThat(response.statusCode()).as(response.body()).isIn(200, 201);
    }

    private String startProcess(String key) throws Exception {
        ObjectNode order = JSON.createObjectNode().put("orderId", key);
        order.putArray("items").addObject().put("sku", "SKU-1").put("qty", 2).put("price", 4.5);
        HttpResponse<String> response = post("/api/cases/" + caseName + "/v1/processes", JSON.writeValueAsString(order), key);
        if (response.statusCode() != 200 && response.statusCode() != 201) {
            throw new AssertionError("starting process " + key + " failed: " + response.statusCode() + " " + response.body());
        }
        return JSON.readTree(response.body()).path("id").asText();
    }

    private int completed() throws Exception {
        return get("/api/processes?case=" + caseName + "&status=COMPLETED&limit=1").path("total").asInt();
    }

    private void awaitCompleted(int count, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        int completed = completed();
        while (completed < count && System.nanoTime() < deadline) {
            Thread.sleep(200);
            completed = completed();
        }
        assertThat(completed).as("processes completed within " + timeout).isGreaterThanOrEqualTo(count);
    }

    private HttpResponse<String> post(String path, String body, String idempotencyKey) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + serverPort + path))
                .timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + TOKEN).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode get(String path) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + serverPort + path))
                .timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + TOKEN).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("GET " + path + ": " + response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private String logsOf(String container) throws Exception {
        return podman(Duration.ofSeconds(30), "logs", container).output();
    }

    /** Queues and exchanges of this run's installation and case on the shared broker. */
    private void deleteQueuesOfThisRun() {
        try {
            Result listed = run(Duration.ofSeconds(30), "rabbitmqctl", "-q", "list_queues", "name");
            List<String> mine = listed.output().lines().map(String::trim)
                    .filter(q -> q.contains(caseName) || q.startsWith(installation)).toList();
            List<String> exchanges = run(Duration.ofSeconds(30), "rabbitmqctl", "-q", "list_exchanges", "name").output().lines()
                    .map(String::trim).filter(e -> e.equals(installation) || e.startsWith(installation + ".")).toList();
            ConnectionFactory factory = new ConnectionFactory();
            factory.setUri(ExternalServices.RABBITMQ_URI);
            try (Connection connection = factory.newConnection("caseflow-container-it-cleanup")) {
                for (String queue : mine) {
                    try (Channel channel = connection.createChannel()) {
                        channel.queueDelete(queue);
                    }
                }
                for (String exchange : exchanges) {
                    try (Channel channel = connection.createChannel()) {
                        channel.exchangeDelete(exchange);
                    }
                }
            }
        } catch (Exception e) {
            System.out.println("NOTICE: could not delete the queues of " + caseName + ": " + e.getMessage());
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static double seconds(long sinceNanos) {
        return (System.nanoTime() - sinceNanos) / 1e9;
    }

    private static String tail(String text) {
        List<String> lines = text.lines().toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }

    private Result podman(Duration timeout, String... args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add("podman");
        command.addAll(List.of(args));
        return run(timeout, command.toArray(String[]::new));
    }

    /** Runs a command with a bounded wait; podman gets this repository's containers.conf unless CONTAINERS_CONF is set. */
    private Result run(Duration timeout, String... command) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        if (System.getenv("CONTAINERS_CONF") == null) {
            builder.environment().put("CONTAINERS_CONF", repo.resolve("deploy/container/containers.conf").toString());
        }
        Process process = builder.start();
        AtomicReference<String> output = new AtomicReference<>("");
        Thread reader = new Thread(() -> {
            try (InputStream in = process.getInputStream()) {
                output.set(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                output.set("(output unreadable: " + e.getMessage() + ")");
            }
        });
        reader.start();
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            reader.join(5000);
            throw new AssertionError(String.join(" ", command) + " did not finish within " + timeout + ":\n" + tail(output.get()));
        }
        reader.join(10000);
        return new Result(process.exitValue(), output.get());
    }

    private record Result(int exit, String output) {
    }
}
