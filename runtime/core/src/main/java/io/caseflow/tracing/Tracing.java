package io.caseflow.tracing;

import io.caseflow.commit.Commit;
import io.caseflow.commit.NewProcess;
import io.caseflow.message.Messages;
import io.caseflow.message.OutboxMessage;
import io.caseflow.message.TraceParent;
import io.caseflow.process.ProcessSnapshot;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import java.util.ArrayList;
import java.util.List;

/**
 * Spans for the work a process does, joined into one trace by the W3C {@code traceparent} each message
 * carries: the HTTP start (or operator action), one span per stage attempt, each service command and each
 * reply. With the OpenTelemetry API's no-op (no SDK installed) nothing is recorded, and a traceparent that
 * came in is passed on unchanged, so a traced service further on still joins the caller's trace.
 */
public final class Tracing {
    public static final AttributeKey<String> PROCESS_ID = AttributeKey.stringKey("caseflow.process.id");
    public static final AttributeKey<String> CASE = AttributeKey.stringKey("caseflow.case");
    public static final AttributeKey<String> API = AttributeKey.stringKey("caseflow.api");
    public static final AttributeKey<Long> CASE_VERSION = AttributeKey.longKey("caseflow.case.version");
    public static final AttributeKey<String> STAGE = AttributeKey.stringKey("caseflow.stage");
    public static final AttributeKey<Long> ATTEMPT = AttributeKey.longKey("caseflow.attempt");
    public static final AttributeKey<Long> STEP = AttributeKey.longKey("caseflow.step");
    public static final AttributeKey<String> SERVICE = AttributeKey.stringKey("caseflow.service");
    public static final AttributeKey<String> COMMAND = AttributeKey.stringKey("caseflow.command");
    public static final AttributeKey<String> TASK_ID = AttributeKey.stringKey("caseflow.task.id");

    /** Records nothing, passes trace context on. */
    public static final Tracing NONE = new Tracing(OpenTelemetry.noop());

    private static final TextMapGetter<String> FROM_VALUE = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(String carrier) {
            return List.of(TraceParent.FIELD);
        }

        @Override
        public String get(String carrier, String key) {
            return TraceParent.FIELD.equals(key) ? carrier : null;
        }
    };

    private final Tracer tracer;

    private Tracing(OpenTelemetry openTelemetry) {
        this.tracer = openTelemetry.getTracer("io.caseflow");
    }

    public static Tracing of(OpenTelemetry openTelemetry) {
        return new Tracing(openTelemetry);
    }

    /** Starts a span whose parent is the given traceparent (a new trace when null). */
    public Span start(String name, SpanKind kind, String traceparent) {
        Context parent = traceparent == null ? Context.root()
                : W3CTraceContextPropagator.getInstance().extract(Context.root(), traceparent, FROM_VALUE);
        return tracer.spanBuilder(name).setParent(parent).setSpanKind(kind).startSpan();
    }

    /** A span for one attempt at a stage of {@code process}. */
    public Span startStage(String traceparent, ProcessSnapshot process, String stage) {
        Span span = start("stage " + stage, SpanKind.CONSUMER, traceparent);
        if (span.isRecording()) {
            describe(span, process).setAttribute(STAGE, stage).setAttribute(ATTEMPT, (long) process.attempt());
        }
        return span;
    }

    /** A span for a message about a process's current stage that is not a stage attempt (a reply, an overdue reply). */
    public Span startOnProcess(String name, String traceparent, ProcessSnapshot process) {
        Span span = start(name, SpanKind.CONSUMER, traceparent);
        if (span.isRecording()) {
            describe(span, process).setAttribute(STAGE, process.currentStage());
        }
        return span;
    }

    private static Span describe(Span span, ProcessSnapshot process) {
        return span.setAttribute(PROCESS_ID, process.id())
                .setAttribute(CASE, process.caseKey().name())
                .setAttribute(API, process.caseKey().api())
                .setAttribute(CASE_VERSION, (long) process.caseVersion())
                .setAttribute(STEP, process.step());
    }

    /** The traceparent naming {@code span}; {@code fallback} (what came in) when the span records nothing. */
    public static String traceparent(Span span, String fallback) {
        SpanContext context = span.getSpanContext();
        if (!context.isValid()) {
            return fallback;
        }
        return "00-" + context.getTraceId() + "-" + context.getSpanId() + "-" + context.getTraceFlags().asHex();
    }

    /** The traceparent of the span current on this thread (an HTTP request's), or null. */
    public static String current() {
        return traceparent(Span.current(), null);
    }

    /** The commit with every message it sends carrying {@code traceparent}; the same commit when there is none. */
    public static Commit stamp(Commit commit, String traceparent) {
        if (traceparent == null || commit.messages().isEmpty()) {
            return commit;
        }
        return new Commit(commit.next(), commit.expectedStep(), commit.runWrites(), stamp(commit.messages(), traceparent),
                commit.cancelTimers(), commit.writesData(), commit.dataJson(), commit.movesStatus());
    }

    public static NewProcess stamp(NewProcess start, String traceparent) {
        return traceparent == null ? start : new NewProcess(start.process(), stamp(start.first(), traceparent), start.inputJson(),
                start.dataJson(), start.inputChecksum());
    }

    private static List<OutboxMessage> stamp(List<OutboxMessage> messages, String traceparent) {
        List<OutboxMessage> stamped = new ArrayList<>(messages.size());
        for (OutboxMessage message : messages) {
            stamped.add(stamp(message, traceparent));
        }
        return stamped;
    }

    private static OutboxMessage stamp(OutboxMessage message, String traceparent) {
        return new OutboxMessage(message.destination(), message.processId(), message.kind(),
                Messages.withTraceparent(message.body(), traceparent), message.availableAt());
    }
}
