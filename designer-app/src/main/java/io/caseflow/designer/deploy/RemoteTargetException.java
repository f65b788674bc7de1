package io.caseflow.designer.deploy;

/** A call to a remote runtime failed; the message is written for the person at the designer. */
public final class RemoteTargetException extends RuntimeException {
    public RemoteTargetException(String message, Throwable cause) {
        super(message, cause);
    }
}
