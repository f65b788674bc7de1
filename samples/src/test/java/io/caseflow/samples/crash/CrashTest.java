package io.caseflow.samples.crash;

import static org.assertj.core.api.Assertions.assertThat;

import io.caseflow.fault.CrashPoint;
import io.caseflow.samples.jvm.WorkerProcess;
import io.caseflow.fault.CrashPoints;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The seed's main async problem as real crash tests: a worker JVM runs businessCase1 with the sample
 * services, is stopped at a named crash point and killed with SIGKILL, then started again. Afterwards
 * every process must have completed, every stage result must be committed once, every service command
 * applied once, and what the crash sent again must have been absorbed: a handler whose commit was lost runs
 * again, a service command applied before the kill is answered from its inbox, and a message whose commit
 * landed never comes back (the commit deleted it).
 */
class CrashTest {
    private static final int PROCESSES = 40;
    /** The stages an order that ships runs through, each exactly once. */
    private static final List<String> HAPPY_PATH = List.of("validateOrder", "reserveStock", "chargePayment", "createShipment",
            "notifyCustomer", "completed");
    private static final Pattern DONE = Pattern.compile(CrashWorker.DONE + " ended=(\\d+) duplicates=(\\d+) handlerRuns=(\\d+).*");

    @TempDir
    Path dir;

    @ParameterizedTest(name = "killed at {0}")
    @EnumSource(CrashPoint.class)
    void a_worker_killed_at_a_crash_point_resumes_and_nothing_is_lost_or_applied_twice(CrashPoint point) throws Exception {
        // Deep enough into the run that work is in flight everywhere.
        int reach = point == CrashPoint.SERVICE_AFTER_APPLY_BEFORE_REPLY ? 25 : 6;
        WorkerProcess first = WorkerProcess.start(CrashWorker.class,
                List.of("-D" + CrashPoints.PROPERTY + "=" + point + ":" + reach), dir.resolve("worker.log"),
                dir.toString(), Integer.toString(PROCESSES));
        try {
            assertThat(first.awaitLine(CrashPoints.MARKER, Duration.ofSeconds(90)))
                    .as("worker reached crash point %s; output %s", point, first.output()).isPresent();
            assertThat(first.kill9()).as("exit status of a SIGKILLed JVM").isEqualTo(137);
        } finally {
            first.destroy();
        }

        Outcome outcome = finishWithCleanWorker(PROCESSES);
        assertEverythingExactlyOnce(PROCESSES);
        System.out.printf("crash at %s: %s%n", point, outcome);
        switch (point) {
            case BEFORE_STAGE_COMMIT -> assertThat(outcome.handlerReruns)
                    .as("handlers whose uncommitted result was lost ran again").isGreaterThan(0);
            // The embedded transport's commit deletes the message it handled in its own transaction (decision 0008), so
            // nothing a commit finished comes back; on RabbitMQ it does, and ScaleOutTest sees the fence drop it.
            case AFTER_STAGE_COMMIT_BEFORE_ACK, AFTER_SERVICE_REQUEST_PUBLISHED -> assertThat(outcome.duplicatesDropped)
                    .as("messages whose commit had landed before the kill came back").isZero();
            case SERVICE_AFTER_APPLY_BEFORE_REPLY -> assertThat(outcome.serviceRepeats)
                    .as("a request applied before the crash came back and was answered from the inbox").isGreaterThan(0);
        }
    }

    @Test
    void a_worker_killed_at_random_instants_three_times_still_completes_everything_exactly_once() throws Exception {
        int processes = 150;
        Random random = new Random(20261125);
        for (int kill = 0; kill < 3; kill++) {
            WorkerProcess worker = WorkerProcess.start(CrashWorker.class, List.of(), dir.resolve("worker.log"),
                    dir.toString(), Integer.toString(processes));
            try {
                assertThat(worker.awaitLine(CrashWorker.STARTED, Duration.ofSeconds(60))).isPresent();
                Thread.sleep(100 + random.nextInt(900)); // a random instant of the run
                assertThat(worker.output()).as("the worker was still busy when killed").noneMatch(l -> l.startsWith(CrashWorker.DONE));
                worker.kill9();
            } finally {
                worker.destroy();
            }
        }
        Outcome outcome = finishWithCleanWorker(processes);
        assertEverythingExactlyOnce(processes);
        System.out.printf("killed at random instants: %s%n", outcome);
    }

