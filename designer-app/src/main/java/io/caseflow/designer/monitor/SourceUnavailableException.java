package io.caseflow.designer.monitor;

/** The source cannot answer now (the runtime is down, the connection dropped); the message says so plainly. */
public class SourceUnavailableException extends RuntimeException {
    public SourceUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
