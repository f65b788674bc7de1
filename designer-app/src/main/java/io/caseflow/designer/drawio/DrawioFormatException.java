package io.caseflow.designer.drawio;

/** A {@code .drawio} file that cannot be read; the message names the file and, where known, the line. */
public class DrawioFormatException extends Exception {
    public DrawioFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
