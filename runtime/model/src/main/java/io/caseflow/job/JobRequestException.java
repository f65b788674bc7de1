package io.caseflow.job;

/** A job request that cannot be run as asked; {@link #field()} names the part of the request that is wrong. */
public final class JobRequestException extends IllegalArgumentException {
    private final String field;

    public JobRequestException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
