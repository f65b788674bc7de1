package io.caseflow.designer.app.actions;

import io.caseflow.designer.editor.CommandStack;

/** Undo and redo on the document's command stack. */
public final class HistoryActions {
    private final ActionContext context;

    public HistoryActions(ActionContext context) {
        this.context = context;
    }

    public void undo() {
        stack().undo();
    }

    public void redo() {
        stack().redo();
    }

    /** "Undo Move 3 stages", or plain "Undo" when there is nothing to undo. */
    public String undoText() {
        return stack().undoLabel().map(l -> "Undo " + l).orElse("Undo");
    }

    public String redoText() {
        return stack().redoLabel().map(l -> "Redo " + l).orElse("Redo");
    }

    public boolean canUndo() {
        return stack().canUndo();
    }

    public boolean canRedo() {
        return stack().canRedo();
    }

    private CommandStack stack() {
        return context.document().stack();
    }
}
