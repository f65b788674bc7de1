package io.caseflow.registry;

import io.caseflow.worker.WorkerRecord;
import java.time.Duration;
import java.util.regex.Pattern;

/**
 * How a runtime enters the live worker registry: as which kind of node, how often it says it is still
 * there, and how long records nobody has seen stay before any node deletes them.
 *
 * <pre>{@code
 * CaseflowRuntime.builder().registerAs(WorkerRegistration.as(WorkerRegistration.WORKER).withHeartbeat(Duration.ofSeconds(2)))
 * }</pre>
 *
 * @param kind              what the node is, e.g. {@value #WORKER}, {@value #SERVER}, {@value #EMBEDDED}
 * @param heartbeatInterval how often it refreshes its record; it counts as gone after
 *                          {@value WorkerRecord#MISSED_HEARTBEATS_UNTIL_GONE} missed heartbeats
 * @param retention         records last seen longer ago than this are deleted (by any registered node)
 */
public record WorkerRegistration(String kind, Duration heartbeatInterval, Duration retention) {
    public static final String WORKER = "worker";
    public static final String SERVER = "server";
    public static final String EMBEDDED = "embedded";
    public static final Duration DEFAULT_HEARTBEAT = Duration.ofSeconds(5);
    public static final Duration MIN_HEARTBEAT = Duration.ofMillis(100);
    public static final Duration MAX_HEARTBEAT = Duration.ofMinutes(5);
    public static final Duration DEFAULT_RETENTION = Duration.ofHours(24);
    private static final Pattern KIND = Pattern.compile("[a-z][a-z0-9-]{0,31}");

    public WorkerRegistration {
        if (kind == null || !KIND.matcher(kind).matches()) {
            throw new IllegalArgumentException("a worker kind is 1 to 32 lower-case letters, digits or '-', starting with a letter "
                    + "(e.g. " + WORKER + "), was '" + kind + "'");
        }
        if (heartbeatInterval == null || heartbeatInterval.compareTo(MIN_HEARTBEAT) < 0 || heartbeatInterval.compareTo(MAX_HEARTBEAT) > 0) {
            throw new IllegalArgumentException("heartbeatInterval must be " + MIN_HEARTBEAT + " to " + MAX_HEARTBEAT + ", was "
                    + heartbeatInterval);
        }
        Duration window = heartbeatInterval.multipliedBy(WorkerRecord.MISSED_HEARTBEATS_UNTIL_GONE);
        if (retention == null || retention.compareTo(window.multipliedBy(2)) < 0) {
            throw new IllegalArgumentException("retention must be at least twice the heartbeat window (" + window.multipliedBy(2)
                    + " for a heartbeat every " + heartbeatInterval + "), or live workers' records would be deleted; was " + retention);
        }
    }

    /** Registers as {@code kind} with a heartbeat every {@link #DEFAULT_HEARTBEAT}, records kept {@link #DEFAULT_RETENTION}. */
    public static WorkerRegistration as(String kind) {
        return new WorkerRegistration(kind, DEFAULT_HEARTBEAT, DEFAULT_RETENTION);
    }

    public WorkerRegistration withHeartbeat(Duration interval) {
        return new WorkerRegistration(kind, interval, retention);
    }

    public WorkerRegistration withRetention(Duration keepFor) {
        return new WorkerRegistration(kind, heartbeatInterval, keepFor);
    }
}
