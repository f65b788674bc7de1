package io.caseflow.designer.monitor.source;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a source's health check on a daemon thread of its own, one pending run at a time: asking for a
 * run replaces the one pending (a failure checks again at once, success after the normal pause).
 */
final class HealthCheckTimer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(HealthCheckTimer.class);

    private final ScheduledExecutorService executor;
    private final Runnable check;
    private ScheduledFuture<?> next;
    private boolean closed;

    HealthCheckTimer(String threadName, Runnable check) {
        this.check = check;
        this.executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, threadName);
            t.setDaemon(true);
            return t;
        });
    }

    /** Runs the check after {@code delay}, instead of any run still pending. */
    synchronized void runIn(Duration delay) {
        if (closed) {
            return;
        }
        if (next != null) {
            next.cancel(false);
        }
        try {
            next = executor.schedule(check, delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            LOG.debug("health check not scheduled: {}", e.toString());
        }
    }

    @Override
    public synchronized void close() {
        closed = true;
        executor.shutdownNow();
    }
}
