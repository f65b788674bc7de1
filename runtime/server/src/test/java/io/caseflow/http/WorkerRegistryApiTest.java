package io.caseflow.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.zaxxer.hikari.HikariDataSource;
import io.caseflow.CaseflowRuntime;
import io.caseflow.client.ApiException;
import io.caseflow.client.CaseflowClient;
import io.caseflow.definition.CaseDefinition;
import io.caseflow.definition.CaseKey;
import io.caseflow.definition.StageDefinition;
import io.caseflow.handler.HandlerRegistry;
import io.caseflow.registry.WorkerRegistration;
import io.caseflow.service.CommandResult;
import io.caseflow.service.IdempotentInbox;
import io.caseflow.service.ServiceEndpoint;
import io.caseflow.store.JdbcWorkerStore;
import io.caseflow.testing.ExternalServices;
import io.caseflow.testing.RabbitRuntimes;
import io.caseflow.testing.ServiceDatabase;
import io.caseflow.worker.ServiceConsumers;
import io.caseflow.worker.WorkerRecord;
import io.caseflow.worker.WorkerSnapshot;
import io.caseflow.worker.WorkerStatus;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code GET /api/workers} and {@code GET /api/services} on the machine's PostgreSQL and RabbitMQ: a
 * server runtime and a worker runtime share a fresh schema; names are unique per run, so runs on the
 * shared broker never see each other's queues.
 */
class WorkerRegistryApiTest {
    private static final String ADMIN = "admin-token-0123456789";
    private static final String READER = "reader-token-0123456789";
    private static final Duration HEARTBEAT = Duration.ofMillis(500);

    @TempDir
    Path dir;
    private final String run = UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    private final CaseKey key = new CaseKey("registry" + run, "v1");
    private final String hosted = "pay" + run;
    private final String unhosted = "ship" + run;
    private CaseflowRuntime server;
    private CaseflowRuntime worker;
    private HttpApi api;
    private HikariDataSource serviceDatabase;
    private CaseflowClient reader;

    @BeforeEach
    void start() {
        server = RabbitRuntimes.onRabbitMqAndPostgres(CaseflowRuntime.builder(), true).serving(k -> false)
                .registerAs(WorkerRegistration.as(WorkerRegistration.SERVER).withHeartbeat(HEARTBEAT)).build().start();
        String sharedStore = server.database().describe(); // the test schema's URL carries no password
        HandlerRegistry handlers = new HandlerRegistry().register("charge", ctx -> ctx.callService(Map.of()))
                .register("ship", ctx -> ctx.callService(Map.of()));
        worker = RabbitRuntimes.onRabbitMqAndPostgres(CaseflowRuntime.builder(), false).jdbcUrl(sharedStore)
                .handlers(handlers).serving(List.of(key))
                .registerAs(WorkerRegistration.as(WorkerRegistration.WORKER).withHeartbeat(HEARTBEAT)).build().start();
        serviceDatabase = ServiceDatabase.open(dir.resolve("svc"));
        worker.attach(ServiceEndpoint.builder(hosted, IdempotentInbox.create(serviceDatabase, ServiceDatabase.url(dir.resolve("svc")),
                Clock.systemUTC())).command("charge", (transaction, request) -> CommandResult.ok(Map.of())).build(), 1);
        server.deploy(CaseDefinition.builder(key.name(), key.api())
                .stage(StageDefinition.service("charge", "charge", hosted, "charge"))
                .stage(StageDefinition.service("ship", "ship", unhosted, "ship"))
                .stage(StageDefinition.end("done")).transition("charge", "ship").transition("ship", "done").build());
        api = HttpApi.start(server, new ApiTokens(ADMIN, READER), () -> "", "127.0.0.1", 0);
        reader = new CaseflowClient(URI.create("http://127.0.0.1:" + api.port()), READER);
    }

    @AfterEach
    void stop() {
        if (api != null) {
            api.close();
        }
        if (worker != null) {
            worker.close();
        }
        if (server != null) {
            server.close();
        }
        if (serviceDatabase != null) {
            serviceDatabase.close();
        }
        ExternalServices.deleteQueues(List.of(ExternalServices.testInstallation().innerQ(key), ExternalServices.testInstallation().serviceQ(key), ExternalServices.testInstallation().serviceRequests(hosted),
                ExternalServices.testInstallation().serviceRequests(unhosted)));
    }

