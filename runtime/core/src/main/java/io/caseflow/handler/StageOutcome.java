package io.caseflow.handler;

import com.fasterxml.jackson.databind.JsonNode;
import io.caseflow.definition.TransitionDefinition;
import io.caseflow.json.Json;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * What a handler decided. The engine turns it into a committed transition; the handler never moves
 * the process itself. Build one with the static factories or the {@link StageContext} shortcuts.
 */
public sealed interface StageOutcome {

    /**
     * Go along the transition for {@code outcome}: the default one, a branch name, or a target stage
     * name. {@code result} (may be null) is recorded as this stage's result for later stages.
     */
    final class Next implements StageOutcome {
        private final String outcome;
        private JsonNode result; // the tree, when made from one or once asked for
        private byte[] resultJson; // UTF-8 JSON, when made from another value or once encoded

        public Next(String outcome, JsonNode result) {
            this.outcome = outcome;
            this.result = result;
        }

        /**
         * With {@code result} (never null) encoded now, straight to text: a handler's {@code Map} or record was turned
         * into a tree and the tree into text, two passes and a tree four times the text's size on the heap (issue 14).
         */
        private Next(String outcome, Object result) {
            this.outcome = outcome;
            this.resultJson = Json.writeBytes(result);
        }

        public String outcome() {
            return outcome;
        }

        /** The stage's result as a tree (parsed once, the first time, when it was given as another value), or null. */
        public synchronized JsonNode result() {
            if (result == null && resultJson != null) {
                result = Json.parse(resultJson);
            }
            return result;
        }

        /** The stage's result as UTF-8 JSON text (encoded once, the first time, when it was given as a tree), or null. */
        public synchronized byte[] resultJson() {
            if (resultJson == null && result != null) {
                resultJson = Json.writeBytes(result);
            }
            return resultJson;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Next next && Objects.equals(outcome, next.outcome) && Objects.equals(result(), next.result());
        }

        @Override
        public int hashCode() {
            return Objects.hash(outcome, result());
        }

        @Override
        public String toString() {
            byte[] json = resultJson();
            return "Next[outcome=" + outcome + ", result=" + (json == null ? null : new String(json, StandardCharsets.UTF_8)) + "]";
        }
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
        if (result == null) {
            return new Next(outcomeOrStage, null);
        }
        return result instanceof JsonNode tree ? new Next(outcomeOrStage, tree) : new Next(outcomeOrStage, result);
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
