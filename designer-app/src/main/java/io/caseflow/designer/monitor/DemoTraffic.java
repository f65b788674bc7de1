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

    /**
     * Sends a message the runtime must refuse (a service reply with a forged task id), so the dead
     * letters have something to show; completes with what was sent, in words.
     */
    default CompletableFuture<String> sendForgedReply() {
        return CompletableFuture.failedFuture(new UnsupportedOperationException("this source sends no test messages"));
    }
}
