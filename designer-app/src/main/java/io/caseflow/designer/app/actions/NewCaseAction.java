package io.caseflow.designer.app.actions;

import io.caseflow.definition.CaseDefinition;
import java.util.List;

/** New: an empty case, once unsaved changes are dealt with. */
public final class NewCaseAction {
    private final ActionContext context;
    private final DiscardGuard discard;

    public NewCaseAction(ActionContext context, DiscardGuard discard) {
        this.context = context;
        this.discard = discard;
    }

    public void execute() {
        if (!discard.confirm()) {
            return;
        }
        context.document().load(CaseDefinition.builder("newCase", "v1").build(), null, null, List.of());
        context.canvas().viewport().set(1, 40, 40);
        context.status("New case: add stages from the palette");
    }
}
