package io.caseflow.designer.monitor;

import java.time.Instant;

/**
 * What the small chart draws: stage runs per second over the last {@value #SECONDS} seconds and
 * failures per minute over the last {@value #MINUTES} minutes, counted from live events as they are
 * drained. Plain ring buffers; the UI thread records and reads.
 */
public final class ThroughputHistory {
    public static final int SECONDS = 120;
    public static final int MINUTES = 30;
    private final long[] perSecond = new long[SECONDS + 1];
    private final long[] perMinute = new long[MINUTES];
    private long second = Long.MIN_VALUE;
    private long minute = Long.MIN_VALUE;
    private long totalStageRuns;
    private long totalFailures;

    /** Adds what happened up to {@code now}. */
    public void record(Instant now, long stageRuns, long failures) {
        advance(now);
        perSecond[slot(second)] += stageRuns;
        perMinute[(int) Math.floorMod(minute, MINUTES)] += failures;
        totalStageRuns += stageRuns;
        totalFailures += failures;
    }

    private void advance(Instant now) {
        long s = now.getEpochSecond();
        long m = Math.floorDiv(s, 60);
        if (second == Long.MIN_VALUE) {
            second = s;
            minute = m;
            return;
        }
        for (long t = second + 1; t <= s && t <= second + SECONDS + 1; t++) {
            perSecond[slot(t)] = 0;
        }
        for (long t = minute + 1; t <= m && t <= minute + MINUTES; t++) {
            perMinute[(int) Math.floorMod(t, MINUTES)] = 0;
        }
        second = Math.max(second, s);
        minute = Math.max(minute, m);
    }

    private static int slot(long epochSecond) {
        return (int) Math.floorMod(epochSecond, SECONDS + 1);
    }

    /** Stage runs in each of the last {@value #SECONDS} whole seconds, oldest first (the running second left out). */
    public long[] stagesPerSecond(Instant now) {
        advance(now);
        long[] out = new long[SECONDS];
        for (int i = 0; i < SECONDS; i++) {
            out[i] = perSecond[slot(second - SECONDS + i)];
        }
        return out;
    }

    /** Failures in each of the last {@value #MINUTES} minutes, oldest first, the running minute last. */
    public long[] failuresPerMinute(Instant now) {
        advance(now);
        long[] out = new long[MINUTES];
        for (int i = 0; i < MINUTES; i++) {
            out[i] = perMinute[(int) Math.floorMod(minute - MINUTES + 1 + i, MINUTES)];
        }
        return out;
    }

    /** Mean stage runs per second over the last 5 whole seconds. */
    public double currentRate(Instant now) {
        long[] s = stagesPerSecond(now);
        long sum = 0;
        for (int i = SECONDS - 5; i < SECONDS; i++) {
            sum += s[i];
        }
        return sum / 5.0;
    }

    /** Failures in the running minute and the one before it, whichever is larger. */
    public long recentFailuresPerMinute(Instant now) {
        long[] m = failuresPerMinute(now);
        return Math.max(m[MINUTES - 1], m[MINUTES - 2]);
    }

    public long totalStageRuns() {
        return totalStageRuns;
    }

    public long totalFailures() {
        return totalFailures;
    }
}
