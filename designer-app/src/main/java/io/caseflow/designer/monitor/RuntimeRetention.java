package io.caseflow.designer.monitor;

import io.caseflow.CaseflowRuntime;
import io.caseflow.retention.RetentionPeriod;
import io.caseflow.retention.RetentionPolicy;
import io.caseflow.retention.RetentionStatus;
import io.caseflow.retention.sweep.RetentionStore;
import io.caseflow.retention.sweep.RetentionSweeper;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * Retention of a runtime in this JVM (the embedded runtime): its store's policies and sweep record, and a sweep on
 * demand with the default options (no default period: only cases with a policy are swept). Every call goes through
 * the source's {@link Caller}, off the UI thread.
 */
final class RuntimeRetention implements RetentionControl {

    /** How a call reaches the runtime: {@link RuntimeBackedSource#call}. */
    interface Caller {
        <T> CompletableFuture<T> call(String what, Function<CaseflowRuntime, T> work);
    }

    private final Caller caller;

    RuntimeRetention(Caller caller) {
        this.caller = caller;
    }

    private static RetentionStore store(CaseflowRuntime runtime) {
        return new RetentionStore(runtime.database(), runtime.clock());
    }

    @Override
    public CompletableFuture<RetentionStatus> status() {
        return caller.call("reading retention", rt -> store(rt).status());
    }

    @Override
    public CompletableFuture<RetentionPolicy> set(String caseName, String api, String period) {
        return caller.call("setting retention", rt -> store(rt).setPolicy(caseName, api, RetentionPeriod.parse(period)));
    }

    @Override
    public CompletableFuture<Boolean> clear(String caseName, String api) {
        return caller.call("clearing retention", rt -> store(rt).clearPolicy(caseName, api));
    }

    @Override
    public boolean canSweep() {
        return true;
    }

    @Override
    public CompletableFuture<Long> sweepNow() {
        return caller.call("sweeping", rt -> new RetentionSweeper(store(rt), rt.clock(), rt.metrics().registry(), RetentionSweeper.options())
                .sweepOnce().processes());
    }
}
