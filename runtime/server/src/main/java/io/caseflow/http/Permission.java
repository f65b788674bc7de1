package io.caseflow.http;

/** What a request needs, as {@link AccessRules} says for each route. */
public enum Permission {
    /** Lists, counts, definitions, workers, metrics: what a process is doing, not what it carries. */
    READ,
    /** What processes carry (input, data, results, stage outputs, stack traces, dead-letter bodies) and their audit trail. */
    READ_DATA,
    /** Start, retry, cancel and migrate processes, bulk jobs, replay or discard dead letters. */
    OPERATE,
    /** Validate and deploy case definitions. */
    DEPLOY,
    /** Retention policies, and the whole audit trail. */
    ADMINISTER
}
