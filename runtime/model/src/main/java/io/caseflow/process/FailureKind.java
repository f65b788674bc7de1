package io.caseflow.process;

/** Why a stage attempt failed. */
public enum FailureKind {
    /** The handler returned {@code fail(...)}. */
    HANDLER_FAILED,
    /** The handler threw. */
    HANDLER_ERROR,
    /** The handler ran longer than the stage's timeout. */
    HANDLER_TIMEOUT,
    /** The service replied with status "error". */
    SERVICE_ERROR,
    /** No reply from the service within the stage's reply timeout. */
    REPLY_TIMEOUT,
    /** The handler or a reply chose an outcome the definition has no transition for. */
    MISSING_TRANSITION,
    /** The process cannot run as defined: unknown stage, missing handler, a service call from a task stage. */
    DEFINITION_ERROR
}
