package io.caseflow.samples.polyglot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.caseflow.cli.CaseflowCli;
import io.caseflow.client.CaseflowClient;
import io.caseflow.definition.CaseDefinition;
import io.caseflow.definition.CaseKey;
import io.caseflow.definition.StageDefinition;
import io.caseflow.installation.Installation;
import io.caseflow.process.ProcessQuery;
import io.caseflow.process.ProcessSnapshot;
import io.caseflow.process.ProcessStatus;
import io.caseflow.samples.jvm.WorkerProcess;
import io.caseflow.testing.ExternalServices;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A service written in Python from docs/message-format.md alone (samples/services/python) takes part in a
 * case run by a real server and worker JVM on PostgreSQL and RabbitMQ: every process completes, every
 * command is applied once, also when the service is killed with SIGKILL and started again.
 */
class PolyglotServiceTest {
    private static final Pattern PORT = Pattern.compile(".*HTTP API on port (\\d+).*");
    private static final String TOKEN = "polyglot-token-" + UUID.randomUUID();
    private static final Path SERVICE = Path.of("services/python/payments_service.py").toAbsolutePath();
    private static final String PYTHON = "/usr/bin/python3";

    @TempDir
    Path dir;
    private final String run = UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    private final CaseKey key = new CaseKey("polyglot" + run, "v1");
    private final String service = "pypayments-" + run;
    private final Map<String, String> environment = new HashMap<>();
    private final List<WorkerProcess> jvms = new ArrayList<>();
    private Process python;

    @AfterEach
    void stop() {
        jvms.forEach(WorkerProcess::destroy);
        if (python != null) {
            python.destroyForcibly();
        }
        Installation installation = ExternalServices.testInstallation();
        ExternalServices.deleteQueues(List.of(installation.innerQ(key), installation.serviceQ(key), installation.serviceRequests(service)));
    }

    @Test
    void a_python_service_applies_each_command_once_through_a_kill() throws Exception {
        requirePythonWithPika();
        ExternalServices.requireRabbitMq();
        environment.put("CASEFLOW_JDBC_URL", ExternalServices.freshPostgresSchema());
        environment.put("CASEFLOW_BROKER_URI", ExternalServices.RABBITMQ_URI);
        environment.put("CASEFLOW_INSTALLATION", ExternalServices.testInstallation().name());
        environment.put("CASEFLOW_API_TOKEN", TOKEN);
        WorkerProcess server = start("server", "server", "--port", "0");
        Matcher port = PORT.matcher(server.awaitLine("caseflow server ready", Duration.ofSeconds(60))
                .orElseThrow(() -> new AssertionError("the server did not start: " + server.output())));
        assertThat(port.matches()).isTrue();
        CaseflowClient client = new CaseflowClient(URI.create("http://127.0.0.1:" + port.group(1)), TOKEN);
        client.deployDefinition(definition());
        WorkerProcess worker = start("worker", "worker", "--cases", key.toString(), "--threads", "2");
        worker.awaitLine("caseflow worker ready", Duration.ofSeconds(60))
                .orElseThrow(() -> new AssertionError("the worker did not start: " + worker.output()));

        Path db = dir.resolve("payments.sqlite");
        startPython(db);
        for (int i = 0; i < 10; i++) {
            client.post("/api/cases/" + key.name() + "/v1/processes", order(i));
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> completed(client) == 10);

        python.destroyForcibly().waitFor(10, TimeUnit.SECONDS); // SIGKILL, mid-stream for the next ones
        for (int i = 10; i < 20; i++) {
            client.post("/api/cases/" + key.name() + "/v1/processes", order(i));
        }
        startPython(db);
        await().atMost(Duration.ofSeconds(90)).until(() -> completed(client) == 20);

        List<ProcessSnapshot> done = client.processes(ProcessQuery.all(100).withCase(key.name(), key.api())).processes();
        assertThat(done).hasSize(20).allSatisfy(p -> assertThat(p.results().path("chargePayment").path("receipt").asText()).startsWith("PY-"));
        String ledger = runPython("import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); "
                + "print(c.execute('select count(*), count(distinct order_id) from ledger').fetchone())", db.toString());
        assertThat(ledger.trim()).isEqualTo("(20, 20)");
    }

    private CaseDefinition definition() {
        return CaseDefinition.builder(key.name(), key.api())
                .stage(StageDefinition.task("validateOrder", "orders.validateOrder"))
                .stage(StageDefinition.service("chargePayment", "orders.chargePayment", service, "charge"))
                .stage(StageDefinition.end("paid"))
                .stage(StageDefinition.end("declined"))
                .transition("validateOrder", "chargePayment")
                .transition("chargePayment", "paid", "ok")
                .transition("chargePayment", "declined", "declined")
                .build();
    }

    private static String order(int n) {
        return "{\"orderId\":\"PY-ORDER-" + n + "\",\"items\":[{\"sku\":\"A\",\"qty\":2,\"price\":5.5}]}";
    }

    private long completed(CaseflowClient client) {
        return client.processes(ProcessQuery.all(100).withCase(key.name(), key.api())).processes().stream()
                .filter(p -> p.status() == ProcessStatus.COMPLETED).count();
    }

    private WorkerProcess start(String name, String... args) throws Exception {
        WorkerProcess process = WorkerProcess.start(CaseflowCli.class, List.of(), environment, dir.resolve(name + ".log"), args);
        jvms.add(process);
        return process;
    }

    private void startPython(Path db) throws Exception {
        python = new ProcessBuilder(PYTHON, SERVICE.toString(), "--amqp", ExternalServices.RABBITMQ_URI, "--service", service,
                "--installation", ExternalServices.testInstallation().name(), "--db", db.toString()).redirectErrorStream(true).redirectOutput(dir.resolve("python.log").toFile()).start();
        await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(dir.resolve("python.log"))
                && Files.readString(dir.resolve("python.log")).contains("payments service ready"));
    }

    private String runPython(String code, String arg) throws Exception {
        Process p = new ProcessBuilder(PYTHON, "-c", code, arg).redirectErrorStream(true).start();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return new String(p.getInputStream().readAllBytes());
    }

    /** The service needs Debian's python3 with pika; CI installs it (.ci/run), a developer is told how. */
    static void requirePythonWithPika() throws Exception {
        boolean available = false;
        Exception why = null;
        try {
            Process probe = new ProcessBuilder(PYTHON, "-c", "import pika").redirectErrorStream(true).start();
            available = probe.waitFor(20, TimeUnit.SECONDS) && probe.exitValue() == 0;
        } catch (Exception e) {
            why = e;
        }
        ExternalServices.require(available, PYTHON + " with pika (apt-get install python3-pika)", why);
    }
}
