package io.caseflow.designer.app.actions;

import io.caseflow.definition.CaseDefinition;
import io.caseflow.designer.concurrent.UiExecutor;
import io.caseflow.designer.editor.Edits;
import io.caseflow.designer.layout.AutoLayout;

/** Auto-Layout: ELK lays the case out off the FX thread, then it is applied as one undoable edit. */
public final class AutoLayoutAction {
    private final ActionContext context;
    private final UiExecutor ui;

    public AutoLayoutAction(ActionContext context, UiExecutor ui) {
        this.context = context;
        this.ui = ui;
    }

    public void execute() {
        CaseDefinition snapshot = context.document().definition();
        if (snapshot.stages().isEmpty()) {
            return;
        }
        context.status("Laying out " + snapshot.stages().size() + " stages…");
        long start = System.nanoTime();
        ui.run(() -> AutoLayout.compute(snapshot), layout -> {
            if (context.document().definition() != snapshot) {
                context.status("The case changed during layout; run Auto-Layout again");
                return;
            }
            context.execute(Edits.layout(layout));
            context.canvas().fitToWindow();
            context.status("Auto-layout: " + snapshot.stages().size() + " stages in " + (System.nanoTime() - start) / 1_000_000 + " ms");
        }, e -> context.status("Auto-layout failed: " + e.getMessage()));
    }
}
