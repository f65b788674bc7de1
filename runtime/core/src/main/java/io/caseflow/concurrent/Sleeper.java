package io.caseflow.concurrent;

import java.time.Duration;

/** Sleeping in loops that must stop when their thread is interrupted. */
public final class Sleeper {
    private Sleeper() {
    }

    /** Sleeps; returns false (with the interrupt flag set again) if the thread was interrupted. */
    public static boolean sleep(Duration duration) {
        try {
            Thread.sleep(Math.max(0, duration.toMillis()));
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
