package io.caseflow.worker;

import io.caseflow.definition.CaseKey;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One runtime's entry in the live worker registry: who it is, what it serves, and when it last said
 * it was there. Each node writes its own record and refreshes {@code lastSeenAt} every
 * {@code heartbeatInterval}; whether it is alive is judged by whoever reads it ({@link #statusAt}).
 *
 * @param id                unique per run of a node (host, pid and a random part)
 * @param kind              {@code worker}, {@code server} or {@code embedded}
 * @param stoppedAt         when it stopped cleanly, or null while it runs (or if it died)
 * @param heartbeatInterval how often it refreshes {@code lastSeenAt}; its window is {@value #MISSED_HEARTBEATS_UNTIL_GONE} of these
 * @param cases             the case apis whose stages it runs
 * @param handlers          its stage handlers' names
 * @param services          the Java services it hosts
 */
public record WorkerRecord(String id, String kind, String host, long pid, String version, Instant startedAt, Instant lastSeenAt,
                           Instant stoppedAt, Duration heartbeatInterval, List<CaseKey> cases, List<String> handlers,
                           List<String> services) {

    /** A worker that missed this many heartbeats in a row counts as gone. */
    public static final int MISSED_HEARTBEATS_UNTIL_GONE = 3;

    public WorkerRecord {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(lastSeenAt, "lastSeenAt");
        Objects.requireNonNull(heartbeatInterval, "heartbeatInterval");
        cases = List.copyOf(cases);
        handlers = List.copyOf(handlers);
        services = List.copyOf(services);
    }

    /** The longest a live worker goes without a heartbeat. */
    public Duration heartbeatWindow() {
        return heartbeatInterval.multipliedBy(MISSED_HEARTBEATS_UNTIL_GONE);
    }

    /** Stopped if it said so; else alive while its last heartbeat is within its window at {@code now}, gone after. */
    public WorkerStatus statusAt(Instant now) {
        if (stoppedAt != null) {
            return WorkerStatus.STOPPED;
        }
        return lastSeenAt.plus(heartbeatWindow()).isBefore(now) ? WorkerStatus.GONE : WorkerStatus.ALIVE;
    }

    /** The same record, seen again at {@code at} and now serving these. */
    public WorkerRecord seenAt(Instant at, List<CaseKey> nowServing, List<String> nowHandlers, List<String> nowHosting) {
        return new WorkerRecord(id, kind, host, pid, version, startedAt, at, stoppedAt, heartbeatInterval, nowServing, nowHandlers,
                nowHosting);
    }
}
