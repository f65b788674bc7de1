package io.caseflow.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.MessageProperties;
import io.caseflow.CaseflowRuntime;
import io.caseflow.definition.CaseDefinition;
import io.caseflow.definition.CaseKey;
import io.caseflow.definition.StageDefinition;
import io.caseflow.handler.HandlerRegistry;
import io.caseflow.installation.Installation;
import io.caseflow.message.DeadLetter;
import io.caseflow.process.ProcessQuery;
import io.caseflow.process.ProcessSnapshot;
import io.caseflow.process.ProcessStatus;
import io.caseflow.testing.ExternalServices;
import io.caseflow.transport.rabbitmq.RabbitSettings;
import io.caseflow.transport.rabbitmq.RabbitTransport;
import java.nio.charset.StandardCharsets;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Two installations on one RabbitMQ and one PostgreSQL database, both running a case of the same name
 * and api, each with a server that archives dead letters: every process and every dead letter stays
 * with the installation it belongs to.
 */
class InstallationsSideBySideTest {
    private static final CaseKey KEY = new CaseKey("orders", "v1");
    private final Installation blue = ExternalServices.freshInstallation();
    private final Installation green = ExternalServices.freshInstallation();
    private final List<CaseflowRuntime> runtimes = new ArrayList<>();

    @AfterEach
    void cleanUp() throws Exception {
        runtimes.forEach(CaseflowRuntime::close);
        try (java.sql.Connection db = DriverManager.getConnection(ExternalServices.postgresDatabase());
             Statement statement = db.createStatement()) {
            for (Installation installation : List.of(blue, green)) {
                ExternalServices.deleteQueues(List.of(installation.innerQ(KEY), installation.serviceQ(KEY)));
                ExternalServices.deleteInstallation(installation);
                statement.execute("DROP SCHEMA IF EXISTS " + installation.schema().orElseThrow() + " CASCADE");
            }
        }
    }

    @Test
    void processes_and_dead_letters_stay_with_their_own_installation() throws Exception {
        ExternalServices.requireRabbitMq();
        String database = ExternalServices.postgresDatabase(); // one database, no schema chosen: each installation makes its own
        CaseflowRuntime blueRuntime = start(blue, database);
        CaseflowRuntime greenRuntime = start(green, database);

        List<String> blueIds = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            blueIds.add(blueRuntime.startProcess(KEY, Map.of("n", i)).id());
        }
        String greenId = greenRuntime.startProcess(KEY, Map.of("n", 1)).id();
        await().atMost(Duration.ofSeconds(30)).until(() -> completed(blueRuntime) == 20 && completed(greenRuntime) == 1);
        assertThat(blueRuntime.list(ProcessQuery.all(100)).processes()).extracting(ProcessSnapshot::id)
                .containsExactlyInAnyOrderElementsOf(blueIds);
        assertThat(greenRuntime.list(ProcessQuery.all(100)).processes()).extracting(ProcessSnapshot::id).containsExactly(greenId);

        publishRaw(blue, blue.innerQ(KEY), "{not json, for blue");
        publishRaw(green, green.innerQ(KEY), "{not json, for green");
        await().atMost(Duration.ofSeconds(30)).until(() -> blueRuntime.deadLetters(10).size() == 1 && greenRuntime.deadLetters(10).size() == 1);
        DeadLetter blueDead = blueRuntime.deadLetters(10).get(0);
        DeadLetter greenDead = greenRuntime.deadLetters(10).get(0);
        assertThat(blueDead.sourceQueue()).isEqualTo(blue.innerQ(KEY));
        assertThat(blueDead.body()).contains("for blue");
        assertThat(greenDead.sourceQueue()).isEqualTo(green.innerQ(KEY));
        assertThat(greenDead.body()).contains("for green");
        // Settled: nothing more arrives on either side later (e.g. a copy archived by the other server).
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
                .until(() -> blueRuntime.deadLetters(10).size() == 1 && greenRuntime.deadLetters(10).size() == 1);
    }

    private CaseflowRuntime start(Installation installation, String database) {
        RabbitSettings settings = RabbitSettings.defaults(ExternalServices.RABBITMQ_URI).withConnectionName("caseflow-test-" + installation);
        CaseflowRuntime runtime = CaseflowRuntime.builder().installation(installation).jdbcUrl(database)
                .handlers(new HandlerRegistry().register("work", ctx -> ctx.next()))
                .transport((own, outbox, clock, meters) -> new RabbitTransport(settings, own, outbox, clock, meters).archivingDeadLetters())
                .build().start();
        runtimes.add(runtime);
        runtime.deploy(CaseDefinition.builder(KEY.name(), KEY.api()).stage(StageDefinition.task("work", "work"))
                .stage(StageDefinition.end("done")).transition("work", "done").build());
        return runtime;
    }

    private static long completed(CaseflowRuntime runtime) {
        return runtime.countsByStatus().getOrDefault(ProcessStatus.COMPLETED, 0L);
    }

    private static void publishRaw(Installation installation, String queue, String body) throws Exception {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setUri(ExternalServices.RABBITMQ_URI);
        try (Connection connection = factory.newConnection("caseflow-test-raw"); Channel channel = connection.createChannel()) {
            channel.confirmSelect();
            channel.basicPublish(installation.name(), queue, true, MessageProperties.PERSISTENT_TEXT_PLAIN, body.getBytes(StandardCharsets.UTF_8));
            channel.waitForConfirmsOrDie(5000);
        }
    }
}
