package io.caseflow.message;

/** "Stage {@code stage} of process {@code processId} is due at step {@code step}." */
public record StageDue(String processId, long step, String stage, String traceparent) implements InnerMessage {
    public StageDue(String processId, long step, String stage) {
        this(processId, step, stage, null);
    }
}
