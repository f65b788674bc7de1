package io.caseflow.process;

import io.caseflow.process.ProcessStatus;
import java.util.Set;

/**
 * Filters and paging for listing processes; null or empty fields do not filter.
 *
 * Newest processes first (ids are time-ordered).
 *
 * @param text matched against the process id and its data (case-insensitive substring)
 */
public record ProcessQuery(Set<ProcessStatus> statuses, String caseName, String caseApi, Integer caseVersion,
                           String stage, String text, int offset, int limit) {

    public static final int MAX_LIMIT = 1000;

    public ProcessQuery {
        statuses = statuses == null ? Set.of() : Set.copyOf(statuses);
        if (offset < 0) {
            throw new IllegalArgumentException("offset must be 0 or more, was " + offset);
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be 1 to " + MAX_LIMIT + ", was " + limit);
        }
    }

    public static ProcessQuery all(int limit) {
        return new ProcessQuery(Set.of(), null, null, null, null, null, 0, limit);
    }

    public ProcessQuery withStatuses(Set<ProcessStatus> value) {
        return new ProcessQuery(value, caseName, caseApi, caseVersion, stage, text, offset, limit);
    }

    public ProcessQuery withCase(String name, String api) {
        return new ProcessQuery(statuses, name, api, caseVersion, stage, text, offset, limit);
    }

    public ProcessQuery withStage(String value) {
        return new ProcessQuery(statuses, caseName, caseApi, caseVersion, value, text, offset, limit);
    }

    public ProcessQuery withText(String value) {
        return new ProcessQuery(statuses, caseName, caseApi, caseVersion, stage, value, offset, limit);
    }

    public ProcessQuery page(int newOffset, int newLimit) {
        return new ProcessQuery(statuses, caseName, caseApi, caseVersion, stage, text, newOffset, newLimit);
    }
}
