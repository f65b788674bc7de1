package io.caseflow.retention;

import java.time.Instant;

/**
 * The retention that applies to one deployed case api, where it comes from, and when its oldest finished
 * process still kept finished (null: none kept).
 */
public record CaseRetention(String caseName, String api, RetentionPeriod period, Source source, Instant oldestFinishedKept) {

    /** Which setting gave the period. */
    public enum Source {
        /** A policy for this case and api. */
        CASE_API,
        /** A policy for every api of the case. */
        CASE,
        /** The sweeping server's default. */
        DEFAULT,
        /** Nothing set and no default: kept forever. */
        NONE
    }

    public CaseRetention withOldestFinishedKept(Instant value) {
        return new CaseRetention(caseName, api, period, source, value);
    }
}
