package io.caseflow.process;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.caseflow.definition.CaseKey;
import io.caseflow.json.JsonFields;
import io.caseflow.json.JsonText;
import java.time.Instant;

/**
 * A process as stored: the record the original design describes, holding every stage's result and
 * free data, plus the engine's bookkeeping ({@code step}, the fence; {@code attempt}; the task id it
 * waits for).
 *
 * @param step           increases by one on every committed transition; messages carry the step they are for
 * @param runStep        the step at which the current stage run began (its stage_run row), or null
 * @param waitTaskId     while WAITING (or FAILED by reply timeout): the task id of the outstanding request
 * @param pendingRequest that request's JSON, so it can be sent again with the same task id
 * @param input          what the process was started with (a JSON object), kept as its text and parsed when asked
 * @param data           the free data, kept as each field's text and parsed when asked (never null)
 * @param results        every stage's result, kept as stored and parsed when read (never null)
 */
public record ProcessSnapshot(String id,
                              CaseKey caseKey,
                              int caseVersion,
                              ProcessStatus status,
                              String currentStage,
                              String previousStage,
                              long step,
                              int attempt,
                              Long runStep,
                              String waitTaskId,
                              String pendingRequest,
                              JsonText input,
                              JsonFields data,
                              StageResults results,
                              JsonNode result,
                              Failure failure,
                              String idempotencyKey,
                              Instant createdAt,
                              Instant updatedAt) {

    /**
     * A completed process's result is its end stage's result: a store may keep it once, as that stage's run output,
     * and leave {@code result} null (a large result was written twice, and H2's text column refused one over
     * a million characters), so {@link #result()} then takes it from the results.
     */
    public ProcessSnapshot {
        if (data == null) {
            data = JsonFields.empty();
        }
        if (results == null) {
            results = StageResults.empty();
        }
    }

    /**
     * The process's result: a completed process's end stage result, parsed when asked (each ask is the caller's own
     * copy), unless the row kept one of its own. Not parsed when the snapshot is made: the engine makes one for each
     * process it completes, and nothing there reads it.
     */
    @Override
    public JsonNode result() {
        return result == null && status == ProcessStatus.COMPLETED ? results.get(currentStage) : result;
    }

    /**
     * True when the result is what {@link #results} holds for the end stage (none was given apart from it, or the one
     * given equals it): a store need not keep it twice.
     */
    public boolean resultIsEndStageResult() {
        if (status != ProcessStatus.COMPLETED) {
            return false;
        }
        return result == null ? results.has(currentStage) : result.equals(results.get(currentStage));
    }

    /** A new process, about to run its first stage: step 0, attempt 1, empty data and results. */
    public static ProcessSnapshot begin(String id, CaseKey caseKey, int caseVersion, String startStage, JsonText input,
                                        String idempotencyKey, Instant at) {
        return new ProcessSnapshot(id, caseKey, caseVersion, ProcessStatus.RUNNING, startStage, null, 0, 1, null, null, null,
                input, JsonFields.empty(), StageResults.empty(), null, null, idempotencyKey, at, at);
    }

    /** The same process carrying this input, data and results (a store filling in what it read separately). */
    public ProcessSnapshot withPayload(JsonText newInput, JsonFields newData, StageResults newResults) {
        return new ProcessSnapshot(id, caseKey, caseVersion, status, currentStage, previousStage, step, attempt, runStep, waitTaskId,
                pendingRequest, newInput, newData, newResults, result, failure, idempotencyKey, createdAt, updatedAt);
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Copies a snapshot with changes; used by the decision step to describe the next state. */
    public static final class Builder {
        private final ProcessSnapshot from;
        private ProcessStatus status;
        private String currentStage;
        private String previousStage;
        private long step;
        private int attempt;
        private Long runStep;
        private String waitTaskId;
        private String pendingRequest;
        private JsonFields data;
        private StageResults results;
        private JsonNode result;
        private Failure failure;
        private Instant updatedAt;
        private int caseVersion;

        private Builder(ProcessSnapshot from) {
            this.from = from;
            this.caseVersion = from.caseVersion;
            this.status = from.status;
            this.currentStage = from.currentStage;
            this.previousStage = from.previousStage;
            this.step = from.step;
            this.attempt = from.attempt;
            this.runStep = from.runStep;
            this.waitTaskId = from.waitTaskId;
            this.pendingRequest = from.pendingRequest;
            this.data = from.data;
            this.results = from.results;
            this.result = from.result;
            this.failure = from.failure;
            this.updatedAt = from.updatedAt;
        }

        public Builder status(ProcessStatus value) {
            this.status = value;
            return this;
        }

        /** Moves the process to another version of its case (a migration); its stages are named as in that version. */
        public Builder caseVersion(int value) {
            this.caseVersion = value;
            return this;
        }

        public Builder moveTo(String stage) {
            this.previousStage = currentStage;
            this.currentStage = stage;
            return this;
        }

        public Builder step(long value) {
            this.step = value;
            return this;
        }

        public Builder attempt(int value) {
            this.attempt = value;
            return this;
        }

        public Builder runStep(Long value) {
            this.runStep = value;
            return this;
        }

        public Builder waitingFor(String taskId, String request) {
            this.waitTaskId = taskId;
            this.pendingRequest = request;
            return this;
        }

        public Builder data(JsonFields value) {
            this.data = value;
            return this;
        }

        /** Like {@link #data(JsonFields)}, encoding each field of {@code value}. */
        public Builder data(ObjectNode value) {
            return data(JsonFields.of(value));
        }

        public Builder results(StageResults value) {
            this.results = value;
            return this;
        }

        public Builder result(JsonNode value) {
            this.result = value;
            return this;
        }

        public Builder failure(Failure value) {
            this.failure = value;
            return this;
        }

        public Builder updatedAt(Instant value) {
            this.updatedAt = value;
            return this;
        }

        public ProcessSnapshot build() {
            return new ProcessSnapshot(from.id, from.caseKey, caseVersion, status, currentStage, previousStage, step,
                    attempt, runStep, waitTaskId, pendingRequest, from.input, data, results, result, failure,
                    from.idempotencyKey, from.createdAt, updatedAt);
        }
    }
}
