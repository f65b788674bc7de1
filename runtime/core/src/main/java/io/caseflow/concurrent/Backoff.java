package io.caseflow.concurrent;

import java.time.Duration;

/**
 * Exponential backoff for loops that wait for something to come back (a database, a broker): each
 * failure doubles the pause up to a ceiling; a success starts again from the first pause. Not
 * thread-safe: one per loop.
 */
public final class Backoff {
    private final Duration first;
    private final Duration max;
    private Duration next;

    public Backoff(Duration first, Duration max) {
        if (first.isNegative() || first.isZero() || max.compareTo(first) < 0) {
            throw new IllegalArgumentException("backoff needs 0 < first <= max, was " + first + " and " + max);
        }
        this.first = first;
        this.max = max;
        this.next = first;
    }

    /** The pause to take after this failure; the one after it is twice as long, up to the ceiling. */
    public Duration nextDelay() {
        Duration delay = next;
        Duration doubled = next.multipliedBy(2);
        next = doubled.compareTo(max) > 0 ? max : doubled;
        return delay;
    }

    /** The pause for the n-th consecutive failure (0-based), without changing this backoff's state. */
    public Duration delayFor(int failures) {
        Duration delay = first;
        for (int i = 0; i < failures && delay.compareTo(max) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(max) > 0 ? max : delay;
    }

    public void reset() {
        next = first;
    }

    /** Sleeps for the next delay; false if interrupted (the interrupt flag is set again). */
    public boolean pause() {
        return Sleeper.sleep(nextDelay());
    }
}
