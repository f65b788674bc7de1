package io.caseflow.message;

/** "The reply the process has waited for since step {@code step} is overdue." */
public record ReplyTimeout(String processId, long step, String traceparent) implements InnerMessage {
    public ReplyTimeout(String processId, long step) {
        this(processId, step, null);
    }
}
