package io.caseflow.designer.app;

import io.caseflow.designer.concurrent.UiExecutor;
import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import javafx.application.Platform;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Work on a small pool of daemon threads, callbacks on the FX thread. */
public final class FxUiExecutor implements UiExecutor, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(FxUiExecutor.class);
    private final AtomicInteger count = new AtomicInteger();
    private final ExecutorService pool = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "designer-worker-" + count.incrementAndGet());
        t.setDaemon(true);
        return t;
    });

    @Override
    public <T> void run(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        pool.execute(() -> {
            try {
                T result = work.call();
                Platform.runLater(() -> onSuccess.accept(result));
            } catch (Throwable e) {
                LOG.debug("background work failed", e);
                Platform.runLater(() -> onFailure.accept(e));
            }
        });
    }

    @Override
    public void later(Runnable action) {
        Platform.runLater(action);
    }

    @Override
    public Executor background() {
        return pool;
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
