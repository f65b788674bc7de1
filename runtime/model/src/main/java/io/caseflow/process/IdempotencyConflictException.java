package io.caseflow.process;

/** A start request reused an idempotency key with a different input. */
public class IdempotencyConflictException extends RuntimeException {
    private final String existingProcessId;

    public IdempotencyConflictException(String key, String existingProcessId) {
        super("idempotency key '" + key + "' was already used for process " + existingProcessId
                + " with a different input; use a new key for a new process");
        this.existingProcessId = existingProcessId;
    }

    public String existingProcessId() {
        return existingProcessId;
    }
}
