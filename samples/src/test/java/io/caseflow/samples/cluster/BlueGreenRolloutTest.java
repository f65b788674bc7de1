package io.caseflow.samples.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.caseflow.definition.DefinitionJson;
import io.caseflow.json.Json;
import io.caseflow.samples.BusinessCase1;
import io.caseflow.samples.jvm.WorkerProcess;
import io.caseflow.testing.ExternalServices;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The blue-green rollout of docs/gateway.md as a team runs it: the shipped nginx gateway in front of a
 * blue and a green deployment (a server JVM and a worker JVM each, on the machine's PostgreSQL and
 * RabbitMQ), deploy/rollout/rollout.sh moving the traffic, and clients starting orders on both apis of
 * businessCase1 all the while. v1 is the sample case; v2 is the same case without notifyCustomer.
 */
class BlueGreenRolloutTest {
    private static final String CASE = "businessCase1";
    private static final List<String> V1_PATH = List.of("validateOrder", "reserveStock", "chargePayment", "createShipment",
            "notifyCustomer", "completed");
    private static final List<String> V2_PATH = List.of("validateOrder", "reserveStock", "chargePayment", "createShipment", "completed");
    private static final Duration SCRIPT_TIMEOUT = Duration.ofMinutes(5);
    private static final Duration CLIENT_PAUSE = Duration.ofMillis(100);

    @TempDir
    Path dir;
    private Path nginx;
    private Cluster cluster;
    private Nginx gateway;
    private GatewayClient client;
    private final HttpClient http = HttpClient.newHttpClient();

    /** One colour: a server and a worker JVM, on ports chosen before they start so the script can be told them. */
    private record Colour(String name, WorkerProcess server, int serverPort, WorkerProcess worker, int healthPort) {
        String address() {
            return "127.0.0.1:" + serverPort;
        }

        String workerAddress() {
            return "127.0.0.1:" + healthPort;
        }

        String pids() {
            return server.pid() + "," + worker.pid();
        }
    }

    private record ScriptRun(String output, Duration took) {
    }

    @BeforeEach
    void requireNginx() {
        Optional<Path> found = Nginx.executable();
        if (found.isEmpty()) {
            if (ExternalServices.inCi()) {
                fail("nginx is not installed and CASEFLOW_CI is set: CI must run the blue-green test (.ci/run installs nginx-light)");
            }
            System.out.println("NOTICE: skipping a test: nginx is not installed (apt-get install nginx-light)");
            Assumptions.abort("nginx is not installed");
        }
        nginx = found.get();
    }

    @AfterEach
    void stopEverything() throws Exception {
        try {
            if (client != null) {
                client.close();
            }
        } finally {
            if (gateway != null) {
                gateway.close();
            }
            if (cluster != null) {
                cluster.close();
            }
        }
    }

    @Test
    void the_shipped_gateway_passes_nginx_check_plain_and_with_tls() throws Exception {
        gateway = Nginx.prepare(nginx, dir.resolve("gateway"), Nginx.freePort());
        Nginx.Checked plain = gateway.check("nginx.conf");
        assertThat(plain.exit()).as(plain.output()).isZero();
        assertThat(plain.output()).contains("test is successful");

        Nginx.Checked withoutCertificate = gateway.check("nginx-tls.conf");
        assertThat(withoutCertificate.exit()).as("TLS needs its certificate, as docs/gateway.md says").isNotZero();

        Files.createDirectories(gateway.prefix.resolve("tls"));
        Process openssl = new ProcessBuilder("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
                "-subj", "/CN=localhost", "-keyout", "tls/gateway.key", "-out", "tls/gateway.crt")
                .directory(gateway.prefix.toFile()).redirectErrorStream(true).start();
        String opensslOutput = new String(openssl.getInputStream().readAllBytes());
        assertThat(openssl.waitFor(60, TimeUnit.SECONDS)).as("openssl finished").isTrue();
        assertThat(openssl.exitValue()).as(opensslOutput).isZero();
        Nginx.Checked tls = gateway.check("nginx-tls.conf");
        assertThat(tls.exit()).as(tls.output()).isZero();
        System.out.println("nginx -t, plain: " + plain.output() + "\nnginx -t, TLS with a self-signed certificate: " + tls.output());
    }

