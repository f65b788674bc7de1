package io.caseflow.definition;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * An edge of the case graph: when stage {@code from} ends with {@code outcome}, stage {@code to} runs.
 *
 * <p>The outcome is {@value #DEFAULT_OUTCOME} for a plain {@code next()}, a branch name chosen by the
 * handler ({@code next("approved")}), or a service reply's outcome ({@code ok}, {@code declined}).
 */
public record TransitionDefinition(String from, String to, String outcome) {

    public static final String DEFAULT_OUTCOME = "next";

    @JsonCreator
    public TransitionDefinition(@JsonProperty("from") String from,
                                @JsonProperty("to") String to,
                                @JsonProperty("outcome") String outcome) {
        this.from = from;
        this.to = to;
        this.outcome = outcome == null || outcome.isBlank() ? DEFAULT_OUTCOME : outcome.trim();
    }

    public static TransitionDefinition of(String from, String to) {
        return new TransitionDefinition(from, to, DEFAULT_OUTCOME);
    }

    public boolean isDefault() {
        return DEFAULT_OUTCOME.equals(outcome);
    }

    /** How people read it in messages: {@code a → b [declined]}. */
    public String describe() {
        return from + " → " + to + (isDefault() ? "" : " [" + outcome + "]");
    }
}
