package io.caseflow.retention.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import io.caseflow.definition.CaseDefinition;
import io.caseflow.definition.CaseKey;
import io.caseflow.definition.StageDefinition;
import io.caseflow.process.ProcessStatus;
import io.caseflow.retention.CaseRetention;
import io.caseflow.retention.RetentionPeriod;
import io.caseflow.retention.RetentionStatus;
import io.caseflow.store.Database;
import io.caseflow.store.JdbcDefinitionStore;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Retention against every database the store supports: what a sweep deletes, what it keeps, and who may sweep. */
abstract class RetentionContractTest {
    static final CaseKey ORDERS = new CaseKey("orders", "v1");
    static final CaseKey KEPT = new CaseKey("ledger", "v1");
    private final Clock clock = Clock.systemUTC();
    private final Instant monthAgo = clock.instant().minus(Duration.ofDays(30));
    protected Database database;
    private RetentionStore store;

    /** A JDBC URL of an empty database. */
    protected abstract String freshDatabaseUrl();

    @BeforeEach
    void open() {
        database = Database.open(freshDatabaseUrl(), 4);
        store = new RetentionStore(database, clock);
        JdbcDefinitionStore definitions = new JdbcDefinitionStore(database, clock);
        for (CaseKey key : List.of(ORDERS, KEPT)) {
            definitions.deploy(CaseDefinition.builder(key.name(), key.api()).stage(StageDefinition.task("s1", "h"))
                    .stage(StageDefinition.end("done")).transition("s1", "done").build());
        }
    }

    @AfterEach
    void close() {
        database.close();
    }

    private RetentionSweeper sweeper(String owner) {
        return new RetentionSweeper(store, clock, new SimpleMeterRegistry(), RetentionSweeper.options().owner(owner).batchSize(500));
    }

    @Test
    void a_sweep_deletes_expired_finished_processes_with_every_row_and_keeps_everything_else() throws SQLException {
        FinishedProcesses orders = FinishedProcesses.of(ORDERS).stages(3);
        List<String> completed = orders.insert(database, 1_200, monthAgo, ProcessStatus.COMPLETED);
        List<String> cancelled = orders.insert(database, 300, monthAgo, ProcessStatus.CANCELLED);
        List<String> failed = orders.insert(database, 20, monthAgo, ProcessStatus.FAILED);
        List<String> running = orders.insert(database, 20, monthAgo, ProcessStatus.FAILED);
        execute("UPDATE process SET status = 'RUNNING', error_stage = NULL, error_kind = NULL WHERE id IN ('"
                + String.join("', '", running) + "')");
        execute("UPDATE process_status SET status = 'RUNNING' WHERE process_id IN ('" + String.join("', '", running) + "')");
        List<String> recent = orders.insert(database, 20, clock.instant().minus(Duration.ofDays(1)), ProcessStatus.COMPLETED);
        List<String> otherCase = FinishedProcesses.of(KEPT).insert(database, 10, monthAgo, ProcessStatus.COMPLETED);
        for (String id : List.of(completed.get(0), cancelled.get(0), failed.get(0), running.get(0))) {
            execute("INSERT INTO dead_letter (source_queue, reason, detail, body, process_id, dead_at) VALUES ('q', 'malformed', 'd', 'b', '"
                    + id + "', CURRENT_TIMESTAMP)");
            execute("INSERT INTO outbox (destination, kind, process_id, body, available_at, created_at) VALUES ('q', 'STAGE_DUE', '"
                    + id + "', '{}', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)");
        }
        for (String id : List.of(completed.get(1), failed.get(1))) { // started with an idempotency key
            execute("UPDATE process SET idempotency_key = 'key-" + id + "' WHERE id = '" + id + "'");
            execute("INSERT INTO process_idempotency (case_name, case_api, idempotency_key, process_id) VALUES ('orders', 'v1', 'key-"
                    + id + "', '" + id + "')");
        }
        store.setPolicy("orders", null, RetentionPeriod.parse("P7D"));

        RetentionSweeper.Report report = sweeper("node-a").sweepOnce();

        assertThat(report.leased()).isTrue();
        assertThat(report.processes()).isEqualTo(1_500);
        assertThat(report.largestBatch()).isLessThanOrEqualTo(500);
        // 500 processes, each with a status row, an input row, a data row and 3 stage runs, plus the few outbox rows and dead letters.
        assertThat(report.largestBatchRows()).isLessThanOrEqualTo(500 * 7 + 4);
        assertThat(report.transactions()).isGreaterThanOrEqualTo(4);
        assertThat(count("SELECT COUNT(*) FROM process")).isEqualTo(20 + 20 + 20 + 10);
        for (String table : List.of("process_status", "process_payload", "process_data", "stage_run", "outbox", "dead_letter")) {
            assertThat(count("SELECT COUNT(*) FROM " + table + " t WHERE NOT EXISTS (SELECT 1 FROM process p WHERE p.id = t.process_id)"))
                    .as("rows of deleted processes left in " + table).isZero();
        }
        assertThat(count("SELECT COUNT(*) FROM stage_run")).isEqualTo(70 * 3);
        assertThat(count("SELECT COUNT(*) FROM process_idempotency WHERE process_id = '" + completed.get(1) + "'"))
                .as("a deleted process's key can start a new process").isZero();
        assertThat(count("SELECT COUNT(*) FROM process_idempotency WHERE process_id = '" + failed.get(1) + "'")).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM dead_letter")).isEqualTo(2);
        assertThat(count("SELECT COUNT(*) FROM outbox")).isEqualTo(2);
        for (List<String> kept : List.of(failed, running, recent, otherCase)) {
            assertThat(count("SELECT COUNT(*) FROM process WHERE id IN ('" + String.join("', '", kept) + "')")).isEqualTo(kept.size());
        }

        RetentionStatus status = store.status();
        assertThat(status.sweep().deletedTotal()).isEqualTo(1_500);
        assertThat(status.sweep().lastDeleted()).isEqualTo(1_500);
        assertThat(status.sweep().largestBatch()).isEqualTo(500);
        assertThat(status.sweep().lastFinishedAt()).isNotNull();
        assertThat(status.sweep().node()).as("the lease is given back").isNull();
        assertThat(status.cases()).extracting(CaseRetention::source).containsExactly(CaseRetention.Source.NONE, CaseRetention.Source.CASE);
        assertThat(status.cases().get(1).oldestFinishedKept()).isAfter(clock.instant().minus(Duration.ofDays(2)));
        assertThat(status.oldestFinishedKept()).isBefore(clock.instant().minus(Duration.ofDays(29)));
        assertThat(sweeper("node-a").sweepOnce().processes()).as("nothing is left to delete").isZero();
    }