    private Outcome finishWithCleanWorker(int processes) throws Exception {
        WorkerProcess second = WorkerProcess.start(CrashWorker.class, List.of(), dir.resolve("worker.log"),
                dir.toString(), Integer.toString(processes));
        String done;
        try {
            done = second.awaitLine(CrashWorker.DONE, Duration.ofMinutes(3)).orElseThrow(() -> new AssertionError(
                    "the restarted worker did not finish; output " + second.output() + "; log " + log()));
            assertThat(second.awaitExit(Duration.ofMinutes(1))).isZero();
        } finally {
            second.destroy();
        }
        Matcher matcher = DONE.matcher(done);
        assertThat(matcher.matches()).as(done).isTrue();
        assertThat(Long.parseLong(matcher.group(1))).isEqualTo(processes);
        Map<String, Integer> runs = HandlerJournal.runs(dir.resolve("handler-runs.log"));
        long reruns = runs.values().stream().filter(n -> n > 1).count();
        return new Outcome(Long.parseLong(matcher.group(2)), reruns, serviceRepeats());
    }

    private record Outcome(long duplicatesDropped, long handlerReruns, long serviceRepeats) {
    }

    private void assertEverythingExactlyOnce(int processes) throws SQLException {
        try (Connection db = open(dir.resolve("runtime"))) {
            assertThat(count(db, "SELECT COUNT(*) FROM process")).isEqualTo(processes);
            assertThat(count(db, "SELECT COUNT(*) FROM process WHERE status = 'COMPLETED' AND current_stage = 'completed'"))
                    .as("every process completed").isEqualTo(processes);
            Map<String, Long> completedRunsPerStage = new HashMap<>();
            try (Statement statement = db.createStatement();
                 ResultSet rs = statement.executeQuery("SELECT stage, COUNT(*) FROM stage_run WHERE status = 'COMPLETED' GROUP BY stage")) {
                while (rs.next()) {
                    completedRunsPerStage.put(rs.getString(1), rs.getLong(2));
                }
            }
            for (String stage : HAPPY_PATH) {
                assertThat(completedRunsPerStage.get(stage)).as("committed results of stage %s", stage).isEqualTo((long) processes);
            }
            assertThat(count(db, "SELECT COUNT(*) FROM (SELECT process_id, stage FROM stage_run WHERE status = 'COMPLETED' "
                    + "GROUP BY process_id, stage HAVING COUNT(*) > 1) d")).as("a stage result committed twice").isZero();
            assertThat(count(db, "SELECT COUNT(*) FROM stage_run WHERE status <> 'COMPLETED'")).as("failed or stuck runs").isZero();
            assertThat(count(db, "SELECT COUNT(*) FROM dead_letter")).as("dead letters").isZero();
        }
        for (String service : List.of("warehouse", "payments", "shipping")) {
            try (Connection db = open(dir.resolve("services").resolve(service))) {
                assertThat(count(db, "SELECT COUNT(*) FROM ledger")).as("%s commands applied", service).isEqualTo(processes);
                assertThat(count(db, "SELECT COUNT(DISTINCT task_id) FROM ledger")).as("%s distinct task ids", service)
                        .isEqualTo(processes);
                assertThat(count(db, "SELECT COUNT(DISTINCT order_id) FROM ledger")).as("%s orders", service).isEqualTo(processes);
            }
        }
        try (Connection db = open(dir.resolve("services").resolve("warehouse"))) {
            assertThat(count(db, "SELECT SUM(reserved) FROM stock")).as("stock reserved once per ordered item")
                    .isEqualTo(orderedItems(processes));
        }
    }

    private long orderedItems(int processes) {
        Random random = new Random(7);
        long total = 0;
        for (int i = 0; i < processes; i++) {
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> items = (List<Map<String, Object>>) io.caseflow.samples.Orders
                    .order(i, random, io.caseflow.samples.Orders.Mix.ALL_GOOD).get("items");
            total += items.stream().mapToLong(item -> ((Number) item.get("qty")).longValue()).sum();
        }
        return total;
    }

    private long serviceRepeats() throws SQLException {
        long repeats = 0;
        for (String service : List.of("warehouse", "payments", "shipping")) {
            try (Connection db = open(dir.resolve("services").resolve(service))) {
                repeats += count(db, "SELECT COALESCE(SUM(repeats), 0) FROM caseflow_inbox");
            }
        }
        return repeats;
    }

    private String log() {
        try {
            return Files.readString(dir.resolve("worker.log"));
        } catch (java.io.IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private static Connection open(Path file) throws SQLException {
        return DriverManager.getConnection("jdbc:h2:file:" + file.toAbsolutePath() + ";WRITE_DELAY=0");
    }

    private static long count(Connection db, String sql) throws SQLException {
        try (Statement statement = db.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
