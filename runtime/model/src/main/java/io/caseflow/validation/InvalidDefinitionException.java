package io.caseflow.validation;

/** Thrown where an invalid definition must not go on (deploy, engine start); carries the report. */
public class InvalidDefinitionException extends RuntimeException {
    private final transient ValidationReport report;

    public InvalidDefinitionException(String what, ValidationReport report) {
        super(what + " is invalid:" + System.lineSeparator() + report.describe());
        this.report = report;
    }

    public ValidationReport report() {
        return report;
    }
}
