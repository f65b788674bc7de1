package io.caseflow.retention.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.caseflow.CaseflowRuntime;
import io.caseflow.definition.CaseDefinition;
import io.caseflow.definition.CaseKey;
import io.caseflow.definition.StageDefinition;
import io.caseflow.handler.HandlerRegistry;
import io.caseflow.process.ProcessStatus;
import io.caseflow.retention.RetentionPeriod;
import io.caseflow.retention.RetentionStatus;
import io.caseflow.store.Database;
import io.caseflow.testing.ExternalServices;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.ValueAtPercentile;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * Issue 12's retention test: the sweeper deletes 100k finished processes (bulk-inserted, a month old) on
 * PostgreSQL while 1,000 new processes run through the engine on the same store. All new ones complete, all
 * expired ones are gone with every row, nothing running or failed is touched, and no sweep transaction deleted
 * more than its batch. (The embedded transport keeps the test to PostgreSQL alone; it puts more of the engine's
 * work on the database than RabbitMQ would, so the sweeper competes with more. Latency figures with and without a
 * sweep are the benchmark's: docs/benchmarks.md, "Retention".)
 */
class RetentionUnderLoadTest {
    private static final CaseKey KEY = new CaseKey("retained", "v1");
    private static final int EXPIRED = 100_000;
    private static final int NEW = 1_000;
    private static final int BATCH = 500;
    private static final int STAGES = 4;

    @Test
    void retention_deletes_100k_finished_processes_while_1000_new_ones_run() throws Exception {
        String url = ExternalServices.freshPostgresSchema();
        Clock clock = Clock.systemUTC();
        HandlerRegistry handlers = new HandlerRegistry().register("step", ctx -> ctx.next());
        try (CaseflowRuntime runtime = CaseflowRuntime.builder().jdbcUrl(url).handlers(handlers).workerThreads(4).build().start()) {
            CaseDefinition.Builder definition = CaseDefinition.builder(KEY.name(), KEY.api());
            for (int i = 1; i < STAGES; i++) {
                definition.stage(StageDefinition.task("s" + i, "step"));
                if (i > 1) {
                    definition.transition("s" + (i - 1), "s" + i);
                }
            }
            runtime.deploy(definition.stage(StageDefinition.end("done")).transition("s" + (STAGES - 1), "done").build());
            Database database = runtime.database();
            Instant monthAgo = clock.instant().minus(Duration.ofDays(30));
            FinishedProcesses old = FinishedProcesses.of(KEY).stages(3).payloadBytes(200);
            List<String> completed = old.insert(database, EXPIRED - 10_000, monthAgo, ProcessStatus.COMPLETED);
            List<String> cancelled = old.insert(database, 10_000, monthAgo, ProcessStatus.CANCELLED);
            List<String> failed = old.insert(database, 100, monthAgo, ProcessStatus.FAILED);
            List<String> running = old.insert(database, 100, monthAgo, ProcessStatus.FAILED);
            execute(database, "UPDATE process SET status = 'RUNNING', error_stage = NULL, error_kind = NULL WHERE id IN ("
                    + quoted(running) + ")");
            execute(database, "UPDATE process_status SET status = 'RUNNING' WHERE process_id IN (" + quoted(running) + ")");
            for (String id : List.of(completed.get(0), completed.get(completed.size() - 1), cancelled.get(0), failed.get(0))) {
                execute(database, "INSERT INTO dead_letter (source_queue, reason, detail, body, process_id, dead_at) "
                        + "VALUES ('q', 'malformed', 'd', 'b', '" + id + "', CURRENT_TIMESTAMP)");
            }
            RetentionStore store = new RetentionStore(database, clock);
            store.setPolicy(KEY.name(), null, RetentionPeriod.parse("P7D"));
            Instant testStart = clock.instant();

            RetentionSweeper.Options options = RetentionSweeper.options().batchSize(BATCH).interval(Duration.ofSeconds(1))
                    .backlogPause(Duration.ofMillis(50));
            AtomicLong deletedWhenStarting = new AtomicLong(-1);
            ScheduledExecutorService starter = Executors.newSingleThreadScheduledExecutor();
            AtomicInteger started = new AtomicInteger();
            try (RetentionSweeper sweeper = RetentionSweeper.start(store, clock, runtime.metrics().registry(), options)) {
                await().atMost(Duration.ofMinutes(1)).until(() -> deleted(store) >= BATCH);
                deletedWhenStarting.set(deleted(store));
                // 10 new processes every 20 ms, so they run through the sweep rather than before or after it.
                starter.scheduleAtFixedRate(() -> {
                    for (int i = 0; i < 10 && started.get() < NEW; i++) {
                        runtime.startProcess(KEY, Map.of("n", started.incrementAndGet()));
                    }
                }, 0, 20, TimeUnit.MILLISECONDS);

                await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(200))
                        .until(() -> count(database, "SELECT COUNT(*) FROM process WHERE created_at >= ? AND status = 'COMPLETED'",
                                testStart) == NEW);
                await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(500)).until(() -> deleted(store) == EXPIRED);
            } finally {
                starter.shutdownNow();
            }

            assertThat(deletedWhenStarting.get()).as("the new processes started while the sweep was running").isLessThan(EXPIRED);
            assertThat(count(database, "SELECT COUNT(*) FROM process WHERE created_at >= ?", testStart)).isEqualTo(NEW);
            assertThat(count(database, "SELECT COUNT(*) FROM stage_run r JOIN process p ON p.id = r.process_id WHERE p.created_at >= ?",
                    testStart)).as("every stage run of the new processes").isEqualTo((long) NEW * STAGES);
            assertThat(count(database, "SELECT COUNT(*) FROM process WHERE status IN ('COMPLETED', 'CANCELLED') AND updated_at < ?",
                    clock.instant().minus(Duration.ofDays(7)))).isZero();
            for (String table : List.of("process_status", "process_payload", "process_data", "stage_run", "outbox", "dead_letter")) {
                assertThat(count(database, "SELECT COUNT(*) FROM " + table
                        + " t WHERE NOT EXISTS (SELECT 1 FROM process p WHERE p.id = t.process_id)"))
                        .as("rows of deleted processes left in " + table).isZero();
            }
            assertThat(count(database, "SELECT COUNT(*) FROM process WHERE id IN (" + quoted(failed) + ") AND status = 'FAILED'"))
                    .isEqualTo(failed.size());
            assertThat(count(database, "SELECT COUNT(*) FROM process WHERE id IN (" + quoted(running) + ") AND status = 'RUNNING'"))
                    .isEqualTo(running.size());
            assertThat(count(database, "SELECT COUNT(*) FROM stage_run WHERE process_id IN (" + quoted(failed) + ", " + quoted(running)
                    + ")")).isEqualTo(200 * 3);
            assertThat(count(database, "SELECT COUNT(*) FROM dead_letter")).as("the failed process's dead letter").isEqualTo(1);

            RetentionStatus.Sweep sweep = store.status().sweep();
            Timer batches = runtime.metrics().registry().get("caseflow.retention.batch").timer();
            assertThat(sweep.deletedTotal()).isEqualTo(EXPIRED);
            assertThat(sweep.largestBatch()).as("no sweep transaction deletes more than its batch").isLessThanOrEqualTo(BATCH);
            assertThat(batches.count()).isGreaterThanOrEqualTo(EXPIRED / BATCH);
            assertThat(runtime.metrics().registry().get("caseflow.retention.deleted").tag("table", "stage_run").counter().count())
                    .isEqualTo(EXPIRED * 3.0);
            double p99 = 0;
            for (ValueAtPercentile value : runtime.metrics().hopLatency().takeSnapshot().percentileValues()) {
                if (value.percentile() == 0.99) {
                    p99 = value.value(TimeUnit.MILLISECONDS);
                }
            }
            System.out.printf("retention under load: %,d deleted in %,d transactions (longest %.1f ms, mean %.1f ms); "
                            + "%,d new processes completed, hop latency p99 %.1f ms%n", sweep.deletedTotal(), batches.count(),
                    batches.max(TimeUnit.MILLISECONDS), batches.mean(TimeUnit.MILLISECONDS), NEW, p99);
        }
    }

    private static long deleted(RetentionStore store) {
        RetentionStatus.Sweep sweep = store.status().sweep();
        return sweep == null ? 0 : sweep.deletedTotal();
    }

    private static String quoted(List<String> ids) {
        return "'" + String.join("', '", ids) + "'";
    }

    private static void execute(Database database, String sql) throws SQLException {
        try (Connection connection = database.dataSource().getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.executeUpdate();
            connection.commit();
        }
    }

    private static long count(Database database, String sql, Object... parameters) throws SQLException {
        try (Connection connection = database.dataSource().getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i] instanceof Instant instant
                        ? OffsetDateTime.ofInstant(instant, ZoneOffset.UTC) : parameters[i]);
            }
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                long value = rs.getLong(1);
                connection.commit();
                return value;
            }
        }
    }
}
