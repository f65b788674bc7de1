package io.caseflow.designer.bench;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The work of each FX pulse (CSS, layout, syncing the scene to the render graph, rendering), as JavaFX's own pulse
 * logger prints it when the JVM runs with {@code -Djavafx.pulseLogger=true}: {@code [pulse gap ms:work ms]}, or
 * {@code PULSE: n [gap ms:work ms]} and a breakdown for a slow one. Under Xvfb the gap between pulses cannot get below
 * about 18 ms at p99 even for a 3-stage case (the virtual display's timing), so whether each pulse's work fits in a
 * 60 Hz frame is read here. The logger's output still reaches the console.
 */
final class PulseWork {
    /** Issue 14's target for the pulse p99: about a 60 Hz frame. The logger prints whole milliseconds (truncated). */
    static final double TARGET_MILLIS = 17;
    private static final Pattern PULSE = Pattern.compile("\\[(\\d+) (\\d+)ms:(\\d+)ms]");
    private static final int MAX_PENDING = 4_096;

    private final StringBuilder pending = new StringBuilder();
    private double[] work = new double[1 << 12];
    private int count;
    volatile boolean recording;

    private PulseWork() {
    }

    /** Whether this JVM runs JavaFX's pulse logger. */
    static boolean enabled() {
        return Boolean.getBoolean("javafx.pulseLogger");
    }

    /** Reads what is printed from now on (the logger writes to standard error or output, depending on the version). */
    static PulseWork install() {
        PulseWork reader = new PulseWork();
        System.setErr(reader.tee(System.err));
        System.setOut(reader.tee(System.out));
        return reader;
    }

    private PrintStream tee(PrintStream console) {
        return new PrintStream(new OutputStream() {
            @Override
            public void write(int b) {
                console.write(b);
                read(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] bytes, int offset, int length) {
                console.write(bytes, offset, length);
                read(bytes, offset, length);
            }

            @Override
            public void flush() {
                console.flush();
            }
        }, true, StandardCharsets.UTF_8);
    }

    private synchronized void read(byte[] bytes, int offset, int length) {
        pending.append(new String(bytes, offset, length, StandardCharsets.UTF_8));
        int end = pending.lastIndexOf("]");
        if (end >= 0) {
            Matcher m = PULSE.matcher(pending.substring(0, end + 1));
            while (m.find()) {
                if (recording) {
                    record(Integer.parseInt(m.group(3)));
                }
            }
            pending.delete(0, end + 1);
        }
        if (pending.length() > MAX_PENDING) { // output that never closes a bracket: keep the tail only
            pending.delete(0, pending.length() - 64);
        }
    }

    private void record(double millis) {
        if (count == work.length) {
            work = Arrays.copyOf(work, count * 2);
        }
        work[count++] = millis;
    }

    synchronized double[] sorted() {
        double[] copy = Arrays.copyOf(work, count);
        Arrays.sort(copy);
        return copy;
    }

    /** One line: the work per pulse while recording, against the target. */
    String describe() {
        double[] sorted = sorted();
        if (sorted.length == 0) {
            return "pulse work: the pulse logger printed nothing while recording";
        }
        double p99 = BenchSupport.pct(sorted, 99);
        return String.format(Locale.ROOT, "pulse work (JavaFX pulse logger; whole ms): %d pulses, p50 %.0f ms, p95 %.0f ms, p99 %.0f ms, "
                        + "max %.0f ms; target p99 < %.0f ms: %s", sorted.length, BenchSupport.pct(sorted, 50),
                BenchSupport.pct(sorted, 95), p99, sorted[sorted.length - 1], TARGET_MILLIS, p99 < TARGET_MILLIS ? "met" : "MISSED");
    }
}
