package io.caseflow.bench;

import io.caseflow.json.Json;
import io.caseflow.store.Database;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the bytes a process carries cost by themselves, with no runtime around them (issue 14's flat cost): each
 * process's input, free data and stage results are encoded from the very values {@link CaseBenchmark} hands the
 * runtime and written to an H2 file opened as the runtime opens it ({@link Database#h2File}) by as many writer threads
 * as the runtime has worker threads: a row at the start, a row for each stage's result, the data at the first stage.
 * Nothing is read, routed, queued or fenced, and the steps share commits more generously than a durable runtime can
 * (by default a whole process's steps in one commit, where the runtime's group commit joins the steps that are ready
 * at once): what is left grows with the bytes, not with the commits.
 *
 * <p>Run once with the payload and once without, the difference in machine time per transition is the least that any
 * design keeping the JSON in the store pays for the bytes; added to a runtime's own time per transition, it bounds how
 * fast that runtime can carry them.
 */
final class PayloadFloor {
    /** Large enough for what {@link CaseBenchmark.Payload} allows, as the runtime's own JSON columns on H2. */
    private static final String BYTES_COLUMN = "VARBINARY(1000000000)";
    private static final Duration WARM_UP_LIMIT = Duration.ofSeconds(60);

    /** One run: {@code transitions} stage steps (the starts not counted, as the runtime's benchmark counts them). */
    record Result(long transitions, Duration elapsed, Optional<CpuUsage.Split> cpu) {
        double transitionsPerSecond() {
            return transitions / (elapsed.toNanos() / 1e9);
        }

        /** Machine time per transition, in microseconds: what a run's throughput leaves for each transition. */
        double microsPerTransition() {
            return 1e6 / transitionsPerSecond();
        }
    }

    private final CaseBenchmark.Payload payload;
    private final Object inputValue;
    private final Object dataValue;
    private final Object resultValue;

    PayloadFloor(CaseBenchmark.Payload payload) {
        this.payload = payload;
        this.inputValue = payload.value(payload.inputBytes(), 'i');
        this.dataValue = payload.value(payload.dataBytes(), 'd');
        this.resultValue = payload.value(payload.resultBytes(), 'r');
    }

    /**
     * Writes rounds of {@code warmup} processes unmeasured until the JIT compiler is quiet, then {@code processes}
     * measured, of {@code stages} steps each after the start, with {@code threads} writers each committing every
     * {@code stepsPerCommit} steps, into a new H2 file under {@code directory}.
     */
    Result run(Path directory, int processes, int stages, int threads, int warmup, int stepsPerCommit)
            throws SQLException, InterruptedException {
        String url = Database.h2File(directory.resolve("floor"));
        try (Connection keeper = DriverManager.getConnection(url); Statement ddl = keeper.createStatement()) {
            // the keeper holds the database open between the two phases, as a runtime holds its pool
            ddl.execute("CREATE TABLE floor_process (id BIGINT PRIMARY KEY, input " + BYTES_COLUMN + " NOT NULL, data " + BYTES_COLUMN + ")");
            ddl.execute("CREATE TABLE floor_stage_run (process_id BIGINT NOT NULL, step INTEGER NOT NULL, output " + BYTES_COLUMN
                    + ", PRIMARY KEY (process_id, step))");
            AtomicLong ids = new AtomicLong();
            warmUp(url, ids, warmup, stages, threads, stepsPerCommit);
            Optional<CpuUsage.Sample> before = CpuUsage.sample();
            long started = System.nanoTime();
            write(url, ids, ids.get() + processes, stages, threads, stepsPerCommit);
            Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
            long transitions = (long) processes * stages;
            return new Result(transitions, elapsed, CpuUsage.between(before, CpuUsage.sample(), transitions));
        }
    }

    /**
     * Rounds of {@code processes} until the JIT compiler is quiet, for at most {@link #WARM_UP_LIMIT}: on 2 cores a run
     * measured while it compiles measured the compiler (the first pair of a JVM ran at half the speed of the second).
     */
    private void warmUp(String url, AtomicLong ids, int processes, int stages, int threads, int stepsPerCommit)
            throws SQLException, InterruptedException {
        if (processes == 0) {
            return;
        }
        JitActivity jit = new JitActivity();
        long deadline = System.nanoTime() + WARM_UP_LIMIT.toNanos();
        do {
            write(url, ids, ids.get() + processes, stages, threads, stepsPerCommit);
        } while (jit.measurable() && jit.shareSinceMark() > JitActivity.QUIET_SHARE && System.nanoTime() < deadline);
    }

    /** Writers take process ids from {@code ids} until it reaches {@code until}. */
    private void write(String url, AtomicLong ids, long until, int stages, int writers, int stepsPerCommit)
            throws InterruptedException, SQLException {
        List<Thread> threads = new ArrayList<>();
        List<Exception> failures = new ArrayList<>();
        for (int t = 0; t < writers; t++) {
            Thread thread = new Thread(() -> {
                try (Connection connection = DriverManager.getConnection(url)) {
                    Writer writer = new Writer(connection, stepsPerCommit);
                    for (long id = ids.getAndIncrement(); id < until; id = ids.getAndIncrement()) {
                        writer.writeProcess(id, stages);
                    }
                    writer.finish();
                } catch (SQLException | RuntimeException e) { // a writer that stopped early would make the rate a lie
                    synchronized (failures) {
                        failures.add(e);
                    }
                }
            }, "floor-writer-" + t);
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        if (!failures.isEmpty()) {
            throw new SQLException("a writer failed: " + failures.get(0).getMessage(), failures.get(0));
        }
    }

    /** One writer's connection, committing after every {@code stepsPerCommit} steps it wrote. */
    private final class Writer {
        private final Connection connection;
        private final PreparedStatement start;
        private final PreparedStatement stageRun;
        private final PreparedStatement data;
        private final int stepsPerCommit;
        private int uncommitted;

        Writer(Connection connection, int stepsPerCommit) throws SQLException {
            this.connection = connection;
            this.stepsPerCommit = stepsPerCommit;
            connection.setAutoCommit(false);
            start = connection.prepareStatement("INSERT INTO floor_process (id, input) VALUES (?, ?)");
            stageRun = connection.prepareStatement("INSERT INTO floor_stage_run (process_id, step, output) VALUES (?, ?, ?)");
            data = connection.prepareStatement("UPDATE floor_process SET data = ? WHERE id = ?");
        }

        void writeProcess(long id, int stages) throws SQLException {
            start.setLong(1, id);
            start.setBytes(2, Json.writeBytes(payload.inputBytes() > 0 ? Map.of("n", id, "document", inputValue) : Map.of("n", id)));
            start.executeUpdate();
            stepDone();
            for (int step = 1; step <= stages; step++) {
                stageRun.setLong(1, id);
                stageRun.setInt(2, step);
                stageRun.setBytes(3, payload.resultBytes() > 0 ? Json.writeBytes(Map.of("reply", resultValue)) : null);
                stageRun.executeUpdate();
                if (step == 1 && payload.dataBytes() > 0) {
                    data.setBytes(1, Json.writeBytes(Map.of("document", dataValue)));
                    data.setLong(2, id);
                    data.executeUpdate();
                }
                stepDone();
            }
        }

        private void stepDone() throws SQLException {
            if (++uncommitted >= stepsPerCommit) {
                connection.commit();
                uncommitted = 0;
            }
        }

        void finish() throws SQLException {
            connection.commit();
        }
    }

    /** The line a run prints. */
    static String describe(String label, Result result) {
        return String.format(Locale.ROOT, "%-22s %,12.0f transitions/s  %8.1f µs of machine time each  %s", label,
                result.transitionsPerSecond(), result.microsPerTransition(),
                result.cpu().map(cpu -> String.format(Locale.ROOT, "(this JVM %.0f µs CPU, machine idle %.0f %%)", cpu.jvmMicros(),
                        100 * cpu.idleShare())).orElse(""));
    }
}
