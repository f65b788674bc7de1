package io.caseflow.validation;

/** How bad a problem is: errors block deploy, warnings are shown but allowed. */
public enum Severity {
    ERROR,
    WARNING
}
