package io.caseflow.designer.monitor;

import io.caseflow.definition.CaseKey;
import io.caseflow.process.ProcessEvent;
import io.caseflow.process.ProcessSnapshot;
import io.caseflow.process.ProcessStatus;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One line of the process table: where a process stands, without its data (which the detail view
 * reads on demand), so 100,000 of them stay small. Made from a listing or from a live event.
 */
public record ProcessRow(String id, CaseKey caseKey, int caseVersion, ProcessStatus status, String stage, int attempt, long step,
                         Instant createdAt, Instant updatedAt, String failedStage, String error) {
    private static final Map<Object, Object> SHARED = new ConcurrentHashMap<>();
    private static final int MAX_SHARED = 10_000;

    public static ProcessRow of(ProcessSnapshot p) {
        return new ProcessRow(p.id(), share(p.caseKey()), p.caseVersion(), p.status(), share(p.currentStage()), p.attempt(), p.step(),
                p.createdAt(), p.updatedAt(), p.failure() == null ? null : share(p.failure().stage()),
                p.failure() == null ? null : p.failure().message());
    }

    public static ProcessRow of(ProcessEvent e) {
        return new ProcessRow(e.processId(), share(e.caseKey()), e.version(), e.status(), share(e.stage()), e.attempt(), e.seq(),
                createdFromId(e.processId()), e.at(), share(e.failedStage()), e.error());
    }

    /** This row after {@code e} (which must be newer); keeps what events do not carry. */
    public ProcessRow updatedBy(ProcessEvent e) {
        return new ProcessRow(id, caseKey, caseVersion, e.status(), share(e.stage()), e.attempt(), e.seq(),
                createdAt, e.at(), share(e.failedStage()), e.error());
    }

    public boolean isFailed() {
        return status == ProcessStatus.FAILED;
    }

    /**
     * When a process was created, from its id: process ids are UUIDs in the version-7 layout, whose
     * first 48 bits are Unix milliseconds. Null for ids of another shape.
     */
    public static Instant createdFromId(String id) {
        try {
            UUID uuid = UUID.fromString(id);
            if (uuid.version() != 7) {
                return null;
            }
            return Instant.ofEpochMilli(uuid.getMostSignificantBits() >>> 16);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** One instance per stage name and case key, so 100,000 rows do not hold 100,000 copies. */
    @SuppressWarnings("unchecked")
    private static <T> T share(T value) {
        if (value == null) {
            return null;
        }
        Object shared = SHARED.get(value);
        if (shared != null) {
            return (T) shared;
        }
        if (SHARED.size() < MAX_SHARED) {
            Object previous = SHARED.putIfAbsent(value, value);
            return previous == null ? value : (T) previous;
        }
        return value;
    }
}
