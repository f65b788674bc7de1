package io.caseflow.samples.polyglot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import io.caseflow.CaseflowRuntime;
import io.caseflow.definition.CaseDefinition;
import io.caseflow.definition.CaseKey;
import io.caseflow.definition.StageDefinition;
import io.caseflow.handler.HandlerRegistry;
import io.caseflow.installation.Installation;
import io.caseflow.samples.jvm.BrokerControl;
import io.caseflow.testing.ExternalServices;
import io.caseflow.transport.rabbitmq.RabbitSettings;
import io.caseflow.transport.rabbitmq.RabbitTransport;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A monitor written in Python from docs/message-format.md alone (samples/services/python/watch_events.py) watches
 * a runtime on RabbitMQ and PostgreSQL: it reads every event of every process, in order per process, from messages
 * that carry many events while the engine is busy, shrugs off messages that are not events, and comes back when
 * the broker closes its connection.
 */
class PolyglotMonitorTest {
    private static final Path WATCHER = Path.of("services/python/watch_events.py").toAbsolutePath();
    private static final String PYTHON = "/usr/bin/python3";
    private static final List<String> TASKS = List.of("a", "b", "c", "d", "e");
    /** Each task's event, the end stage's arrival, and completion. */
    private static final int EVENTS_PER_PROCESS = TASKS.size() + 2;
    private static final int PROCESSES = 60;
    private static final int AFTER_RECONNECT = 20;

    @TempDir
    Path dir;
    private final String run = UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    private final CaseKey key = new CaseKey("pywatch" + run, "v1");
    private final String connectionName = "caseflow-test-pywatch-" + run;
    private Process watcher;

    @AfterEach
    void stop() {
        if (watcher != null) {
            watcher.destroyForcibly();
        }
        Installation installation = ExternalServices.testInstallation();
        ExternalServices.deleteQueues(List.of(installation.innerQ(key), installation.serviceQ(key)));
    }

