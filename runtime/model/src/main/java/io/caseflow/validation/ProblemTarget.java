package io.caseflow.validation;

import io.caseflow.definition.TransitionDefinition;

/**
 * The element a problem is about, so a designer can select and reveal it: the case as a whole, one
 * stage (by name) or one transition (by its index in the definition's list).
 */
public record ProblemTarget(Kind kind, String stage, int transitionIndex, TransitionDefinition transition) {

    public enum Kind { CASE, STAGE, TRANSITION }

    public static ProblemTarget wholeCase() {
        return new ProblemTarget(Kind.CASE, null, -1, null);
    }

    public static ProblemTarget stage(String name) {
        return new ProblemTarget(Kind.STAGE, name, -1, null);
    }

    public static ProblemTarget transition(int index, TransitionDefinition transition) {
        return new ProblemTarget(Kind.TRANSITION, null, index, transition);
    }

    /** How the element is named in messages: {@code stage 'charge'}, {@code transition a → b}. */
    public String describe() {
        return switch (kind) {
            case CASE -> "case";
            case STAGE -> "stage '" + (stage == null ? "" : stage) + "'";
            case TRANSITION -> "transition #" + (transitionIndex + 1) + " (" + transition.describe() + ")";
        };
    }
}
