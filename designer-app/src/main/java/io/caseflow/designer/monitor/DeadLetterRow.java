package io.caseflow.designer.monitor;

import io.caseflow.message.DeadLetter;
import java.time.Instant;
import java.util.Locale;

/** A dead letter as the view shows it: where it came from, why it died, and what it carried. */
public record DeadLetterRow(long id, Instant deadAt, String sourceQueue, String reason, String detail, String processId, String body,
                            String state) {
    public static DeadLetterRow of(DeadLetter d) {
        return new DeadLetterRow(d.id(), d.deadAt(), d.sourceQueue(), d.reason(), d.detail(), d.processId(), d.body(), d.state());
    }

    /** Not replayed or discarded yet. */
    public boolean isDead() {
        return state == null || DeadLetter.DEAD.equals(state);
    }

    /** "Dead", "Replayed" or "Discarded". */
    public String stateText() {
        return state == null ? "Dead" : state.charAt(0) + state.substring(1).toLowerCase(Locale.ROOT);
    }

    /** The reason in plain words. */
    public String explain() {
        if (reason == null) {
            return "unknown";
        }
        return switch (reason) {
            case "malformed" -> "The message could not be read";
            case "unknown_process" -> "No such process";
            case "wrong_queue" -> "Arrived on the wrong queue";
            case "unknown_case" -> "The case is not deployed";
            case "bad_task_id" -> "The task id was forged or damaged";
            case "handling_failed" -> "Handling failed too many times";
            case "wrong_service" -> "Sent to the wrong service";
            default -> reason.replace('_', ' ');
        };
    }
}