    @Test
    void a_python_monitor_sees_every_event_of_a_busy_engine_in_order_per_process_and_through_a_lost_connection() throws Exception {
        PolyglotServiceTest.requirePythonWithPika();
        ExternalServices.requireRabbitMq();
        Installation installation = ExternalServices.testInstallation();
        Path log = dir.resolve("watcher.log");
        watcher = new ProcessBuilder(PYTHON, WATCHER.toString(), "--amqp", ExternalServices.RABBITMQ_URI,
                "--installation", installation.name(), "--bind", key.name() + ".v1.*", "--name", connectionName)
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        await().atMost(Duration.ofSeconds(30)).until(() -> Files.readString(log).contains("watching "));
        publishNonsense(installation.name() + ".events", key.name() + ".v1.running");

        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        RabbitSettings settings = RabbitSettings.defaults(ExternalServices.RABBITMQ_URI).withConnectionName("caseflow-test-pywatch");
        List<String> started = new ArrayList<>();
        try (CaseflowRuntime runtime = CaseflowRuntime.builder().installation(installation)
                .jdbcUrl(ExternalServices.freshPostgresSchema()).meterRegistry(meters)
                .handlers(new HandlerRegistry().register("h", ctx -> ctx.next()))
                .transport((inst, outbox, clock, registry) -> new RabbitTransport(settings, inst, outbox, clock, registry))
                .build().start()) {
            runtime.deploy(definition());
            for (int i = 0; i < PROCESSES; i++) {
                started.add(runtime.startProcess(key, Map.of("n", i)).id());
            }
            await().atMost(Duration.ofSeconds(60)).until(() -> count(log, " COMPLETED ") == PROCESSES);

            BrokerControl.closeConnectionNamed(connectionName); // as a broker restart or a network cut would
            await().atMost(Duration.ofSeconds(60)).until(() -> count(log, "RECONNECTED") == 1);
            for (int i = 0; i < AFTER_RECONNECT; i++) {
                started.add(runtime.startProcess(key, Map.of("n", PROCESSES + i)).id());
            }
            await().atMost(Duration.ofSeconds(60)).until(() -> count(log, " COMPLETED ") == PROCESSES + AFTER_RECONNECT);

            BrokerControl.closeConnectionNamed(connectionName); // a second outage, after the watcher was bound again
            await().atMost(Duration.ofSeconds(60)).until(() -> count(log, "RECONNECTED") == 2);
        }
        // another node's event for a process can arrive after this one's later events: not newer, so dropped
        publish(installation.name() + ".events", key.name() + ".v1.running", "[{\"processId\":\"" + started.get(0)
                + "\",\"case\":\"" + key.name() + "\",\"api\":\"v1\",\"seq\":2,\"status\":\"RUNNING\",\"stage\":\"c\"}]");
        await().atMost(Duration.ofSeconds(30)).until(() -> count(log, "LATE " + started.get(0) + " 2 after " + (EVENTS_PER_PROCESS - 1)) == 1);
        // counted once a message is out, so read after the runtime (and its events thread) stopped
        assertThat(meters.counter("caseflow.events.published").count()).isEqualTo((PROCESSES + AFTER_RECONNECT) * EVENTS_PER_PROCESS);
        watcher.destroy();
        assertThat(watcher.waitFor(10, TimeUnit.SECONDS)).isTrue();

        List<String> lines = Files.readAllLines(log);
        assertThat(lines).noneMatch(line -> line.startsWith("GAP "));
        // each outage starts its back-off again: a watcher that was bound for hours does not wait 30 s at the next one
        assertThat(lines).filteredOn(line -> line.startsWith("RECONNECTING in ")).hasSize(2)
                .allMatch(line -> line.startsWith("RECONNECTING in 1 s"));
        assertThat(lines).filteredOn(line -> line.startsWith("IGNORED")).hasSize(3);
        Map<String, List<Long>> seqs = new HashMap<>();
        lines.stream().filter(line -> line.startsWith("EVENT ")).map(line -> line.split(" "))
                .forEach(parts -> seqs.computeIfAbsent(parts[1], id -> new ArrayList<>()).add(Long.parseLong(parts[2])));
        assertThat(seqs.keySet()).containsExactlyInAnyOrderElementsOf(started);
        List<Long> expected = LongStream.range(0, EVENTS_PER_PROCESS).boxed().toList();
        assertThat(seqs).allSatisfy((id, seen) -> assertThat(seen).as("process %s", id).containsExactlyElementsOf(expected));
    }

    private CaseDefinition definition() {
        CaseDefinition.Builder builder = CaseDefinition.builder(key.name(), key.api());
        TASKS.forEach(task -> builder.stage(StageDefinition.task(task, "h")));
        builder.stage(StageDefinition.end("z"));
        for (int i = 0; i < TASKS.size(); i++) {
            builder.transition(TASKS.get(i), i + 1 < TASKS.size() ? TASKS.get(i + 1) : "z");
        }
        return builder.build();
    }

    /** What no runtime sends, under a key the watcher is bound to: it must say so and go on. */
    private static void publishNonsense(String exchange, String routingKey) throws Exception {
        publish(exchange, routingKey, "not json {", "\"a string\"", "[1, {\"processId\": 7}]");
    }

    private static void publish(String exchange, String routingKey, String... bodies) throws Exception {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setUri(ExternalServices.RABBITMQ_URI);
        try (Connection connection = factory.newConnection("caseflow-test-events-by-hand"); Channel channel = connection.createChannel()) {
            for (String body : bodies) {
                channel.basicPublish(exchange, routingKey, null, body.getBytes(StandardCharsets.UTF_8));
            }
        }
    }

    private static long count(Path log, String text) throws Exception {
        return Files.readAllLines(log).stream().filter(line -> line.contains(text)).count();
    }
}
