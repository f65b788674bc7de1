package io.caseflow.designer.play;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.caseflow.json.Json;
import java.time.Duration;

/**
 * How a simulated service answers a stage's command: after {@code delay}, either status ok with
 * {@code outcome} and {@code payload}, or, when {@code error} is set, status error with that message
 * (the stage retries it as a new command, then fails).
 */
public record ServiceBehaviour(String outcome, ObjectNode payload, Duration delay, String error) {
    public static final Duration DEFAULT_DELAY = Duration.ofMillis(50);
    public static final Duration MAX_DELAY = Duration.ofMinutes(1);

    public ServiceBehaviour {
        if (outcome == null || outcome.isBlank()) {
            throw new IllegalArgumentException("a service reply needs an outcome");
        }
        outcome = outcome.trim();
        payload = payload == null ? Json.object() : payload.deepCopy();
        delay = delay == null ? DEFAULT_DELAY : delay;
        if (delay.isNegative() || delay.compareTo(MAX_DELAY) > 0) {
            throw new IllegalArgumentException("the delay must be 0 to " + MAX_DELAY.toMillis() + " ms, was " + delay.toMillis() + " ms");
        }
        error = error == null || error.isBlank() ? null : error.trim();
    }

    /** Answers {@code outcome} with an empty payload after the default delay. */
    public static ServiceBehaviour answering(String outcome) {
        return new ServiceBehaviour(outcome, null, DEFAULT_DELAY, null);
    }

    public boolean isError() {
        return error != null;
    }

    @Override
    public ObjectNode payload() {
        return payload.deepCopy();
    }
}
