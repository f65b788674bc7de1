package io.caseflow.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;

/** The heap the JVM holds live: used heap after full collections, taken once it stops shrinking. */
final class HeapProbe {
    private static final int MAX_COLLECTIONS = 8;
    private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();

    private HeapProbe() {
    }

    /** Bytes of heap in use after collecting until two collections agree within 1 % (at most {@value #MAX_COLLECTIONS}). */
    static long liveBytes() {
        long previous = Long.MAX_VALUE;
        long used = 0;
        for (int i = 0; i < MAX_COLLECTIONS; i++) {
            MEMORY.gc();
            used = MEMORY.getHeapMemoryUsage().getUsed();
            if (Math.abs(previous - used) <= used / 100) {
                break;
            }
            previous = used;
        }
        return used;
    }
}
