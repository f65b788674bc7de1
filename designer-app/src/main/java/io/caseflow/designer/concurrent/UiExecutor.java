package io.caseflow.designer.concurrent;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * The one way the UI does slow work: {@code work} runs off the FX thread, and exactly one of the
 * callbacks runs on it afterwards. Tests swap in {@link #direct()}, which runs everything at once
 * on the calling thread.
 *
 * <pre>{@code
 * ui.run(() -> runtime.deploy(definition), deployed -> status.set("Deployed v" + deployed.version()), this::showError);
 * ui.on(source.list(query), page -> rows.setAll(page.processes()), this::showError);
 * }</pre>
 */
public interface UiExecutor {
    <T> void run(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure);

    /** Runs {@code action} on the UI thread soon (at once for {@link #direct()}). */
    default void later(Runnable action) {
        action.run();
    }

    /** Where blocking work runs (the monitor's embedded source does its store reads here). */
    default Executor background() {
        return Runnable::run;
    }

    /**
     * Waits for {@code stage} without blocking: exactly one callback runs on the UI thread when it
     * completes. The failure handed over is the cause, not the {@link CompletionException} around it.
     */
    default <T> void on(CompletionStage<T> stage, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        stage.whenComplete((result, error) -> later(() -> {
            if (error == null) {
                onSuccess.accept(result);
            } else {
                onFailure.accept(unwrap(error));
            }
        }));
    }

    static Throwable unwrap(Throwable error) {
        Throwable e = error;
        while ((e instanceof CompletionException || e instanceof ExecutionException) && e.getCause() != null) {
            e = e.getCause();
        }
        return e;
    }

    /** Runs work and callbacks on the calling thread (plain unit tests of view models). */
    static UiExecutor direct() {
        return new UiExecutor() {
            @Override
            public <T> void run(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
                T result;
                try {
                    result = work.call();
                } catch (Exception e) {
                    onFailure.accept(e);
                    return;
                }
                onSuccess.accept(result);
            }
        };
    }
}
