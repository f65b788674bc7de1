package io.caseflow.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.caseflow.definition.CaseKey;
import io.caseflow.store.CounterValue;
import io.caseflow.store.Database;
import io.caseflow.store.JdbcWorkerStore;
import io.caseflow.worker.WorkerRecord;
import io.caseflow.worker.WorkerStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The live worker registry over a real store; one contract, run on every database the store supports. */
abstract class WorkerRegistryContractTest {
    private static final CaseKey ORDERS = new CaseKey("orders", "v1");
    private static final Duration FAST = Duration.ofMillis(100);

    private Database database;
    private JdbcWorkerStore store;

    /** A JDBC URL of an empty database. */
    protected abstract String freshDatabaseUrl();

    @BeforeEach
    void open() {
        database = Database.open(freshDatabaseUrl(), 4);
        store = new JdbcWorkerStore(database);
    }

    @AfterEach
    void close() {
        database.close();
    }

    private static WorkerRecord record(String id, Instant lastSeen) {
        Instant now = lastSeen.truncatedTo(ChronoUnit.MILLIS);
        return new WorkerRecord(id, "worker", "host-a", 4242, "1.2.3", now.minusSeconds(60), now, null, Duration.ofSeconds(5),
                List.of(ORDERS), List.of("orders.check", "orders.ship"), List.of("payments"));
    }

    @Test
    void a_registered_record_reads_back_as_written() {
        WorkerRecord written = record("w-1", Instant.now());
        store.register(written);
        assertThat(store.all()).containsExactly(written);
    }

    @Test
    void counters_of_every_node_are_summed_and_go_with_the_node_record() {
        Instant now = Instant.now();
        store.register(record("w-1", now));
        store.register(record("w-2", now.minusSeconds(30)));
        store.writeCounters("w-1", List.of(new CounterValue("caseflow.duplicates.dropped", "reason=stale_step", 2),
                new CounterValue("caseflow.transitions", "", 10)));
        store.writeCounters("w-2", List.of(new CounterValue("caseflow.duplicates.dropped", "reason=stale_step", 3)));
        store.writeCounters("w-2", List.of(new CounterValue("caseflow.duplicates.dropped", "reason=stale_step", 4))); // replaces
        store.writeCounters("no-such-node", List.of(new CounterValue("caseflow.transitions", "", 99)));
        assertThat(store.counterTotals()).containsExactly(new CounterValue("caseflow.duplicates.dropped", "reason=stale_step", 6),
                new CounterValue("caseflow.transitions", "", 10));

        assertThat(store.deleteSeenBefore(now.minusSeconds(10), 10)).isEqualTo(1); // w-2 ages out, its counters with it
        assertThat(store.counterTotals()).containsExactly(new CounterValue("caseflow.duplicates.dropped", "reason=stale_step", 2),
                new CounterValue("caseflow.transitions", "", 10));
    }

    @Test
    void a_heartbeat_refreshes_last_seen_and_what_the_worker_serves() {
        Instant start = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        WorkerRecord written = record("w-1", start);
        store.register(written);
        WorkerRecord later = written.seenAt(start.plusSeconds(5), List.of(ORDERS, new CaseKey("refunds", "v2")), List.of("x"),
                List.of("payments", "shipping"));
        assertThat(store.heartbeat(later)).isTrue();
        assertThat(store.all()).containsExactly(later);
    }

