package io.caseflow.concurrent;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The one way caseflow makes background threads: daemon threads (they never keep a JVM alive that
 * was asked to stop), named after their job so thread dumps and logs say who is who.
 */
public final class DaemonThreads {
    private DaemonThreads() {
    }

    /** Threads named {@code <prefix>-1}, {@code <prefix>-2}, … */
    public static ThreadFactory factory(String prefix) {
        AtomicInteger counter = new AtomicInteger();
        return runnable -> create(prefix + "-" + counter.incrementAndGet(), runnable);
    }

    /** Starts one named daemon thread. */
    public static Thread start(String name, Runnable body) {
        Thread thread = create(name, body);
        thread.start();
        return thread;
    }

    private static Thread create(String name, Runnable body) {
        Thread thread = new Thread(body, name);
        thread.setDaemon(true);
        return thread;
    }
}
