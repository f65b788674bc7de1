package io.caseflow.designer.monitor.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.caseflow.CaseflowRuntime;
import io.caseflow.ProcessNotFoundException;
import io.caseflow.definition.CaseDefinition;
import io.caseflow.definition.CaseKey;
import io.caseflow.definition.StageDefinition;
import io.caseflow.designer.monitor.ConnectionState;
import io.caseflow.designer.monitor.LiveEventBuffer;
import io.caseflow.designer.monitor.SequenceTracker;
import io.caseflow.designer.monitor.SourceUnavailableException;
import io.caseflow.handler.HandlerRegistry;
import io.caseflow.http.ApiTokens;
import io.caseflow.http.HttpApi;
import io.caseflow.process.ProcessEvent;
import io.caseflow.process.ProcessSnapshot;
import io.caseflow.process.ProcessStatus;
import io.caseflow.samples.BusinessCase1;
import io.caseflow.samples.Orders;
import io.caseflow.samples.SampleServices;
import io.caseflow.store.ProcessQuery;
import io.caseflow.transport.rabbitmq.RabbitSettings;
import io.caseflow.transport.rabbitmq.RabbitTransport;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The remote source against a real runtime behind its HTTP API (and, where RabbitMQ runs, its
 * events exchange): snapshots, actions with the API token, refusals with the read-only token, a
 * server that goes away, and live events with consecutive sequence numbers.
 */
class RemoteMonitorSourceTest {
    private static final String ADMIN = "admin-token-0123456789";
    private static final String READER = "read-only-token-0123456789";
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final String BROKER = System.getProperty("caseflow.test.rabbitmq", "amqp://guest:guest@127.0.0.1:5672");

    @TempDir
    Path home;

    private static <T> Throwable failure(java.util.concurrent.CompletableFuture<T> f) {
        try {
            f.join();
        } catch (CompletionException e) {
            return e.getCause();
        }
        throw new AssertionError("expected a failure");
    }

    @Test
    void snapshots_and_actions_go_over_the_http_api_and_a_read_only_token_cannot_act() throws Exception {
        HandlerRegistry handlers = BusinessCase1.registerHandlers(new HandlerRegistry());
        try (CaseflowRuntime runtime = CaseflowRuntime.builder().h2File(home.resolve("rt")).handlers(handlers).build().start();
             SampleServices services = SampleServices.h2(home.resolve("svc")).attach(runtime.transport(), 2)) {
            runtime.deploy(BusinessCase1.definition());
            HttpApi api = HttpApi.start(runtime, new ApiTokens(ADMIN, READER), () -> "", "127.0.0.1", 0);
            URI server = URI.create("http://127.0.0.1:" + api.port());
            List<String> ids = new ArrayList<>();
            Random random = new Random(1);
            for (int i = 0; i < 3; i++) {
                ids.add(runtime.startProcess(BusinessCase1.KEY, Orders.order(i, random, new Orders.Mix(0, 1, 0, null))).id());
            }
            try (RemoteMonitorSource source = RemoteMonitorSource.builder(server, READER).actionToken(ADMIN)
                    .pingEvery(Duration.ofMillis(200)).build();
                 RemoteMonitorSource readOnly = RemoteMonitorSource.builder(server, READER).pingEvery(Duration.ofMillis(200)).build()) {
                await().atMost(PATIENCE).until(() -> source.connection().isUp());
                await().atMost(PATIENCE).until(() -> source.list(ProcessQuery.all(10).withStatuses(Set.of(ProcessStatus.FAILED)))
                        .join().total() == 3);

                assertThat(source.definitions().join()).singleElement()
                        .satisfies(d -> assertThat(d.definition().stages()).hasSize(9));
                assertThat(source.countsByStage(BusinessCase1.KEY).join().get("chargePayment")).containsEntry(ProcessStatus.FAILED, 3L);
                ProcessSnapshot failed = source.process(ids.get(0)).join();
                assertThat(failed.failure().message()).contains("flaky card");
                assertThat(source.history(ids.get(0)).join()).extracting(r -> r.stage())
                        .contains("validateOrder", "reserveStock", "chargePayment");
                assertThat(failure(source.process("01900000-0000-7000-8000-000000000000"))).isInstanceOf(ProcessNotFoundException.class);

                assertThat(failure(readOnly.retry(ids.get(0), null, null)))
                        .hasMessageContaining("read-only token; retrying needs the API token");
                assertThat(source.retry(ids.get(0), null, null).join().changed()).isTrue();
                await().atMost(PATIENCE).until(() -> source.process(ids.get(0)).join().status() == ProcessStatus.COMPLETED);
                assertThat(source.cancel(ids.get(1)).join().process().status()).isEqualTo(ProcessStatus.CANCELLED);

                api.close();
                await().atMost(PATIENCE).until(() -> source.connection().kind() == ConnectionState.Kind.RECONNECTING);
                assertThat(source.connection().reason()).contains("does not answer");
                assertThat(failure(source.list(ProcessQuery.all(10)))).isInstanceOf(SourceUnavailableException.class)
                        .hasMessageContaining("does not answer");
            }
        }
    }

