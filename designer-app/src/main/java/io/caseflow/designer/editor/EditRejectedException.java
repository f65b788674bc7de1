package io.caseflow.designer.editor;

/** An edit that cannot be made; the message is one sentence for the status bar. */
public class EditRejectedException extends RuntimeException {
    public EditRejectedException(String message) {
        super(message);
    }
}
