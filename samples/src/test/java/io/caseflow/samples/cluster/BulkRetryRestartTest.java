package io.caseflow.samples.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.caseflow.samples.jvm.WorkerProcess;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A bulk retry of 10,000 failed processes from the {@code caseflow} CLI while the server that runs the job is
 * killed with SIGKILL and started again: the job resumes on the new server, the CLI follows it through the
 * restart, and every process is retried exactly once. Each process fails at {@code validateOrder} (its order has
 * no orderId), so a retry runs the stage once more and fails again: a process retried twice would show three
 * runs of the stage. {@code -Dcaseflow.bulk.processes=N} runs it with another count.
 */
class BulkRetryRestartTest {
    private static final int PROCESSES = Integer.getInteger("caseflow.bulk.processes", 10_000);
    private static final Pattern CREATED = Pattern.compile("created retry job (\\S+) over (\\d+) process\\(es\\)");

    @TempDir
    Path dir;

    @Test
    void a_bulk_retry_from_the_cli_retries_each_failed_process_exactly_once_through_a_killed_and_restarted_server() throws Exception {
        try (Cluster cluster = new Cluster(dir, 5)) {
            int port = freePort();
            cluster.startServer(port);
            cluster.startWorker("worker");
            cluster.deploySample();

            long started = System.nanoTime();
            startFailingOrders(cluster, PROCESSES);
            await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(500)).until(() ->
                    cluster.count("SELECT COUNT(*) FROM process WHERE status = 'FAILED' AND current_stage = 'validateOrder'") == PROCESSES);
            System.out.printf("%d processes started and failed at validateOrder in %d s%n", PROCESSES, seconds(started));
            assertThat(cluster.count("SELECT COUNT(*) FROM stage_run WHERE stage = 'validateOrder'")).isEqualTo(PROCESSES);

            long retryStarted = System.nanoTime();
            WorkerProcess cli = cluster.start("cli", "processes", "retry", "--stage", "validateOrder", "--status", "FAILED",
                    "--case", "businessCase1", "--server", "http://127.0.0.1:" + port, "--token", Cluster.TOKEN, "--patience", "PT3M");
            String created = cli.awaitLine("created retry job", Duration.ofSeconds(60))
                    .orElseThrow(() -> new AssertionError("the CLI created no job: " + cli.output()));
            Matcher matcher = CREATED.matcher(created);
            assertThat(matcher.find()).as(created).isTrue();
            String jobId = matcher.group(1);
            assertThat(Long.parseLong(matcher.group(2))).isEqualTo(PROCESSES);

            // Kill the server that runs the job once a fifth of it is done.
            await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(20)).until(() ->
                    finished(cluster, jobId) >= PROCESSES / 5);
            assertThat(cluster.server.kill9()).isEqualTo(137);
            long pendingAtKill = PROCESSES - finished(cluster, jobId);
            System.out.printf("server killed with %d of %d items pending, %d s into the job%n", pendingAtKill, PROCESSES, seconds(retryStarted));
            assertThat(pendingAtKill).as("the server died in the middle of the job").isPositive();

            cluster.startServer(port);
            String done = cli.awaitLine("retry job " + jobId + ": DONE", Duration.ofMinutes(3))
                    .orElseThrow(() -> new AssertionError("the job did not finish: " + cli.output()));
            assertThat(cli.awaitExit(Duration.ofSeconds(30))).as(String.join("\n", cli.output())).isZero();
            assertThat(cli.output()).anyMatch(line -> line.startsWith("cannot read job") || line.startsWith("the server answers again"));
            System.out.printf("job done %d s after the retry began: %s%n", seconds(retryStarted), done);

            long doneItems = cluster.count("SELECT COUNT(*) FROM bulk_job_item WHERE job_id = '" + jobId + "' AND state = 'DONE'");
            long movedOn = cluster.count("SELECT COUNT(*) FROM bulk_job_item WHERE job_id = '" + jobId + "' AND state = 'MOVED_ON'");
            assertThat(doneItems + movedOn).as("every item retried, or found retried before the crash").isEqualTo(PROCESSES);
            System.out.printf("results: %d retried, %d found moved on after the restart (retried by the killed server, unrecorded)%n",
                    doneItems, movedOn);

            // Every retried process ran validateOrder once more and failed again: two runs each, never three.
            await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500)).until(() ->
                    cluster.count("SELECT COUNT(*) FROM stage_run WHERE stage = 'validateOrder'") >= 2L * PROCESSES
                            && cluster.count("SELECT COUNT(*) FROM process WHERE status = 'FAILED'") == PROCESSES);
            assertThat(cluster.count("SELECT COUNT(*) FROM stage_run WHERE stage = 'validateOrder'")).isEqualTo(2L * PROCESSES);
            assertThat(cluster.count("SELECT COUNT(*) FROM (SELECT process_id FROM stage_run WHERE stage = 'validateOrder' "
                    + "GROUP BY process_id HAVING COUNT(*) <> 2) d")).as("processes retried other than exactly once").isZero();
            assertThat(cluster.count("SELECT COUNT(*) FROM bulk_job WHERE id = '" + jobId + "' AND state = 'DONE'")).isEqualTo(1);
            System.out.printf("%d processes retried exactly once through a server kill -9 in %d s in all%n", PROCESSES, seconds(started));
        }
    }

    private static long finished(Cluster cluster, String jobId) throws Exception {
        return cluster.count("SELECT COUNT(*) FROM bulk_job_item WHERE job_id = '" + jobId + "' AND state <> 'PENDING'");
    }

    /** Starts orders without an orderId (validateOrder fails them permanently) from 12 client threads. */
    private static void startFailingOrders(Cluster cluster, int count) throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(12);
        List<Throwable> errors = Collections.synchronizedList(new ArrayList<>());
        for (int i = 0; i < count; i++) {
            int n = i;
            clients.execute(() -> {
                try {
                    HttpResponse<String> response = cluster.post("/api/cases/businessCase1/v1/processes", "{\"n\": " + n + "}", "bulk-" + n);
                    if (response.statusCode() != 201 && response.statusCode() != 200) {
                        errors.add(new AssertionError("start failed: " + response.statusCode() + " " + response.body()));
                    }
                } catch (Exception e) {
                    errors.add(e);
                }
            });
        }
        clients.shutdown();
        // About 45 s on this project's 2-core machine when nothing else runs; much more when other builds share it.
        assertThat(clients.awaitTermination(8, TimeUnit.MINUTES)).as("%d processes started", count).isTrue();
        assertThat(errors).isEmpty();
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static long seconds(long since) {
        return TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - since);
    }
}
