package io.caseflow.designer.editor;

import io.caseflow.definition.CaseDefinition;

/**
 * One edit of a case: a pure function from the definition before to the definition after, with the
 * label the Edit menu shows ("Undo Move 3 stages"). Definitions are immutable, so the
 * {@link CommandStack} undoes an edit by going back to the definition it kept.
 *
 * <p>{@link #apply} throws {@link EditRejectedException} when the edit makes no sense on that
 * definition (renaming to a name that is taken); the stack then changes nothing.
 */
public interface EditCommand {
    String label();

    CaseDefinition apply(CaseDefinition before);
}
