package io.caseflow.designer.monitor;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Sample traffic a source can make on request: the embedded runtime starts sample orders (some of
 * which fail by design, so there is something to retry). Remote sources have none.
 */
public interface DemoTraffic {
    /** What the action is called in the UI, e.g. "sample orders". */
    String describe();

    /** Starts {@code count} processes; completes with their ids once all were started. */
    CompletableFuture<List<String>> start(int count);
}