    @Test
    void the_read_only_token_lists_the_server_and_the_worker_alive_with_what_each_serves() {
        List<WorkerSnapshot> workers = reader.workers();
        assertThat(workers).extracting(w -> w.worker().kind()).containsExactlyInAnyOrder("server", "worker");
        assertThat(workers).allSatisfy(w -> {
            assertThat(w.status()).isEqualTo(WorkerStatus.ALIVE);
            assertThat(w.worker().pid()).isEqualTo(ProcessHandle.current().pid());
            assertThat(w.worker().heartbeatInterval()).isEqualTo(HEARTBEAT);
            assertThat(w.lastSeenAgo()).isLessThan(Duration.ofSeconds(30));
        });
        WorkerRecord theWorker = workers.stream().filter(w -> w.worker().kind().equals("worker")).findFirst().orElseThrow().worker();
        assertThat(theWorker.id()).isEqualTo(worker.workerId().orElseThrow());
        assertThat(theWorker.cases()).containsExactly(key);
        assertThat(theWorker.handlers()).containsExactly("charge", "ship");
        assertThat(theWorker.services()).containsExactly(hosted);

        JsonNode raw = reader.get("/api/workers");
        assertThat(raw.path("checkedAt").asText()).isNotBlank();
        assertThat(raw.path("workers").get(0).path("alive").asBoolean()).isTrue();
        assertThat(raw.path("workers").get(0).path("heartbeatInterval").asText()).isEqualTo("PT0.5S");
    }

    @Test
    void a_worker_that_stops_cleanly_shows_stopped_and_one_that_stopped_beating_shows_gone() {
        Instant longAgo = Instant.now().minus(Duration.ofMinutes(5));
        new JdbcWorkerStore(server.database()).register(new WorkerRecord("killed-host-1-abcd", "worker", "killed-host", 1, "0.0.1",
                longAgo, longAgo, null, Duration.ofSeconds(5), List.of(key), List.of("charge"), List.of()));
        String workerId = worker.workerId().orElseThrow();
        worker.close();
        worker = null;

        List<WorkerSnapshot> workers = reader.workers();
        assertThat(workers).filteredOn(w -> w.worker().id().equals(workerId)).singleElement()
                .satisfies(w -> assertThat(w.status()).isEqualTo(WorkerStatus.STOPPED));
        assertThat(workers).filteredOn(w -> w.worker().id().equals("killed-host-1-abcd")).singleElement()
                .satisfies(w -> {
                    assertThat(w.status()).isEqualTo(WorkerStatus.GONE);
                    assertThat(w.alive()).isFalse();
                    assertThat(w.lastSeenAgo()).isGreaterThanOrEqualTo(Duration.ofMinutes(5));
                });
    }

    @Test
    void services_show_the_brokers_consumer_count_and_a_service_nobody_hosts_has_none() {
        await().atMost(Duration.ofSeconds(15)).until(() -> reader.services(), services -> services.size() == 2
                && services.stream().filter(s -> s.service().equals(hosted)).allMatch(s -> s.consumers().equals(OptionalInt.of(1))));
        List<ServiceConsumers> services = reader.services();
        assertThat(services).extracting(ServiceConsumers::service).containsExactly(hosted, unhosted); // by name
        ServiceConsumers nobody = services.get(1);
        assertThat(nobody.queue()).isEqualTo(ExternalServices.testInstallation().serviceRequests(unhosted));
        assertThat(nobody.consumers()).hasValue(0);
        assertThat(nobody.unserved()).isTrue();
        assertThat(nobody.cases()).containsExactly(key);

        JsonNode raw = reader.get("/api/services");
        assertThat(raw.path("services").get(1).path("name").asText()).isEqualTo(unhosted);
        assertThat(raw.path("services").get(1).path("consumers").asInt(-1)).isZero();
    }

    @Test
    void without_a_token_both_endpoints_answer_401_in_the_common_error_shape() {
        CaseflowClient anonymous = new CaseflowClient(URI.create("http://127.0.0.1:" + api.port()), null);
        assertThatThrownBy(anonymous::workers).isInstanceOfSatisfying(ApiException.class,
                e -> assertThat(e.code()).isEqualTo("unauthorized"));
        assertThatThrownBy(anonymous::services).isInstanceOfSatisfying(ApiException.class,
                e -> assertThat(e.code()).isEqualTo("unauthorized"));
    }
}
