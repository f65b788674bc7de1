package io.caseflow.concurrent;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/** The one place that turns an asynchronous failure back into the exception its caller expects. */
public final class Futures {
    private Futures() {
    }

    /** Waits for the result; a failure is rethrown as the original unchecked exception, not wrapped. */
    public static <T> T join(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            throw unwrap(e);
        }
    }

    /** The exception a {@link CompletionException} wraps, if it is unchecked; else the exception itself. */
    public static RuntimeException unwrap(Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        if (cause instanceof RuntimeException runtime) {
            return runtime;
        }
        if (cause instanceof Error fatal) {
            throw fatal;
        }
        return new CompletionException(cause);
    }
}
