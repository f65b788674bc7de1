package io.caseflow.designer.monitor;

import java.time.Instant;

/** One line of the monitor's activity log: what an action did, or why it could not. */
public record ActivityEntry(Instant at, Kind kind, String text) {
    public enum Kind { INFO, SUCCESS, WARNING, FAILURE }
}
