package io.caseflow.message;

/** What travels on an innerQ: a stage that is due, or a service reply's deadline that passed. */
public sealed interface InnerMessage permits StageDue, ReplyTimeout {
    String processId();

    long step();

    /** The W3C trace context of the span that sent it, or null (see {@link TraceParent}). */
    String traceparent();
}