    @Test
    void rollout_moves_v2_then_everything_to_green_and_stops_blue_without_one_failed_request() throws Exception {
        cluster = new Cluster(dir, 5);
        Colour blue = startColour("blue", CASE + "/v1", true);
        gateway = startGateway("blue", blue);
        deploy(blue, "v1", DefinitionJson.write(BusinessCase1.definition()));
        deploy(blue, "v2", v2Definition()); // same store: the definition is there before green's workers come
        Colour green = startColour("green", CASE + "/v1," + CASE + "/v2", false); // ready is the script's to find out

        client = new GatewayClient(gateway.port, CASE, "rollout-" + cluster.installation, List.of("v1", "v2"), 4, CLIENT_PAUSE).start();
        client.awaitAnswered(40, Duration.ofMinutes(1));
        Script rollout = new Script(Map.of(), "rollout", "--api", CASE + "/v2", "--blue", blue.address(), "--green", green.address(),
                "--green-worker", green.workerAddress(), "--blue-pid", blue.pids());
        rollout.awaitOutput("step 2/5", Duration.ofMinutes(3)); // green is ready: the switch begins
        int answeredAtSwitch = client.answered();
        long switchStarted = System.nanoTime();
        rollout.finish();
        int duringSwitch = client.answered() - answeredAtSwitch;
        Duration switchTook = Duration.ofNanos(System.nanoTime() - switchStarted);
        client.awaitAnswered(client.answered() + 40, Duration.ofMinutes(1)); // green alone serves both apis now
        client.close();

        assertThat(client.failed).as("requests without an answer").isEmpty();
        assertThat(client.refused).as("requests refused").isEmpty();
        assertThat(blue.server().isAlive()).as("blue server stopped").isFalse();
        assertThat(blue.worker().isAlive()).as("blue worker stopped").isFalse();
        assertThat(blue.worker().output()).as("blue worker stopped cleanly (its summary line)")
                .anyMatch(line -> line.startsWith("caseflow worker stopped"));
        assertThat(cluster.count("SELECT COUNT(*) FROM worker WHERE pid IN (" + blue.server().pid() + ", " + blue.worker().pid()
                + ") AND stopped_at IS NOT NULL")).as("blue's registry records say it stopped").isEqualTo(2);
        assertThat(gateway.routing()).containsPattern("caseflow_routing \\{ default \"\\d+ live=green\"");
        String access = Files.readString(gateway.prefix.resolve("logs/access.log"));
        assertThat(access).as("v2 starts answered by green").containsPattern("/v2/processes HTTP/1.1\" 201 \\d+ upstream=" + green.address());
        assertThat(access).as("v1 starts answered by blue, then green")
                .containsPattern("/v1/processes HTTP/1.1\" 201 \\d+ upstream=" + blue.address())
                .containsPattern("/v1/processes HTTP/1.1\" 201 \\d+ upstream=" + green.address());

        assertEachCompletedOnceOnItsVersion();
        System.out.printf("rollout: %d requests during the switch and drain (%.1f s from green ready to blue stopped), %d in all, "
                        + "0 failed (%d sent again after a reload closed their connection); %d v1 and %d v2 processes completed once each%n",
                duringSwitch, switchTook.toMillis() / 1000.0, client.answered(), client.resent.get(), client.startedOn("v1").size(),
                client.startedOn("v2").size());
    }

