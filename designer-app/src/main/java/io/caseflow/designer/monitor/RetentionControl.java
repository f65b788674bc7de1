package io.caseflow.designer.monitor;

import io.caseflow.retention.RetentionPolicy;
import io.caseflow.retention.RetentionStatus;
import java.util.concurrent.CompletableFuture;

/**
 * Retention as a monitor source reaches it ({@link MonitorSource#retention()}): read the status, set or clear a
 * case's period, and, where the source runs the runtime itself, sweep now. Like every source call, asynchronous:
 * futures complete on the source's threads, exceptionally when it cannot answer.
 */
public interface RetentionControl {

    CompletableFuture<RetentionStatus> status();

    /** Sets the period of {@code caseName}/{@code api} ({@code api} null: every api of the case); {@code period} like P30D or forever. */
    CompletableFuture<RetentionPolicy> set(String caseName, String api, String period);

    /** Removes exactly this target's policy; true if there was one. */
    CompletableFuture<Boolean> clear(String caseName, String api);

    /** Whether {@link #sweepNow()} works here: on a runtime in this JVM; a server sweeps on its own schedule. */
    default boolean canSweep() {
        return false;
    }

    /** Runs one sweep now and tells how many finished processes it deleted. */
    default CompletableFuture<Long> sweepNow() {
        return CompletableFuture.failedFuture(new UnsupportedOperationException("the server sweeps on its own schedule"));
    }
}
