package io.caseflow.message;

/** "Stage {@code stage} of process {@code processId} is due at step {@code step}." */
public record StageDue(String processId, long step, String stage) implements InnerMessage {
}