    @Test
    void rollback_moves_everything_to_blue_refuses_new_v2_starts_and_lets_green_finish_its_v2_processes_first() throws Exception {
        cluster = new Cluster(dir, 5);
        Colour green = startColour("green", CASE + "/v1," + CASE + "/v2", true);
        gateway = startGateway("green", green);
        deploy(green, "v1", DefinitionJson.write(BusinessCase1.definition()));
        deploy(green, "v2", v2Definition());
        client = new GatewayClient(gateway.port, CASE, "rollback-" + cluster.installation, List.of("v1", "v2"), 4, CLIENT_PAUSE).start();
        client.awaitAnswered(40, Duration.ofMinutes(1));
        Colour blue = startColour("blue", CASE + "/v1", true); // the previous release, started again

        // Green's worker is frozen so that v2 processes are surely in flight when the script reaches its wait for them.
        green.worker().signal("STOP");
        awaitInFlight("v2", 5);
        Script rollback = new Script(Map.of("CASEFLOW_API_TOKEN", Cluster.TOKEN), "rollback", "--api", CASE + "/v2",
                "--blue", blue.address(), "--green", green.address(), "--blue-worker", blue.workerAddress(), "--green-pid", green.pids());
        rollback.awaitOutput("step 2/5", Duration.ofMinutes(1));
        int answeredAtSwitch = client.answered();
        long switchStarted = System.nanoTime();
        rollback.awaitOutput("step 4/5", Duration.ofMinutes(1));
        long inFlightAtWait = inFlight("v2");
        green.worker().signal("CONT");
        ScriptRun done = rollback.finish();
        long rolledBack = System.nanoTime();
        int duringSwitch = client.answered() - answeredAtSwitch;
        Duration switchTook = Duration.ofNanos(rolledBack - switchStarted);
        assertThat(inFlightAtWait).as("v2 processes in flight when the script began to wait for them").isPositive();
        assertThat(done.output()).contains("0 " + CASE + "/v2 process(es) running or waiting");
        // Blue's workers serve v1 only: a v2 process not finished by now would never finish.
        assertThat(inFlight("v2")).as("v2 processes still running after green stopped; by status: " + cluster.statusCounts()).isZero();
        client.awaitAnswered(client.answered() + 40, Duration.ofMinutes(1));
        client.close();

        assertThat(client.failed).as("requests without an answer").isEmpty();
        assertThat(client.refused).as("only new v2 starts are refused, by the gateway, in the API's error format").allSatisfy(r -> {
            assertThat(r.api()).isEqualTo("v2");
            assertThat(r.status()).isEqualTo(410);
            assertThat(Json.MAPPER.readTree(r.body()).at("/error/code").asText()).as(r.body()).isEqualTo("api_withdrawn");
            assertThat(Json.MAPPER.readTree(r.body()).at("/error/details/api").asText()).isEqualTo(CASE + "/v2");
        });
        assertThat(client.refused).as("v2 starts refused once rolled back").isNotEmpty();
        assertThat(client.startedOn("v2")).as("v2 starts accepted after the rollback").noneMatch(s -> s.atNanos() > rolledBack);
        assertThat(client.startedOn("v1")).as("v1 starts accepted after the rollback").anyMatch(s -> s.atNanos() > rolledBack);
        assertThat(green.server().isAlive()).as("green server stopped").isFalse();
        assertThat(green.worker().isAlive()).as("green worker stopped").isFalse();
        assertThat(blue.server().isAlive() && blue.worker().isAlive()).as("blue serves").isTrue();
        assertThat(gateway.routing()).containsPattern("caseflow_routing \\{ default \"\\d+ live=blue " + CASE + "/v2=withdrawn\"");

        assertEachCompletedOnceOnItsVersion();
        System.out.printf("rollback: %d requests during the switch and drain (%.1f s), %d in all, 0 failed (%d sent again), %d new v2 "
                        + "starts refused (410 api_withdrawn); %d v2 processes in flight when the script waited for them; %d v1 and %d v2 "
                        + "processes completed once each%n", duringSwitch, switchTook.toMillis() / 1000.0, client.answered(), client.resent.get(),
                client.refused.size(), inFlightAtWait, client.startedOn("v1").size(), client.startedOn("v2").size());
    }

    private long inFlight(String api) throws Exception {
        return cluster.count("SELECT COUNT(*) FROM process WHERE case_api = '" + api + "' AND status IN ('RUNNING', 'WAITING')");
    }

