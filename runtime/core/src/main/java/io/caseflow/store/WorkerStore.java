package io.caseflow.store;

import io.caseflow.worker.WorkerRecord;
import java.time.Instant;
import java.util.List;

/**
 * The live worker registry's records. Each node writes only its own record; any node reads them all
 * and deletes the ones nobody has seen for long. Thread-safe.
 */
public interface WorkerStore {

    /** At most this many records are listed: a registry is for watching nodes, not an archive. */
    int MAX_LISTED = 1000;

    /** Writes the record, replacing any earlier one with its id. */
    void register(WorkerRecord worker);

    /**
     * Refreshes a running node's {@code last_seen} and what it serves. False if the record is gone (aged
     * out while the node was frozen) or was marked stopped: the caller registers again if it still runs.
     */
    boolean heartbeat(WorkerRecord worker);

    /** Marks the node stopped at {@code at}; a stopped record takes no more heartbeats. */
    void markStopped(String workerId, Instant at);

    /** Every record (up to {@link #MAX_LISTED}), oldest start first. */
    List<WorkerRecord> all();

    /** Deletes up to {@code batch} records last seen before {@code cutoff}, oldest first; returns how many. */
    int deleteSeenBefore(Instant cutoff, int batch);

    /** At most this many counters are written per node: a node has a few dozen. */
    int MAX_COUNTERS = 500;

    /** Replaces the node's counters (up to {@link #MAX_COUNTERS}); a node without a record writes nothing. */
    void writeCounters(String workerId, List<CounterValue> counters);

    /** Every node's counters summed by meter and tags; a node's last values count until its record ages out. */
    List<CounterValue> counterTotals();
}
