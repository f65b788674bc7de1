package io.caseflow.definition;

/**
 * A definition file that cannot be read as a case: not JSON, or JSON of the wrong shape. The message
 * names the file, the line and column, and what was wrong, in one sentence fit for a user.
 */
public class DefinitionFormatException extends Exception {
    private final String source;
    private final int line;
    private final int column;

    public DefinitionFormatException(String source, int line, int column, String problem, Throwable cause) {
        super(source + (line > 0 ? ":" + line + ":" + column : "") + ": " + problem, cause);
        this.source = source;
        this.line = line;
        this.column = column;
    }

    public String source() {
        return source;
    }

    /** 1-based line, or 0 when the problem has no position (e.g. the file cannot be read). */
    public int line() {
        return line;
    }

    public int column() {
        return column;
    }
}
