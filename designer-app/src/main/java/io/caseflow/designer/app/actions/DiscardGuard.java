package io.caseflow.designer.app.actions;

/** Asks before unsaved changes are lost: save them, throw them away, or stay. */
public final class DiscardGuard {
    private final ActionContext context;
    private final SaveCaseAction save;

    public DiscardGuard(ActionContext context, SaveCaseAction save) {
        this.context = context;
        this.save = save;
    }

    /** False when the user cancelled; true when there is nothing to lose any more. */
    public boolean confirm() {
        if (!context.document().isDirty()) {
            return true;
        }
        return switch (context.dialogs().confirmDiscard(context.document().displayName())) {
            case SAVE -> save.save();
            case DISCARD -> true;
            case CANCEL -> false;
        };
    }
}