    @Test
    void a_stopped_record_takes_no_heartbeat_and_a_missing_one_says_so() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        store.register(record("w-1", now));
        store.markStopped("w-1", now.plusSeconds(1));
        assertThat(store.heartbeat(record("w-1", now.plusSeconds(2)))).isFalse();
        assertThat(store.heartbeat(record("never-registered", now))).isFalse();
        WorkerRecord stopped = store.all().get(0);
        assertThat(stopped.stoppedAt()).isEqualTo(now.plusSeconds(1));
        assertThat(stopped.statusAt(now.plusSeconds(2))).isEqualTo(WorkerStatus.STOPPED);
    }

    @Test
    void records_not_seen_since_the_cutoff_are_deleted_oldest_first_in_bounded_batches() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        for (int i = 0; i < 5; i++) {
            store.register(record("stale-" + i, now.minus(Duration.ofHours(30)).plusSeconds(i)));
        }
        store.register(record("fresh", now));
        assertThat(store.deleteSeenBefore(now.minus(Duration.ofHours(24)), 3)).isEqualTo(3);
        assertThat(store.all()).extracting(WorkerRecord::id).containsExactlyInAnyOrder("stale-3", "stale-4", "fresh");
        assertThat(store.deleteSeenBefore(now.minus(Duration.ofHours(24)), 3)).isEqualTo(2);
        assertThat(store.deleteSeenBefore(now.minus(Duration.ofHours(24)), 3)).isZero();
        assertThat(store.all()).extracting(WorkerRecord::id).containsExactly("fresh");
        assertThatThrownBy(() -> store.deleteSeenBefore(now, 0)).hasMessageContaining("batch must be at least 1");
    }

    @Test
    void a_registry_beats_while_it_runs_follows_what_it_serves_and_marks_itself_stopped() {
        AtomicReference<List<String>> services = new AtomicReference<>(List.of());
        WorkerRegistry registry = WorkerRegistry.start(store, Clock.systemUTC(), WorkerRegistration.as("worker").withHeartbeat(FAST),
                () -> new WorkerRegistry.Duties(List.of(ORDERS), List.of("orders.check"), services.get()));
        try {
            WorkerRecord first = only();
            assertThat(first.id()).isEqualTo(registry.workerId()).contains(Long.toString(ProcessHandle.current().pid()));
            assertThat(first.pid()).isEqualTo(ProcessHandle.current().pid());
            assertThat(first.kind()).isEqualTo("worker");
            assertThat(first.cases()).containsExactly(ORDERS);
            assertThat(first.heartbeatInterval()).isEqualTo(FAST);
            await().atMost(Duration.ofSeconds(10)).until(() -> only().lastSeenAt().isAfter(first.lastSeenAt()));

            services.set(List.of("payments"));
            registry.refresh();
            assertThat(only().services()).containsExactly("payments");
            assertThat(only().statusAt(Instant.now())).isEqualTo(WorkerStatus.ALIVE);
        } finally {
            registry.close();
        }
        WorkerRecord stopped = only();
        assertThat(stopped.statusAt(Instant.now())).isEqualTo(WorkerStatus.STOPPED);
        Instant lastSeen = stopped.lastSeenAt();
        await().during(FAST.multipliedBy(3)).atMost(Duration.ofSeconds(5)).until(() -> only().lastSeenAt().equals(lastSeen));
    }

    @Test
    void a_registry_whose_record_was_deleted_registers_again_and_ages_out_stale_records() {
        Instant longAgo = Instant.now().minus(Duration.ofDays(2));
        store.register(record("dead-for-two-days", longAgo));
        WorkerRegistry registry = WorkerRegistry.start(store, Clock.systemUTC(), WorkerRegistration.as("embedded").withHeartbeat(FAST),
                () -> new WorkerRegistry.Duties(List.of(), List.of(), List.of()));
        try {
            await().atMost(Duration.ofSeconds(10)).until(() -> store.all().stream().map(WorkerRecord::id).toList(),
                    ids -> ids.equals(List.of(registry.workerId())));
            // As if it had been frozen past the retention. (Not asserting the table is empty afterwards: with a
            // 100 ms heartbeat the registry may already have written itself back, which is the point.)
            assertThat(store.deleteSeenBefore(Instant.now().plusSeconds(60), 10)).isEqualTo(1);
            await().atMost(Duration.ofSeconds(10)).until(() -> store.all().size() == 1);
            assertThat(only().id()).isEqualTo(registry.workerId());
            assertThat(only().kind()).isEqualTo("embedded");
        } finally {
            registry.close();
        }
    }

    @Test
    void registration_settings_are_checked_and_name_the_allowed_range() {
        assertThatThrownBy(() -> WorkerRegistration.as("Worker 1")).hasMessageContaining("was 'Worker 1'");
        assertThatThrownBy(() -> WorkerRegistration.as("worker").withHeartbeat(Duration.ofMillis(10)))
                .hasMessageContaining("heartbeatInterval must be PT0.1S to PT5M, was PT0.01S");
        assertThatThrownBy(() -> WorkerRegistration.as("worker").withRetention(Duration.ofSeconds(20)))
                .hasMessageContaining("retention must be at least twice the heartbeat window (PT30S");
    }

    private WorkerRecord only() {
        List<WorkerRecord> all = store.all();
        assertThat(all).hasSize(1);
        return all.get(0);
    }
}
