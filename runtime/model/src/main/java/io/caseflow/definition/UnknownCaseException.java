package io.caseflow.definition;

import io.caseflow.definition.CaseKey;

/** A request named a case (name + api) that was never deployed. */
public class UnknownCaseException extends RuntimeException {
    public UnknownCaseException(CaseKey key) {
        super("case " + key + " is not deployed; deploy its definition first");
    }
}
