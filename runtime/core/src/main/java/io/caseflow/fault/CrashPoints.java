package io.caseflow.fault;

import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Fault injection for crash tests, off unless the JVM is started with
 * {@code -Dcaseflow.crash-at=POINT} (optionally {@code POINT:N} to stop the N-th time it is reached).
 * The thread that reaches the point prints {@value #MARKER} and the point's name on standard output
 * and stops there; the test then kills the JVM with SIGKILL. If nobody does within a minute, the JVM
 * halts itself so a broken test cannot hang.
 *
 * <p>Costs one volatile read when off.
 */
public final class CrashPoints {
    public static final String PROPERTY = "caseflow.crash-at";
    public static final String MARKER = "CASEFLOW-CRASH-POINT-REACHED";

    private static final CrashPoint ARMED;
    private static final int AFTER;
    private static final AtomicInteger REACHED = new AtomicInteger();

    static {
        String setting = System.getProperty(PROPERTY, "").trim();
        CrashPoint point = null;
        int after = 1;
        if (!setting.isEmpty()) {
            String[] parts = setting.split(":");
            point = CrashPoint.valueOf(parts[0].toUpperCase(Locale.ROOT).replace('-', '_'));
            if (parts.length > 1) {
                after = Integer.parseInt(parts[1]);
            }
        }
        ARMED = point;
        AFTER = after;
    }

    private CrashPoints() {
    }

    public static boolean isArmed() {
        return ARMED != null;
    }

    public static void reach(CrashPoint point) {
        if (ARMED != point) {
            return;
        }
        if (REACHED.incrementAndGet() != AFTER) {
            return;
        }
        System.out.println(MARKER + " " + point);
        System.out.flush();
        try {
            TimeUnit.MINUTES.sleep(1);
        } catch (InterruptedException ignored) {
            // fall through to halt
        }
        Runtime.getRuntime().halt(137);
    }
}