    @Test
    void live_events_arrive_from_the_events_exchange_with_consecutive_sequence_numbers() throws Exception {
        Assumptions.assumeTrue(reachable(URI.create(BROKER)), "RabbitMQ is not running at " + BROKER);
        CaseKey key = new CaseKey("monitorTest" + UUID.randomUUID().toString().substring(0, 8), "v1");
        RabbitSettings settings = RabbitSettings.defaults(BROKER).withConnectionName("caseflow-monitor-test");
        try (CaseflowRuntime runtime = CaseflowRuntime.builder().h2File(home.resolve("rt"))
                .handlers(new HandlerRegistry().register("h", ctx -> ctx.next()))
                .transport((outbox, clock, meters) -> new RabbitTransport(settings, outbox, clock, meters))
                .build().start()) {
            runtime.deploy(CaseDefinition.builder(key.name(), key.api()).stage(StageDefinition.task("a", "h"))
                    .stage(StageDefinition.task("b", "h")).stage(StageDefinition.end("z")).transition("a", "b").transition("b", "z").build());
            HttpApi api = HttpApi.start(runtime, new ApiTokens(ADMIN, READER), () -> "", "127.0.0.1", 0);
            List<ProcessEvent> seen = new CopyOnWriteArrayList<>();
            LiveEventBuffer buffer = new LiveEventBuffer(new SequenceTracker());
            try (RemoteMonitorSource source = RemoteMonitorSource.builder(URI.create("http://127.0.0.1:" + api.port()), READER)
                    .broker(BROKER).bindingKey(key.name() + "." + key.api() + ".*").pingEvery(Duration.ofMillis(200)).build()) {
                source.subscribe(buffer);
                source.subscribe(new io.caseflow.designer.monitor.MonitorSource.Listener() {
                    @Override
                    public void events(List<ProcessEvent> events) {
                        seen.addAll(events);
                    }

                    @Override
                    public void connection(ConnectionState state) {
                    }
                });
                await().atMost(PATIENCE).until(() -> source.connection().isUp());
                ProcessSnapshot p = runtime.startProcess(key, Map.of());
                await().atMost(PATIENCE).until(() -> seen.stream().anyMatch(e -> e.status() == ProcessStatus.COMPLETED));
                assertThat(seen).extracting(ProcessEvent::processId).containsOnly(p.id());
                assertThat(seen).extracting(ProcessEvent::seq).containsExactly(1L, 2L, 3L);
                LiveEventBuffer.Batch batch = buffer.drain();
                assertThat(batch.gaps()).isEmpty();
                assertThat(batch.events()).singleElement().extracting(ProcessEvent::status).isEqualTo(ProcessStatus.COMPLETED);
            } finally {
                api.close();
            }
        }
    }

    private static boolean reachable(URI amqp) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(amqp.getHost(), amqp.getPort() > 0 ? amqp.getPort() : 5672), 500);
            return true;
        } catch (java.io.IOException e) {
            return false;
        }
    }
}
