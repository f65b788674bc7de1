package io.caseflow.handler;

import com.fasterxml.jackson.databind.JsonNode;
import io.caseflow.definition.TransitionDefinition;
import io.caseflow.json.Json;

/**
 * What a handler decided. The engine turns it into a committed transition; the handler never moves
 * the process itself. Build one with the static factories or the {@link StageContext} shortcuts.
 */
public sealed interface StageOutcome {

    /**
     * Go along the transition for {@code outcome}: the default one, a branch name, or a target stage
     * name. {@code result} (may be null) is recorded as this stage's result for later stages.
     */
    record Next(String outcome, JsonNode result) implements StageOutcome {
    }

    /** Send {@code command} with {@code payload} to the stage's service and wait for the reply. */
    record CallService(String command, JsonNode payload) implements StageOutcome {
    }

    /** End the process now with {@code result}. */
    record Complete(JsonNode result) implements StageOutcome {
    }

    /** This attempt failed; the stage is retried per its policy unless {@code retriable} is false. */
    record Fail(String reason, boolean retriable) implements StageOutcome {
    }

    static StageOutcome next() {
        return new Next(TransitionDefinition.DEFAULT_OUTCOME, null);
    }

    static StageOutcome next(String outcomeOrStage) {
        return new Next(outcomeOrStage, null);
    }

    static StageOutcome next(String outcomeOrStage, Object result) {
        return new Next(outcomeOrStage, result == null ? null : Json.tree(result));
    }

    static StageOutcome callService(String command, Object payload) {
        return new CallService(command, Json.tree(payload));
    }

    static StageOutcome complete(Object result) {
        return new Complete(Json.tree(result));
    }

    static StageOutcome fail(String reason) {
        return new Fail(reason, true);
    }

    static StageOutcome failPermanently(String reason) {
        return new Fail(reason, false);
    }
}
