package io.caseflow.designer.app;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * The one way the UI does slow work: {@code work} runs off the FX thread, and exactly one of the
 * callbacks runs on it afterwards. Tests swap in {@link #direct()}, which runs everything at once
 * on the calling thread.
 *
 * <pre>{@code
 * ui.run(() -> runtime.deploy(definition), deployed -> status.set("Deployed v" + deployed.version()), this::showError);
 * }</pre>
 */
public interface UiExecutor {
    <T> void run(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure);

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
