package io.caseflow.taskid;

import java.util.Locale;

/** A task id that was not made by this runtime's key, or was changed on the way. */
public class InvalidTaskIdException extends Exception {

    /** Why a task id was refused; stable, for metrics and dead-letter headers. */
    public enum Reason {
        /** Not of the form {@code payload.signature} in base64url. */
        MALFORMED,
        /** Shorter than its own fields say: cut off somewhere. */
        TRUNCATED,
        /** A format version this runtime does not know. */
        UNKNOWN_VERSION,
        /** The signature does not match: changed, or signed with another key (a foreign runtime). */
        BAD_SIGNATURE
    }

    private final Reason reason;

    public InvalidTaskIdException(Reason reason, String detail) {
        super("task id rejected (" + reason.name().toLowerCase(Locale.ROOT).replace('_', ' ') + "): " + detail);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