    private void awaitInFlight(String api, long count) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        while (inFlight(api) < count) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("awaited " + count + " " + api + " processes in flight for 1 min; by status: " + cluster.statusCounts());
            }
            TimeUnit.MILLISECONDS.sleep(50);
        }
    }

    private Colour startColour(String name, String cases, boolean awaitReady) throws Exception {
        int serverPort = Nginx.freePort();
        int healthPort = Nginx.freePort();
        WorkerProcess server = cluster.start(name + "-server", "server", "--host", "127.0.0.1", "--port", Integer.toString(serverPort));
        WorkerProcess worker = cluster.start(name + "-worker", "worker", "--cases", cases, "--services", "warehouse,payments,shipping",
                "--threads", "4", "--health-host", "127.0.0.1", "--health-port", Integer.toString(healthPort));
        if (awaitReady) {
            server.awaitLine("caseflow server ready", Duration.ofSeconds(60))
                    .orElseThrow(() -> new AssertionError(name + " server did not start: " + server.output()));
            worker.awaitLine("caseflow worker ready", Duration.ofSeconds(60))
                    .orElseThrow(() -> new AssertionError(name + " worker did not start: " + worker.output()));
        }
        return new Colour(name, server, serverPort, worker, healthPort);
    }

    /** The gateway with everything on {@code live}, written by the script's own init. */
    private Nginx startGateway(String live, Colour colour) throws Exception {
        Nginx started = Nginx.prepare(nginx, dir.resolve("gateway"), Nginx.freePort());
        gateway = started;
        new Script(Map.of(), "init", "--live", live, "--" + live, colour.address()).finish();
        started.start();
        return started;
    }

    /** rollout.sh running in the background, its output going to a file the test reads as it grows. */
    private final class Script {
        private final String name;
        private final Process process;
        private final Path log;
        private final long startedAt = System.nanoTime();

        Script(Map<String, String> environment, String... args) throws Exception {
            List<String> command = new ArrayList<>(List.of("bash", Nginx.deployFolder().resolve("rollout/rollout.sh").toString()));
            command.addAll(List.of(args));
            command.addAll(List.of("--gateway", gateway.prefix.toString(), "--timeout", "120"));
            if (!args[0].equals("init")) {
                command.addAll(List.of("--gateway-url", "http://127.0.0.1:" + gateway.port, "--nginx",
                        nginx + " -p " + gateway.prefix + "/ -c " + gateway.prefix.resolve("nginx.conf")));
            }
            name = "rollout.sh " + args[0];
            log = dir.resolve("rollout-" + args[0] + ".out");
            System.out.println("$ " + String.join(" ", command));
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().putAll(environment);
            process = builder.start();
        }

        String output() throws java.io.IOException {
            return Files.readString(log);
        }

        /** Waits until the script has printed {@code text}. */
        void awaitOutput(String text, Duration timeout) throws Exception {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (!output().contains(text)) {
                if (!process.isAlive() || System.nanoTime() > deadline) {
                    throw new AssertionError(name + " did not print '" + text + "' within " + timeout + " (alive: " + process.isAlive()
                            + "); it printed:\n" + output());
                }
                TimeUnit.MILLISECONDS.sleep(50);
            }
        }

        ScriptRun finish() throws Exception {
            if (!process.waitFor(SCRIPT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new AssertionError(name + " did not finish within " + SCRIPT_TIMEOUT + ":\n" + output());
            }
            Duration took = Duration.ofNanos(System.nanoTime() - startedAt);
            String output = output();
            System.out.println(output);
            assertThat(process.exitValue()).as(name + " exit; it printed:\n" + output).isZero();
            return new ScriptRun(output, took);
        }
    }

    private void deploy(Colour colour, String api, String definition) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                        URI.create("http://" + colour.address() + "/api/cases/" + CASE + "/" + api + "/definitions"))
                .header("Authorization", "Bearer " + Cluster.TOKEN).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(definition)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isIn(200, 201);
    }

    /** businessCase1 as api v2: it ships without notifying the customer. */
    private static String v2Definition() throws Exception {
        ObjectNode definition = (ObjectNode) Json.MAPPER.readTree(DefinitionJson.write(BusinessCase1.definition()));
        definition.put("api", "v2").put("description", "businessCase1, v2: ships without notifying the customer");
        ArrayNode stages = (ArrayNode) definition.get("stages");
        for (int i = stages.size() - 1; i >= 0; i--) {
            if (stages.get(i).get("name").asText().equals("notifyCustomer")) {
                stages.remove(i);
            }
        }
        ArrayNode transitions = (ArrayNode) definition.get("transitions");
        for (int i = transitions.size() - 1; i >= 0; i--) {
            ObjectNode transition = (ObjectNode) transitions.get(i);
            if (transition.get("from").asText().equals("notifyCustomer")) {
                transitions.remove(i);
            } else if (transition.get("to").asText().equals("notifyCustomer")) {
                transition.put("to", "completed");
            }
        }
        return Json.write(definition);
    }

    /**
     * Every process the clients started completed once, on the api and version its start answered with,
     * along that version's stages, each stage result committed once; and no other process exists.
     */
    private void assertEachCompletedOnceOnItsVersion() throws Exception {
        List<GatewayClient.Started> started;
        synchronized (client.started) {
            started = List.copyOf(client.started);
        }
        cluster.awaitCompleted(started.size(), Duration.ofMinutes(3));
        Map<String, String> stored = new HashMap<>();
        try (java.sql.Connection db = DriverManager.getConnection(cluster.jdbcUrl); Statement statement = db.createStatement();
             ResultSet rs = statement.executeQuery("SELECT id, case_api, case_version, status, current_stage FROM process")) {
            while (rs.next()) {
                stored.put(rs.getString(1), rs.getString(2) + " v" + rs.getInt(3) + " " + rs.getString(4) + " at " + rs.getString(5));
            }
        }
        Map<String, String> expected = started.stream().collect(Collectors.toMap(GatewayClient.Started::id,
                s -> s.api() + " v" + s.version() + " COMPLETED at completed"));
        assertThat(stored).as("processes in the store: each one a client started, completed on its api and version")
                .isEqualTo(expected);
        for (String api : List.of("v1", "v2")) {
            long count = client.startedOn(api).size();
            List<String> path = api.equals("v1") ? V1_PATH : V2_PATH;
            for (String stage : V1_PATH) {
                assertThat(cluster.count("SELECT COUNT(*) FROM stage_run r JOIN process p ON p.id = r.process_id WHERE p.case_api = '"
                        + api + "' AND r.status = 'COMPLETED' AND r.stage = '" + stage + "'"))
                        .as("%s results of %s", api, stage).isEqualTo(path.contains(stage) ? count : 0);
            }
        }
        assertThat(cluster.count("SELECT COUNT(*) FROM (SELECT process_id, stage FROM stage_run WHERE status = 'COMPLETED' "
                + "GROUP BY process_id, stage HAVING COUNT(*) > 1) twice")).as("stage results committed twice").isZero();
    }
}
