package io.caseflow.samples.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.caseflow.fault.CrashPoint;
import io.caseflow.fault.CrashPoints;
import io.caseflow.samples.jvm.BrokerControl;
import io.caseflow.samples.jvm.WorkerProcess;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The scale-out runtime as people run it: a server JVM and worker JVMs from the {@code caseflow} CLI,
 * on the machine's PostgreSQL and RabbitMQ, with the sample services hosted by the workers.
 */
class ScaleOutTest {
    /** Worker a's group commits before it stops: deep enough into the run that work is in flight everywhere. */
    private static final int KILL_AFTER_COMMITS = 40;
    private static final List<String> HAPPY_PATH = List.of("validateOrder", "reserveStock", "chargePayment", "createShipment",
            "notifyCustomer", "completed");

    @TempDir
    Path dir;

    @Test
    void three_workers_finish_500_orders_exactly_once_through_a_killed_worker_and_a_broker_restart() throws Exception {
        int orders = 500;
        try (Cluster cluster = new Cluster(dir, 5)) {
            cluster.startServer();
            // Worker a stops right after one of its commits, before acknowledging what that commit handled, and is
            // killed there: the broker must deliver those messages again, and the survivors' step fence drop them.
            WorkerProcess a = cluster.startWorker("worker-a",
                    List.of("-D" + CrashPoints.PROPERTY + "=" + CrashPoint.AFTER_STAGE_COMMIT_BEFORE_ACK + ":" + KILL_AFTER_COMMITS));
            WorkerProcess b = cluster.startWorker("worker-b");
            WorkerProcess c = cluster.startWorker("worker-c");
            cluster.deploySample();
            Thread starter = new Thread(() -> {
                try {
                    cluster.startOrders(0, orders);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            starter.start();

            assertThat(a.awaitLine(CrashPoints.MARKER, Duration.ofMinutes(2))).as("worker a reached its crash point; %s", a.output())
                    .isPresent();
            assertThat(a.kill9()).isEqualTo(137);
            cluster.awaitCompleted(100, Duration.ofMinutes(2));
            cluster.awaitCompleted(250, Duration.ofMinutes(2));
            BrokerControl.restartBroker();
            starter.join(Duration.ofMinutes(3).toMillis());
            cluster.awaitCompleted(orders, Duration.ofMinutes(4));

            long duplicates = Cluster.stopAndCountDuplicates(b) + Cluster.stopAndCountDuplicates(c);
            long repeats = serviceRepeats(cluster);
            System.out.printf("500 orders, one worker killed, broker restarted: duplicates dropped by the survivors %d, "
                    + "requests answered from service inboxes %d%n", duplicates, repeats);
            assertExactlyOnce(cluster, orders);
            assertThat(duplicates).as("messages worker a had committed but not acknowledged, delivered again and dropped").isGreaterThan(0);
        }
    }

    @Test
    void a_frozen_worker_loses_its_messages_to_another_has_its_late_commits_refused_and_goes_back_to_work() throws Exception {
        try (Cluster cluster = new Cluster(dir, 2)) {
            cluster.startServer();
            WorkerProcess frozen = cluster.startWorker("worker-frozen");
            WorkerProcess other = cluster.startWorker("worker-other");
            cluster.deploySample();
            Thread starter = new Thread(() -> {
                try {
                    cluster.startOrders(0, 200);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            starter.start();
            cluster.awaitCompleted(30, Duration.ofMinutes(2));
            frozen.signal("STOP"); // holding prefetched messages and maybe a commit in flight
            starter.join(Duration.ofMinutes(3).toMillis());
            // The broker misses the frozen worker's heartbeats, closes its connection and hands its messages to the other.
            cluster.awaitCompleted(200, Duration.ofMinutes(3));
            frozen.signal("CONT");

            long otherDuplicates = Cluster.stopAndCountDuplicates(other);
            // Only the thawed worker is left: new orders complete only if it consumes again.
            cluster.startOrders(200, 60);
            cluster.awaitCompleted(260, Duration.ofMinutes(3));
            long frozenDuplicates = Cluster.stopAndCountDuplicates(frozen);
            System.out.printf("frozen worker: duplicates dropped %d (its late work refused); other worker: %d%n",
                    frozenDuplicates, otherDuplicates);
            assertExactlyOnce(cluster, 260);
            assertThat(frozenDuplicates + otherDuplicates).as("late commits or redeliveries refused by the step fence")
                    .isGreaterThan(0);
        }
    }

    private static void assertExactlyOnce(Cluster cluster, int orders) throws SQLException {
        assertThat(cluster.count("SELECT COUNT(*) FROM process WHERE status = 'COMPLETED' AND current_stage = 'completed'"))
                .as("every order completed").isEqualTo(orders);
        for (String stage : HAPPY_PATH) {
            assertThat(cluster.count("SELECT COUNT(*) FROM stage_run WHERE status = 'COMPLETED' AND stage = '" + stage + "'"))
                    .as("committed results of %s", stage).isEqualTo(orders);
        }
        assertThat(cluster.count("SELECT COUNT(*) FROM (SELECT process_id, stage FROM stage_run WHERE status = 'COMPLETED' "
                + "GROUP BY process_id, stage HAVING COUNT(*) > 1) d")).as("a stage result committed twice").isZero();
        for (String service : List.of("warehouse", "payments", "shipping")) {
            String url = cluster.serviceUrl(service);
            assertThat(Cluster.count(url, "SELECT COUNT(*) FROM ledger")).as("%s commands applied", service).isEqualTo(orders);
            assertThat(Cluster.count(url, "SELECT COUNT(DISTINCT order_id) FROM ledger")).as("%s orders", service).isEqualTo(orders);
        }
    }

    private static long serviceRepeats(Cluster cluster) throws SQLException {
        long repeats = 0;
        for (String service : List.of("warehouse", "payments", "shipping")) {
            repeats += Cluster.count(cluster.serviceUrl(service), "SELECT COALESCE(SUM(repeats), 0) FROM caseflow_inbox");
        }
        return repeats;
    }
}
