package io.caseflow.http;

import io.caseflow.message.TraceParent;
import io.caseflow.tracing.Tracing;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Scope;
import java.util.Set;

/**
 * A server span for every API request, child of the caller's W3C {@code traceparent} header when it sends
 * one, and current while the request is handled: a process started (or retried, cancelled) here carries
 * that trace into every message it sends. The response names the trace in its own {@code traceparent}
 * header, so a client that sent none can still find it.
 */
final class RequestTracing {
    private static final String SPAN = RequestTracing.class.getName() + ".span";
    private static final String SCOPE = RequestTracing.class.getName() + ".scope";
    private static final Set<String> UNTRACED = Set.of("/api/health", "/api/metrics");

    private RequestTracing() {
    }

    static void install(Javalin app, Tracing tracing) {
        app.beforeMatched(ctx -> begin(ctx, tracing));
        app.after(RequestTracing::end);
    }

    private static void begin(Context ctx, Tracing tracing) {
        if (UNTRACED.contains(ctx.path())) {
            return; // probes and scrapes every few seconds: noise in any trace store
        }
        String incoming = TraceParent.orNull(ctx.header(TraceParent.FIELD));
        String route = ctx.endpointHandlerPath();
        Span span = tracing.start(ctx.method() + " " + route, SpanKind.SERVER, incoming)
                .setAttribute("http.request.method", ctx.method().name())
                .setAttribute("http.route", route);
        ctx.attribute(SPAN, span);
        ctx.attribute(SCOPE, span.makeCurrent());
        String outgoing = Tracing.traceparent(span, incoming);
        if (outgoing != null) {
            ctx.header(TraceParent.FIELD, outgoing);
        }
    }

    private static void end(Context ctx) {
        Scope scope = ctx.attribute(SCOPE);
        Span span = ctx.attribute(SPAN);
        if (scope != null) {
            scope.close();
        }
        if (span != null) {
            int status = ctx.statusCode();
            span.setAttribute("http.response.status_code", status);
            if (status >= 500) {
                span.setStatus(StatusCode.ERROR);
            }
            span.end();
        }
    }
}
