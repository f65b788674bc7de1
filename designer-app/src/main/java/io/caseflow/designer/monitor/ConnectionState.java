package io.caseflow.designer.monitor;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Whether the monitor can reach its source, and if not, why. Always shown in the UI.
 *
 * <ul>
 *   <li>{@link Kind#CONNECTING}: the first attempt is under way;</li>
 *   <li>{@link Kind#CONNECTED}: snapshots, actions and live events work;</li>
 *   <li>{@link Kind#RECONNECTING}: the source stopped answering and is being tried again by itself
 *       ({@code attempt} counts the tries); what was missed is re-read once it answers;</li>
 *   <li>{@link Kind#LOST}: automatic attempts stopped (or the source was closed); a person must act.</li>
 * </ul>
 */
public record ConnectionState(Kind kind, String reason, Instant since, int attempt) {
    public enum Kind {
        CONNECTING, CONNECTED, RECONNECTING, LOST;

        public boolean isUp() {
            return this == CONNECTED;
        }
    }

    public ConnectionState {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(since, "since");
    }

    public static ConnectionState connecting(Instant now) {
        return new ConnectionState(Kind.CONNECTING, null, now, 0);
    }

    public static ConnectionState connected(Instant now) {
        return new ConnectionState(Kind.CONNECTED, null, now, 0);
    }

    public static ConnectionState reconnecting(String reason, Instant since, int attempt) {
        return new ConnectionState(Kind.RECONNECTING, reason, since, attempt);
    }

    public static ConnectionState lost(String reason, Instant now) {
        return new ConnectionState(Kind.LOST, reason, now, 0);
    }

    public boolean isUp() {
        return kind.isUp();
    }

    /** One sentence for the status bar: "Connected", "Reconnecting (attempt 3): the store does not answer". */
    public String describe() {
        return switch (kind) {
            case CONNECTING -> "Connecting…";
            case CONNECTED -> "Connected";
            case RECONNECTING -> "Reconnecting" + (attempt > 1 ? " (attempt " + attempt + ")" : "") + (reason == null ? "" : ": " + reason);
            case LOST -> "Connection lost" + (reason == null ? "" : ": " + reason);
        };
    }

    /** How long it has been in this state. */
    public Duration age(Instant now) {
        return Duration.between(since, now);
    }
}
