package io.caseflow.validation;

/**
 * One thing wrong with a definition: where it is, what is wrong, and what to change.
 *
 * <p>{@link #toString()} gives the sentence a user reads, e.g.
 * {@code orders.case.json: stage 'charge': a service stage needs a service. Set "service" to the
 * service it calls.}
 */
public record Problem(Severity severity, ProblemCode code, String source, ProblemTarget target,
                      String message, String fix) {

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    @Override
    public String toString() {
        return (source == null ? "" : source + ": ") + target.describe() + ": " + message
                + (fix == null ? "" : ". " + fix);
    }
}
