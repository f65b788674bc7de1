package io.caseflow.process;

import java.security.SecureRandom;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * New process ids: UUIDs in the version-7 layout (48-bit Unix milliseconds first, then random bits).
 * Ids made close in time sort close together, so the store's indexes touch few pages when many new
 * processes are busy at once, and listings by id follow creation order.
 */
public final class ProcessIds {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final AtomicLong LAST = new AtomicLong();

    private ProcessIds() {
    }

    public static String next() {
        long millis = System.currentTimeMillis();
        // A 12-bit sequence within the millisecond keeps ids from one JVM strictly increasing.
        long stamp = LAST.updateAndGet(previous -> Math.max(previous + 1, millis << 12));
        long high = ((stamp >>> 12) << 16) | 0x7000L | (stamp & 0x0FFFL);
        long low = (RANDOM.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low).toString();
    }
}
