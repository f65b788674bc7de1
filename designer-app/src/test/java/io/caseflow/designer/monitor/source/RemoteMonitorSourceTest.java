package io.caseflow.designer.monitor.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.caseflow.CaseflowRuntime;
import io.caseflow.process.ProcessNotFoundException;
import io.caseflow.designer.monitor.ConnectionState;
import io.caseflow.installation.Installation;
import io.caseflow.designer.monitor.LiveEventBuffer;
import io.caseflow.designer.monitor.SequenceTracker;
import io.caseflow.designer.monitor.SourceUnavailableException;
import io.caseflow.handler.HandlerRegistry;
import io.caseflow.http.ApiTokens;
import io.caseflow.http.HttpApi;
import io.caseflow.store.OutboxStore;
import io.caseflow.message.DeadLetter;
import io.caseflow.job.JobState;
import io.caseflow.job.JobSnapshot;
import io.caseflow.job.JobSelection;
import io.caseflow.job.JobRequest;
import io.caseflow.job.JobKind;
import io.caseflow.job.ItemState;
import io.caseflow.process.ProcessEvent;
import io.caseflow.process.ProcessSnapshot;
import io.caseflow.process.ProcessStatus;
import io.caseflow.samples.BusinessCase1;
import io.caseflow.samples.Orders;
import io.caseflow.samples.SampleServices;
import io.caseflow.process.ProcessQuery;
import io.caseflow.transport.rabbitmq.RabbitSettings;
import io.caseflow.transport.rabbitmq.RabbitTransport;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
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

    /** Waits for the process to complete; if it does not, the failure says where it stands and what it ran. */
    private static void awaitCompleted(RemoteMonitorSource source, String id) {
        try {
            await().atMost(PATIENCE).until(() -> source.process(id).join().status() == ProcessStatus.COMPLETED);
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            ProcessSnapshot p = source.process(id).join();
            throw new AssertionError("process " + id + " did not complete after the retry: " + p.status() + " at " + p.currentStage()
                    + " step " + p.step() + (p.failure() == null ? "" : ", failure " + p.failure().message())
                    + "; runs " + source.history(id).join(), e);
        }
    }

    @Test
    void bulk_jobs_and_dead_letter_replay_go_over_the_http_api() throws Exception {
        HandlerRegistry handlers = BusinessCase1.registerHandlers(new HandlerRegistry());
        try (CaseflowRuntime runtime = CaseflowRuntime.builder().h2File(home.resolve("rt")).handlers(handlers).build().start();
             SampleServices services = SampleServices.h2(home.resolve("svc")).attach(runtime.transport(), 2)) {
            runtime.deploy(BusinessCase1.definition());
            HttpApi api = HttpApi.start(runtime, new ApiTokens(ADMIN, READER), () -> "", "127.0.0.1", 0);
            URI server = URI.create("http://127.0.0.1:" + api.port());
            Random random = new Random(2);
            for (int i = 0; i < 3; i++) {
                runtime.startProcess(BusinessCase1.KEY, Orders.order(i, random, new Orders.Mix(0, 1, 0, null)));
            }
            try (RemoteMonitorSource source = RemoteMonitorSource.builder(server, READER).actionToken(ADMIN)
                    .pingEvery(Duration.ofMillis(200)).build();
                 RemoteMonitorSource readOnly = RemoteMonitorSource.builder(server, READER).pingEvery(Duration.ofMillis(200)).build()) {
                await().atMost(PATIENCE).until(() -> source.list(ProcessQuery.all(10).withStatuses(Set.of(ProcessStatus.FAILED)))
                        .join().total() == 3);
                JobRequest retry = JobRequest.of(JobKind.RETRY, new JobSelection(Set.of(ProcessStatus.FAILED), BusinessCase1.KEY.name(),
                        BusinessCase1.KEY.api(), null, "chargePayment", null, null, null, List.of()));
                assertThat(source.runsJobs()).isTrue();
                assertThat(failure(readOnly.createJob(retry))).hasMessageContaining("read-only token");

                JobSnapshot job = source.createJob(retry).join();
                assertThat(job.total()).isEqualTo(3);
                await().atMost(PATIENCE).until(() -> source.job(job.id()).join().state() == JobState.DONE);
                assertThat(source.job(job.id()).join().count(ItemState.DONE)).isEqualTo(3);
                await().atMost(PATIENCE).until(() -> source.list(ProcessQuery.all(10).withStatuses(Set.of(ProcessStatus.COMPLETED)))
                        .join().total() == 3);

                new OutboxStore(runtime.database(), runtime.clock()).deadLetter(runtime.installation().serviceQ(BusinessCase1.KEY),
                        "malformed", "not a reply", "{\"taskId\": \"forged\", \"status\": \"ok\"}", null);
                long id = source.deadLetters(10).join().get(0).id();
                assertThat(source.settleDeadLetters(true, List.of(id)).join().settled()).isEqualTo(1);
                assertThat(source.settleDeadLetters(true, List.of(id)).join().alreadySettled()).as("replayed once").isEqualTo(1);
                assertThat(source.deadLetters(10).join()).anyMatch(d -> d.id() == id && DeadLetter.REPLAYED.equals(d.state()));
                api.close();
            }
        }
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
                awaitCompleted(source, ids.get(0));
                assertThat(source.cancel(ids.get(1)).join().process().status()).isEqualTo(ProcessStatus.CANCELLED);

                api.close();
                // Jetty's graceful stop can keep serving an open keep-alive connection until its idle timeout (30 s): the
                // monitor may see the server answer again once before it is gone for good (seen in CI), so wait past that.
                await().atMost(Duration.ofSeconds(90)).until(() -> source.connection().kind() == ConnectionState.Kind.RECONNECTING);
                assertThat(source.connection().reason()).contains("does not answer");
                assertThat(failure(source.list(ProcessQuery.all(10)))).isInstanceOf(SourceUnavailableException.class)
                        .hasMessageContaining("does not answer");
            }
        }
    }

    @Test
    void live_events_from_a_separate_worker_process_reach_the_monitor_with_consecutive_sequence_numbers() throws Exception {
        io.caseflow.testing.ExternalServices.requireRabbitMq();
        String jdbc = io.caseflow.testing.ExternalServices.freshPostgresSchema();
        String schema = jdbc.replaceAll(".*currentSchema=([^&]+).*", "$1");
        Installation installation = io.caseflow.testing.ExternalServices.testInstallation();
        io.caseflow.testing.ExternalServices.deleteQueues(List.of(installation.innerQ(BusinessCase1.KEY), installation.serviceQ(BusinessCase1.KEY)));
        String broker = io.caseflow.testing.ExternalServices.RABBITMQ_URI;
        RabbitSettings settings = RabbitSettings.defaults(broker).withConnectionName("caseflow-monitor-test");
        // The server side in this JVM runs no stages; a worker JVM from the caseflow CLI runs them and publishes the events.
        try (CaseflowRuntime server = CaseflowRuntime.builder().installation(installation).jdbcUrl(jdbc).serving(key -> false)
                .transport((inst, outbox, clock, meters) -> new RabbitTransport(settings, inst, outbox, clock, meters)).build().start()) {
            server.deploy(BusinessCase1.definition());
            HttpApi api = HttpApi.start(server, new ApiTokens(ADMIN, READER), () -> "", "127.0.0.1", 0);
            Process worker = startWorker(jdbc, schema, broker);
            List<ProcessEvent> seen = new CopyOnWriteArrayList<>();
            LiveEventBuffer buffer = new LiveEventBuffer(new SequenceTracker());
            try (RemoteMonitorSource source = RemoteMonitorSource.builder(URI.create("http://127.0.0.1:" + api.port()), READER)
                    .broker(broker).bindingKey("businessCase1.v1.*").pingEvery(Duration.ofMillis(200)).build()) {
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
                ProcessSnapshot p = server.startProcess(BusinessCase1.KEY, Orders.order(1, new Random(1), Orders.Mix.ALL_GOOD));
                await().atMost(Duration.ofSeconds(60)).until(() -> seen.stream()
                        .anyMatch(e -> e.processId().equals(p.id()) && e.status() == ProcessStatus.COMPLETED));
                List<Long> seqs = seen.stream().filter(e -> e.processId().equals(p.id())).map(ProcessEvent::seq).toList();
                assertThat(seqs).as("the start (from this JVM) and every transition (from the worker JVM)")
                        .containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L);
                assertThat(buffer.drain().gaps()).isEmpty();
            } finally {
                worker.destroyForcibly();
                api.close();
            }
        } finally {
            // The run's installation is this test's own, but its queues would outlive the run on a shared broker.
            io.caseflow.testing.ExternalServices.deleteQueues(List.of(installation.innerQ(BusinessCase1.KEY),
                    installation.serviceQ(BusinessCase1.KEY), installation.serviceRequests("warehouse"),
                    installation.serviceRequests("payments"), installation.serviceRequests("shipping")));
        }
    }

    private static Process startWorker(String jdbc, String schema, String broker) throws Exception {
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m", "-cp",
                System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")), "io.caseflow.cli.CaseflowCli",
                "worker", "--services", "warehouse,payments,shipping");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("CASEFLOW_JDBC_URL", jdbc);
        builder.environment().put("CASEFLOW_BROKER_URI", broker);
        builder.environment().put("CASEFLOW_INSTALLATION", io.caseflow.testing.ExternalServices.testInstallation().name());
        builder.environment().put("CASEFLOW_SERVICES_JDBC_URL", jdbc.replace("currentSchema=" + schema, "currentSchema=" + schema + "_svc_{service}"));
        Process worker = builder.start();
        java.io.BufferedReader out = new java.io.BufferedReader(new java.io.InputStreamReader(worker.getInputStream()));
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        String line;
        while ((line = out.readLine()) != null) {
            if (line.startsWith("caseflow worker ready")) {
                Thread drain = new Thread(() -> {
                    try {
                        while (out.readLine() != null) {
                            // keep the pipe empty
                        }
                    } catch (java.io.IOException ignored) {
                        // the worker stopped
                    }
                });
                drain.setDaemon(true);
                drain.start();
                return worker;
            }
            if (System.nanoTime() > deadline) {
                break;
            }
        }
        worker.destroyForcibly();
        throw new AssertionError("the worker JVM did not start");
    }

}
