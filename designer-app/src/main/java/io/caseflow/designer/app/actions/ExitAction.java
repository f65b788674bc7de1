package io.caseflow.designer.app.actions;

import javafx.application.Platform;
import javafx.stage.Stage;

/** Exit: closes the window and the app, once unsaved changes are dealt with. */
public final class ExitAction {
    private final Stage stage;
    private final DiscardGuard discard;

    public ExitAction(Stage stage, DiscardGuard discard) {
        this.stage = stage;
        this.discard = discard;
    }

    public void execute() {
        if (discard.confirm()) {
            stage.hide();
            Platform.exit();
        }
    }
}
