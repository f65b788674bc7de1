package io.caseflow.designer.app.actions;

import io.caseflow.designer.canvas.CaseCanvas;
import io.caseflow.designer.editor.CaseDocument;
import io.caseflow.designer.editor.EditCommand;
import io.caseflow.designer.editor.EditRejectedException;
import java.util.function.Consumer;

/**
 * What the design actions work on: the open document, the canvas that shows it, the dialogs, and
 * the status line. FX thread only.
 */
public record ActionContext(CaseDocument document, CaseCanvas canvas, DesignerDialogs dialogs, Consumer<String> statusLine) {
    /** Runs an edit on the document; a rejected one is said in the status line. */
    public boolean execute(EditCommand command) {
        try {
            return document.execute(command);
        } catch (EditRejectedException e) {
            status(e.getMessage());
            return false;
        }
    }

    public void status(String message) {
        statusLine.accept(message);
    }
}