    @Test
    void only_one_node_sweeps_at_a_time() {
        assertThat(store.takeLease("node-a", clock.instant().plusSeconds(60), null)).isTrue();

        assertThat(sweeper("node-b").sweepOnce().leased()).isFalse();
        assertThat(store.status().sweep().node()).isEqualTo("node-a");

        store.finishSweep("node-a", null);
        assertThat(sweeper("node-b").sweepOnce().leased()).isTrue();
    }

    @Test
    void a_lease_that_ran_out_can_be_taken_and_the_old_holder_deletes_nothing_more() throws SQLException {
        FinishedProcesses.of(ORDERS).insert(database, 10, monthAgo, ProcessStatus.COMPLETED);
        assertThat(store.takeLease("frozen", clock.instant().minusSeconds(1), null)).isTrue();
        assertThat(store.takeLease("node-b", clock.instant().plusSeconds(60), null)).isTrue();

        assertThat(store.deleteBatch("frozen", clock.instant().plusSeconds(60), ORDERS, ProcessStatus.COMPLETED, clock.instant(), 100))
                .isEmpty();
        assertThat(count("SELECT COUNT(*) FROM process")).isEqualTo(10);
    }

    @Test
    void with_a_default_every_case_without_a_policy_is_swept_and_forever_keeps_a_case() throws SQLException {
        FinishedProcesses.of(ORDERS).insert(database, 10, monthAgo, ProcessStatus.COMPLETED);
        FinishedProcesses.of(KEPT).insert(database, 10, monthAgo, ProcessStatus.COMPLETED);
        store.setPolicy("ledger", "v1", RetentionPeriod.FOREVER);
        RetentionSweeper sweeper = new RetentionSweeper(store, clock, new SimpleMeterRegistry(),
                RetentionSweeper.options().defaultPeriod(RetentionPeriod.parse("P14D")));

        assertThat(sweeper.sweepOnce().processes()).isEqualTo(10);
        assertThat(count("SELECT COUNT(*) FROM process WHERE case_name = 'ledger'")).isEqualTo(10);
        assertThat(store.status().defaultPeriod()).hasToString("P14D");
        assertThat(store.clearPolicy("ledger", "v1")).isTrue();
        assertThat(store.clearPolicy("ledger", "v1")).isFalse();
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = database.dataSource().getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.executeUpdate();
            connection.commit();
        }
    }

    private long count(String sql) throws SQLException {
        try (Connection connection = database.dataSource().getConnection(); PreparedStatement statement = connection.prepareStatement(sql);
             ResultSet rs = statement.executeQuery()) {
            rs.next();
            long value = rs.getLong(1);
            connection.commit();
            return value;
        }
    }
}
