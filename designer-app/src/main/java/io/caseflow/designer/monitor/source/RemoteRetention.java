package io.caseflow.designer.monitor.source;

import io.caseflow.client.CaseflowClient;
import io.caseflow.designer.monitor.RetentionControl;
import io.caseflow.retention.RetentionPolicy;
import io.caseflow.retention.RetentionStatus;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.Supplier;

/** Retention of a remote server over its HTTP API: read with the read-only token, set and clear with the API token. */
final class RemoteRetention implements RetentionControl {

    /** How a call runs: the source's executor, its error translation. */
    interface Caller {
        <T> CompletableFuture<T> call(String what, Supplier<T> work);
    }

    private final Caller caller;
    private final CaseflowClient reads;
    private final Function<String, CaseflowClient> actions;

    RemoteRetention(Caller caller, CaseflowClient reads, Function<String, CaseflowClient> actions) {
        this.caller = caller;
        this.reads = reads;
        this.actions = actions;
    }

    @Override
    public CompletableFuture<RetentionStatus> status() {
        return caller.call("reading retention", reads::retention);
    }

    @Override
    public CompletableFuture<RetentionPolicy> set(String caseName, String api, String period) {
        return caller.call("setting retention", () -> actions.apply("setting retention").setRetention(caseName, api, period));
    }

    @Override
    public CompletableFuture<Boolean> clear(String caseName, String api) {
        return caller.call("clearing retention", () -> actions.apply("clearing retention").clearRetention(caseName, api));
    }
}
