package io.caseflow.engine;

import io.caseflow.concurrent.DaemonThreads;
import io.caseflow.handler.StageContext;
import io.caseflow.handler.StageHandler;
import io.caseflow.handler.StageOutcome;
import io.caseflow.process.FailureKind;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs handlers on their own threads so a handler that hangs past its stage's timeout is abandoned
 * (interrupted) and its attempt fails, while the engine's worker goes on.
 */
final class HandlerRunner implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(HandlerRunner.class);
    private static final int MAX_TRACE_CHARS = 16_000;

    private final Clock clock;
    private final AtomicInteger abandoned = new AtomicInteger();
    private final ExecutorService executor = Executors.newCachedThreadPool(DaemonThreads.factory("caseflow-handler"));

    HandlerRunner(Clock clock) {
        this.clock = clock;
    }

    HandlerResult run(StageHandler handler, StageContext context, Duration timeout) {
        Instant started = clock.instant();
        Future<StageOutcome> future = executor.submit(LogContext.carried(() -> handler.handle(context)));
        try {
            StageOutcome outcome = future.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
            if (outcome == null) {
                return HandlerResult.failed(started, clock.instant(), FailureKind.HANDLER_ERROR,
                        "handler of stage '" + context.stage() + "' returned null; return ctx.next(), ctx.complete(...) or ctx.fail(...)",
                        null);
            }
            return HandlerResult.finished(started, clock.instant(), outcome, context.data().fields());
        } catch (TimeoutException e) {
            future.cancel(true);
            int count = abandoned.incrementAndGet();
            LOG.warn("handler of stage '{}' (processId={}) ran past its timeout of {} and was interrupted; {} abandoned so far",
                    context.stage(), context.processId(), timeout, count);
            return HandlerResult.failed(started, clock.instant(), FailureKind.HANDLER_TIMEOUT,
                    "handler of stage '" + context.stage() + "' did not finish within its timeout of " + timeout, null);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            return HandlerResult.failed(started, clock.instant(), FailureKind.HANDLER_ERROR,
                    "handler of stage '" + context.stage() + "' threw " + cause.getClass().getSimpleName()
                            + (cause.getMessage() == null ? "" : ": " + cause.getMessage()), stackTrace(cause));
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running a handler", e);
        }
    }

    static String stackTrace(Throwable error) {
        StringWriter text = new StringWriter();
        error.printStackTrace(new PrintWriter(text));
        String trace = text.toString();
        return trace.length() > MAX_TRACE_CHARS ? trace.substring(0, MAX_TRACE_CHARS) + "\n\t... (truncated)" : trace;
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
