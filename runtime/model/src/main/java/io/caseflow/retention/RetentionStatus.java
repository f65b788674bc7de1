package io.caseflow.retention;

import java.time.Instant;
import java.util.List;

/**
 * Retention as {@code GET /api/retention} shows it: the policies set, what applies to each deployed case api,
 * the sweeper's state and the oldest finished process still kept.
 *
 * @param defaultPeriod the default of the node that swept last (null: no default, or no sweeper has run yet)
 * @param oldestFinishedKept when the oldest COMPLETED or CANCELLED process still in the store finished (null: none)
 */
public record RetentionStatus(RetentionPeriod defaultPeriod, List<RetentionPolicy> policies, List<CaseRetention> cases, Sweep sweep,
                              Instant oldestFinishedKept) {
    public RetentionStatus {
        policies = List.copyOf(policies);
        cases = List.copyOf(cases);
    }

    /**
     * The sweeper, as recorded in the store by whichever node swept (only one at a time holds the lease).
     *
     * @param node the node holding or last holding the lease (null: no sweep yet)
     * @param leaseUntil until when it holds the lease
     * @param lastStartedAt when the last sweep started
     * @param lastFinishedAt when the last sweep ended (null while the first one runs)
     * @param lastDeleted processes deleted by the last sweep (or the running one, so far)
     * @param deletedTotal processes deleted since the store was created
     * @param largestBatch the most processes one transaction of the sweeper deleted
     * @param lastError why the last sweep stopped early (null: it did not)
     */
    public record Sweep(String node, Instant leaseUntil, Instant lastStartedAt, Instant lastFinishedAt, long lastDeleted,
                        long deletedTotal, int largestBatch, String lastError) {
    }
}
