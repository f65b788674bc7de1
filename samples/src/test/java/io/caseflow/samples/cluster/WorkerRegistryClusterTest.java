package io.caseflow.samples.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.caseflow.cli.CaseflowCli;
import io.caseflow.client.CaseflowClient;
import io.caseflow.samples.jvm.WorkerProcess;
import io.caseflow.worker.ServiceConsumers;
import io.caseflow.worker.WorkerSnapshot;
import io.caseflow.worker.WorkerStatus;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The live worker registry across real JVMs: a server and two workers from the {@code caseflow} CLI register in
 * one store; one worker is killed with {@code kill -9} and shows as gone within its heartbeat window while the
 * other stays alive, as {@code caseflow workers list} shows.
 */
class WorkerRegistryClusterTest {
    private static final int HEARTBEAT_SECONDS = 1;
    /** Three missed heartbeats, plus one interval for the beat the killed worker may have just missed, plus slack for a busy machine. */
    private static final Duration GONE_WITHIN = Duration.ofSeconds(3L * HEARTBEAT_SECONDS + HEARTBEAT_SECONDS + 3);
    private static final Pattern REGISTERED = Pattern.compile(".*registered as (\\S+)$");

    @TempDir
    Path dir;

    @Test
    void a_killed_worker_shows_gone_within_its_heartbeat_window_while_the_other_stays_alive() throws Exception {
        try (Cluster cluster = new Cluster(dir, 5)) {
            cluster.withEnvironment("CASEFLOW_REGISTRY_HEARTBEAT_SECONDS", Integer.toString(HEARTBEAT_SECONDS));
            cluster.startServer();
            WorkerProcess killed = cluster.startWorker("worker-killed");
            WorkerProcess survivor = cluster.startWorker("worker-survivor");
            cluster.deploySample();
            CaseflowClient client = new CaseflowClient(URI.create("http://127.0.0.1:" + cluster.port), Cluster.TOKEN);
            String killedId = registeredId(killed);
            String survivorId = registeredId(survivor);

            await().atMost(Duration.ofSeconds(30)).until(client::workers, workers -> status(workers, killedId) == WorkerStatus.ALIVE
                    && status(workers, survivorId) == WorkerStatus.ALIVE && workers.stream().anyMatch(w -> w.worker().kind().equals("server")));
            WorkerSnapshot survivorRecord = find(client.workers(), survivorId).orElseThrow();
            assertThat(survivorRecord.worker().pid()).isEqualTo(survivor.pid());
            assertThat(survivorRecord.worker().services()).containsExactly("payments", "shipping", "warehouse");
            assertThat(survivorRecord.worker().cases()).extracting(Object::toString).containsExactly("businessCase1/v1");
            assertThat(client.services()).extracting(ServiceConsumers::service).containsExactly("payments", "shipping", "warehouse");
            assertThat(client.services()).allSatisfy(service -> assertThat(service.consumers().orElse(0)).isPositive());

            assertThat(killed.kill9()).isEqualTo(137);
            long killedAt = System.nanoTime();
            await().atMost(GONE_WITHIN).pollInterval(Duration.ofMillis(200))
                    .until(client::workers, workers -> status(workers, killedId) == WorkerStatus.GONE);
            System.out.printf("worker killed with kill -9 was seen gone after %d ms (heartbeat %d s, window %d s)%n",
                    Duration.ofNanos(System.nanoTime() - killedAt).toMillis(), HEARTBEAT_SECONDS, 3 * HEARTBEAT_SECONDS);
            assertThat(status(client.workers(), survivorId)).isEqualTo(WorkerStatus.ALIVE);

            String table = workersList(cluster.port);
            System.out.println("caseflow workers list:\n" + table);
            assertThat(line(table, killedId)).contains(" gone ").contains(Long.toString(killed.pid()));
            assertThat(line(table, survivorId)).contains(" alive ").contains(Long.toString(survivor.pid()))
                    .contains("businessCase1/v1").contains("payments,shipping,warehouse");
            assertThat(table).contains("3 registered: 2 alive, 1 gone, 0 stopped");

            Cluster.stopAndCountDuplicates(survivor);
            await().atMost(Duration.ofSeconds(30)).until(client::workers, workers -> status(workers, survivorId) == WorkerStatus.STOPPED);
        }
    }

    private static String registeredId(WorkerProcess worker) throws InterruptedException {
        String ready = worker.awaitLine("caseflow worker ready", Duration.ofSeconds(5)).orElseThrow();
        Matcher matcher = REGISTERED.matcher(ready);
        assertThat(matcher.matches()).as(ready).isTrue();
        return matcher.group(1);
    }

    private static Optional<WorkerSnapshot> find(List<WorkerSnapshot> workers, String id) {
        return workers.stream().filter(w -> w.worker().id().equals(id)).findFirst();
    }

    private static WorkerStatus status(List<WorkerSnapshot> workers, String id) {
        return find(workers, id).map(WorkerSnapshot::status).orElse(null);
    }

    /** {@code caseflow workers list}, run as a user would, in this JVM. */
    private static String workersList(int port) {
        StringWriter out = new StringWriter();
        CommandLine cli = CaseflowCli.commandLine();
        cli.setOut(new PrintWriter(out, true));
        int exit = cli.execute("workers", "list", "--server", "http://127.0.0.1:" + port, "--token", Cluster.TOKEN);
        assertThat(exit).as(out.toString()).isZero();
        return out.toString();
    }

    private static String line(String table, String id) {
        return table.lines().filter(l -> l.startsWith(id + " ")).findFirst()
                .orElseThrow(() -> new AssertionError("no row for " + id + " in\n" + table));
    }
}
