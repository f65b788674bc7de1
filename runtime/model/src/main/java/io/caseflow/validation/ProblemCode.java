package io.caseflow.validation;

/** Stable identifiers for each kind of problem, for tools and tests that must not parse messages. */
public enum ProblemCode {
    MISSING_CASE_NAME,
    MISSING_API,
    BAD_IDENTIFIER,
    NEGATIVE_VERSION,
    NO_STAGES,
    MISSING_START_STAGE,
    UNKNOWN_START_STAGE,
    EMPTY_STAGE_NAME,
    BAD_STAGE_NAME,
    DUPLICATE_STAGE_NAME,
    DANGLING_TRANSITION,
    DUPLICATE_OUTCOME,
    END_STAGE_HAS_TRANSITIONS,
    UNREACHABLE_STAGE,
    NO_PATH_TO_END,
    NO_END_STAGE,
    SERVICE_WITHOUT_SERVICE,
    SERVICE_WITHOUT_COMMAND,
    SERVICE_FIELDS_IGNORED,
    UNKNOWN_HANDLER,
    NO_HANDLER,
    BAD_TIMEOUT,
    BAD_REPLY_TIMEOUT,
    BAD_RETRY,
    /** On a shared runtime: no live worker has the stage's handler for this case api. */
    NO_LIVE_WORKER,
    /** On a shared runtime: nothing consumes the service's request queue right now. */
    NO_SERVICE_CONSUMER,
    /** Reported by a server whose caseflow knows a check this one does not; the message says what. */
    REPORTED_BY_SERVER
}
