package io.caseflow.designer.app.actions;

import io.caseflow.designer.editor.Edits;
import io.caseflow.designer.editor.Selection;

/** What the Edit and Stage menus do to the selection: delete, select all, rename in place, set as start stage. */
public final class SelectionActions {
    private final ActionContext context;

    public SelectionActions(ActionContext context) {
        this.context = context;
    }

    public void delete() {
        Selection selection = context.document().selection();
        if (!selection.isEmpty()) {
            context.execute(Edits.delete(selection.stages(), selection.transitions()));
        }
    }

    public void selectAll() {
        context.document().selection().selectAll(context.document().definition());
    }

    public void rename() {
        Selection selection = context.document().selection();
        selection.singleStage().flatMap(context.document().definition()::stage).ifPresentOrElse(context.canvas()::renameInPlace,
                () -> selection.singleTransition().ifPresent(context.canvas()::editOutcomeInPlace));
    }

    public void setStart() {
        context.document().selection().singleStage()
                .ifPresent(s -> context.execute(Edits.updateCase("Set start stage", c -> c.withStartStage(s))));
    }
}
