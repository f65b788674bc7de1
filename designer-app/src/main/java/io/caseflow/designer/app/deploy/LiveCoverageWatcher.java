package io.caseflow.designer.app.deploy;

import io.caseflow.designer.concurrent.UiExecutor;
import io.caseflow.designer.deploy.LiveCoverage;
import io.caseflow.designer.deploy.RemoteTarget;
import io.caseflow.designer.editor.CaseDocument;
import java.util.function.Consumer;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.util.Duration;

/**
 * While a shared runtime is the deploy target, reads what its live workers and service consumers
 * cover of the drawn case (off the FX thread, every {@code every}) and hands it on. One read at a
 * time; a failed read is handed on as such, so the user sees why there are no warnings. FX thread only.
 */
public final class LiveCoverageWatcher {
    /** What a read found. */
    public sealed interface Result {
        record Read(RemoteTarget target, LiveCoverage coverage) implements Result {
        }

        record Failed(RemoteTarget target, String message) implements Result {
        }
    }

    private final UiExecutor ui;
    private final CaseDocument document;
    private final Consumer<Result> onResult;
    private final Timeline timer;
    private RemoteTarget target;
    private boolean reading;

    public LiveCoverageWatcher(UiExecutor ui, CaseDocument document, Duration every, Consumer<Result> onResult) {
        this.ui = ui;
        this.document = document;
        this.onResult = onResult;
        this.timer = new Timeline(new KeyFrame(every, e -> readNow()));
        this.timer.setCycleCount(Timeline.INDEFINITE);
    }

    /** Watches {@code remote} from now on (null: stop watching). */
    public void watch(RemoteTarget remote) {
        this.target = remote;
        if (remote == null) {
            timer.stop();
            return;
        }
        readNow();
        timer.playFromStart();
    }

    public void readNow() {
        RemoteTarget reading0 = target;
        if (reading0 == null || reading) {
            return;
        }
        reading = true;
        ui.run(() -> reading0.coverage(document.definition()), coverage -> {
            reading = false;
            if (reading0 == target) {
                onResult.accept(new Result.Read(reading0, coverage));
            }
        }, error -> {
            reading = false;
            if (reading0 == target) {
                onResult.accept(new Result.Failed(reading0, String.valueOf(error.getMessage())));
            }
        });
    }
}
