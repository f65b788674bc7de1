package io.caseflow.retention.sweep;

import io.caseflow.concurrent.DaemonThreads;
import io.caseflow.definition.CaseKey;
import io.caseflow.process.ProcessStatus;
import io.caseflow.retention.CaseRetention;
import io.caseflow.retention.RetentionPeriod;
import io.caseflow.retention.RetentionPolicy;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.io.IOException;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes finished processes (COMPLETED and CANCELLED; never FAILED, which waits for an operator, nor anything
 * running) once their case's retention period has passed, on a daemon thread, every {@link Options#interval()}.
 *
 * <p>A sweep takes the store's one lease first, so only one node deletes at a time (another node's sweep finds
 * the lease held and waits for its next round). It then deletes in transactions of at most
 * {@link Options#batchSize()} processes, oldest first, each renewing the lease and adding to the sweep record;
 * after each transaction it pauses at least as long as the transaction took ({@link Options#minPause()} at
 * least), so it holds a connection at most half the time and the engine's commits never queue behind it. Every
 * loop is bounded: a sweep runs at most {@link Options#maxBatchesPerSweep()} transactions; a backlog left over
 * is taken up after {@link Options#backlogPause()}, not a whole interval.
 *
 * <p>Counts go to Micrometer ({@code caseflow.retention.deleted{table}}, {@code caseflow.retention.batch}) and to
 * the sweep record {@code GET /api/retention} shows. A store failure ends the sweep (recorded, logged once as
 * WARN) and the next round tries again.
 *
 * <pre>{@code
 * try (RetentionSweeper sweeper = RetentionSweeper.start(database, clock, meters,
 *         RetentionSweeper.options().defaultPeriod(RetentionPeriod.parse("P90D")))) { ... }
 * }</pre>
 */
public final class RetentionSweeper implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RetentionSweeper.class);
    public static final int DEFAULT_BATCH = 500;
    public static final int MAX_BATCH = 5_000;
    public static final Duration DEFAULT_INTERVAL = Duration.ofMinutes(5);
    public static final Duration DEFAULT_MIN_PAUSE = Duration.ofMillis(20);
    public static final Duration DEFAULT_BACKLOG_PAUSE = Duration.ofSeconds(1);
    public static final int DEFAULT_MAX_BATCHES = 200;
    private static final Duration JOIN_TIMEOUT = Duration.ofSeconds(10);

    /** How the sweeper runs; every setting has a default. Immutable. */
    public record Options(RetentionPeriod defaultPeriod, Duration interval, int batchSize, Duration minPause, int maxBatchesPerSweep,
                          Duration backlogPause, String owner) {
        public Options {
            requirePositive("interval", interval);
            requirePositive("minPause", minPause);
            requirePositive("backlogPause", backlogPause);
            if (batchSize < 1 || batchSize > MAX_BATCH) {
                throw new IllegalArgumentException("batchSize must be 1 to " + MAX_BATCH + ", was " + batchSize);
            }
            if (maxBatchesPerSweep < 1 || maxBatchesPerSweep > 100_000) {
                throw new IllegalArgumentException("maxBatchesPerSweep must be 1 to 100000, was " + maxBatchesPerSweep);
            }
            Objects.requireNonNull(owner, "owner");
        }

        /** The period for cases with no policy (null: keep them forever). */
        public Options defaultPeriod(RetentionPeriod value) {
            return new Options(value == null || value.isForever() ? null : value, interval, batchSize, minPause, maxBatchesPerSweep,
                    backlogPause, owner);
        }

        public Options interval(Duration value) {
            return new Options(defaultPeriod, value, batchSize, minPause, maxBatchesPerSweep, backlogPause, owner);
        }

        public Options batchSize(int value) {
            return new Options(defaultPeriod, interval, value, minPause, maxBatchesPerSweep, backlogPause, owner);
        }

        public Options minPause(Duration value) {
            return new Options(defaultPeriod, interval, batchSize, value, maxBatchesPerSweep, backlogPause, owner);
        }

        public Options maxBatchesPerSweep(int value) {
            return new Options(defaultPeriod, interval, batchSize, minPause, value, backlogPause, owner);
        }

        public Options backlogPause(Duration value) {
            return new Options(defaultPeriod, interval, batchSize, minPause, maxBatchesPerSweep, value, owner);
        }

        /** The name this node holds the lease under (default: host, pid and a random part). */
        public Options owner(String value) {
            return new Options(defaultPeriod, interval, batchSize, minPause, maxBatchesPerSweep, backlogPause, value);
        }

        private static void requirePositive(String name, Duration value) {
            if (value == null || value.isNegative() || value.isZero() || value.compareTo(Duration.ofDays(1)) > 0) {
                throw new IllegalArgumentException(name + " must be more than 0 and at most a day, was " + value);
            }
        }
    }

    /**
     * What one sweep did.
     *
     * @param leased false if another node held the lease (then nothing was done)
     * @param backlog true if it stopped at its batch budget with more left to delete
     * @param largestBatch the most processes one transaction deleted
     * @param largestBatchRows the most rows (of every table) one transaction deleted
     * @param longestBatch the longest transaction
     */
    public record Report(boolean leased, long processes, long rows, int transactions, int largestBatch, int largestBatchRows,
                         Duration longestBatch, boolean backlog, String error) {
        static final Report NOT_LEASED = new Report(false, 0, 0, 0, 0, 0, Duration.ZERO, false, null);
    }

    private final RetentionStore store;
    private final Clock clock;
    private final Options options;
    private final Timer batchTimer;
    private final Counter processes;
    private final Counter payloads;
    private final Counter stageRuns;
    private final Counter outboxRows;
    private final Counter deadLetters;
    private final CountDownLatch stopping = new CountDownLatch(1);
    private Thread thread;
    private boolean failing;

    public RetentionSweeper(RetentionStore store, Clock clock, MeterRegistry meters, Options options) {
        this.store = store;
        this.clock = clock;
        this.options = options;
        this.batchTimer = Timer.builder("caseflow.retention.batch").description("one retention transaction").register(meters);
        this.processes = deletedCounter(meters, "process");
        this.payloads = deletedCounter(meters, "process_payload");
        this.stageRuns = deletedCounter(meters, "stage_run");
        this.outboxRows = deletedCounter(meters, "outbox");
        this.deadLetters = deletedCounter(meters, "dead_letter");
    }

    /** Default options: no default period (keep forever), a sweep every 5 minutes, 500 processes per transaction. */
    public static Options options() {
        return new Options(null, DEFAULT_INTERVAL, DEFAULT_BATCH, DEFAULT_MIN_PAUSE, DEFAULT_MAX_BATCHES, DEFAULT_BACKLOG_PAUSE,
                defaultOwner());
    }

    /** A sweeper on its own daemon thread; its first sweep runs at once. */
    public static RetentionSweeper start(RetentionStore store, Clock clock, MeterRegistry meters, Options options) {
        RetentionSweeper sweeper = new RetentionSweeper(store, clock, meters, options);
        sweeper.thread = DaemonThreads.start("caseflow-retention", sweeper::sweepUntilStopped);
        LOG.info("retention sweeper started: default {}, every {}, {} processes per transaction", options.defaultPeriod() == null
                ? "keep forever" : options.defaultPeriod(), options.interval(), options.batchSize());
        return sweeper;
    }

    private static String defaultOwner() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            host = "unknown-host";
        }
        return host + "-" + ProcessHandle.current().pid() + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static Counter deletedCounter(MeterRegistry meters, String table) {
        return Counter.builder("caseflow.retention.deleted").tag("table", table)
                .description("rows deleted by retention, by table (table=process: finished processes)").register(meters);
    }

    private void sweepUntilStopped() {
        Duration pause = Duration.ZERO;
        while (!awaitStop(pause)) {
            Report report = sweepOnce();
            pause = report.backlog() ? options.backlogPause() : options.interval();
        }
    }

    /**
     * One sweep, on the calling thread: takes the lease (or returns {@link Report#leased()} false), deletes what
     * expired, in batches, and gives the lease back. Never throws: a store failure ends the sweep and is reported.
     */
    public Report sweepOnce() {
        String owner = options.owner();
        try {
            if (!store.takeLease(owner, leaseUntil(), options.defaultPeriod())) {
                return Report.NOT_LEASED;
            }
        } catch (RuntimeException e) {
            logFailure(e);
            return new Report(false, 0, 0, 0, 0, 0, Duration.ZERO, false, e.getMessage());
        }
        Tally tally = new Tally();
        String error = null;
        try {
            List<RetentionPolicy> policies = store.policies();
            for (CaseKey key : store.caseKeys()) {
                CaseRetention retention = RetentionPolicy.resolve(policies, key, options.defaultPeriod());
                Optional<Instant> cutoff = retention.period().cutoff(clock.instant());
                if (cutoff.isEmpty()) {
                    continue;
                }
                for (ProcessStatus status : RetentionStore.FINISHED) {
                    if (!sweep(owner, key, status, cutoff.get(), tally)) {
                        break;
                    }
                }
                if (tally.stopped) {
                    break;
                }
            }
            if (failing) {
                LOG.info("retention sweeps work again");
                failing = false;
            }
        } catch (RuntimeException e) {
            logFailure(e);
            error = e.getMessage();
        }
        try {
            store.finishSweep(owner, error);
        } catch (RuntimeException e) {
            logFailure(e); // the lease runs out by itself
        }
        if (tally.processes > 0) {
            LOG.info("retention deleted {} finished process(es) ({} rows) in {} transaction(s){}", tally.processes, tally.rows,
                    tally.transactions, tally.backlog ? "; more are due, continuing shortly" : "");
        }
        return new Report(true, tally.processes, tally.rows, tally.transactions, tally.largest, tally.largestRows, tally.longest,
                tally.backlog, error);
    }

    /** Deletes the expired processes of one case api in one status; false once the sweep must stop. */
    private boolean sweep(String owner, CaseKey key, ProcessStatus status, Instant cutoff, Tally tally) {
        while (true) {
            if (stopping.getCount() == 0 || tally.lostLease) {
                tally.stopped = true;
                return false;
            }
            if (tally.transactions >= options.maxBatchesPerSweep()) {
                tally.backlog = true;
                tally.stopped = true;
                return false;
            }
            long started = System.nanoTime();
            Optional<RetentionStore.Deleted> deleted = store.deleteBatch(owner, leaseUntil(), key, status, cutoff, options.batchSize());
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            batchTimer.record(took);
            if (deleted.isEmpty()) {
                LOG.info("retention: another node took the sweep lease; this node stops sweeping until its next round");
                tally.lostLease = true;
                continue;
            }
            RetentionStore.Deleted batch = deleted.get();
            tally.add(batch, took);
            count(batch);
            if (batch.processes() < options.batchSize()) {
                return true;
            }
            // Yield: at least as long as the transaction took, so the sweeper holds a connection at most half the time.
            if (awaitStop(took.compareTo(options.minPause()) > 0 ? took : options.minPause())) {
                tally.stopped = true;
                return false;
            }
        }
    }

    private void count(RetentionStore.Deleted batch) {
        processes.increment(batch.processes());
        payloads.increment(batch.payloads());
        stageRuns.increment(batch.stageRuns());
        outboxRows.increment(batch.outboxRows());
        deadLetters.increment(batch.deadLetters());
    }

    private Instant leaseUntil() {
        // Long enough for any one transaction and pause; renewed by every batch.
        return clock.instant().plus(Duration.ofMinutes(2)).plus(options.minPause());
    }

    private void logFailure(RuntimeException e) {
        if (!failing) {
            LOG.warn("retention sweep failed ({}); the next round tries again", e.getMessage());
            failing = true;
        }
    }

    private boolean awaitStop(Duration pause) {
        try {
            return stopping.await(pause.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
    }

    /** Stops the sweeper; a batch in progress finishes (its transaction is short) and the lease is given back. */
    @Override
    public void close() {
        stopping.countDown();
        Thread running = thread;
        if (running != null) {
            try {
                running.join(JOIN_TIMEOUT.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static final class Tally {
        long processes;
        long rows;
        int transactions;
        int largest;
        int largestRows;
        Duration longest = Duration.ZERO;
        boolean backlog;
        boolean stopped;
        boolean lostLease;

        void add(RetentionStore.Deleted batch, Duration took) {
            processes += batch.processes();
            rows += batch.rows();
            transactions++;
            largest = Math.max(largest, batch.processes());
            largestRows = Math.max(largestRows, batch.rows());
            if (took.compareTo(longest) > 0) {
                longest = took;
            }
        }
    }
}
