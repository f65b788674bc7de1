package io.caseflow.http;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.caseflow.audit.AuditEvent;
import io.caseflow.json.Json;
import io.caseflow.message.TraceParent;
import io.caseflow.store.JdbcAuditLog;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.io.IOException;
import java.time.Clock;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records every action asked of the API (every request but a GET: starts, retries, cancels, migrations, jobs,
 * dead letters, deploys, retention), allowed or refused, after it is answered: who, what, when, from where,
 * and the result. A trail that cannot be written (the store is down, and the action most likely failed too)
 * is logged with everything it would have held, so it is not lost silently.
 */
final class AuditTrail {
    static final String CALLER = AuditTrail.class.getName() + ".caller";
    private static final Logger LOG = LoggerFactory.getLogger(AuditTrail.class);

    private final JdbcAuditLog log;
    private final Clock clock;

    private AuditTrail(JdbcAuditLog log, Clock clock) {
        this.log = log;
        this.clock = clock;
    }

    static void install(Javalin app, JdbcAuditLog log, Clock clock) {
        AuditTrail trail = new AuditTrail(log, clock);
        app.after(trail::record);
    }

    private void record(Context ctx) {
        if (ctx.method() == HandlerType.GET || ctx.method() == HandlerType.HEAD || ctx.method() == HandlerType.OPTIONS) {
            return;
        }
        Caller caller = ctx.attribute(CALLER);
        Map<String, String> params = pathParams(ctx);
        String processId = params.get("id") != null && ctx.endpointHandlerPath().contains("/processes/{id}") ? params.get("id") : null;
        int status = ctx.statusCode();
        Answer answer = Answer.of(ctx);
        if (processId == null && ctx.endpointHandlerPath().endsWith("/processes") && status < 300) {
            processId = answer.id(); // a start: the process it made
        }
        String outcome = status < 400 ? "ok" : answer.errorCode() == null ? "http_" + status : answer.errorCode();
        String traceparent = TraceParent.orNull(ctx.res().getHeader(TraceParent.FIELD));
        AuditEvent event = new AuditEvent(0, clock.instant(), caller == null ? "(no valid token)" : caller.name(),
                caller == null ? "none" : caller.role().label(), ctx.method() + " " + route(ctx), processId, params.get("case"),
                params.get("api"), status, outcome, remote(ctx), traceparent == null ? null : TraceParent.traceId(traceparent));
        try {
            log.append(event);
        } catch (RuntimeException e) {
            LOG.error("could not write the audit trail ({}); the event: {}", e.getMessage(), event);
        }
    }

    private static String route(Context ctx) {
        String route = ctx.endpointHandlerPath();
        return route == null || route.isEmpty() || "*".equals(route) ? ctx.path() : route;
    }

    private static Map<String, String> pathParams(Context ctx) {
        try {
            return ctx.pathParamMap();
        } catch (RuntimeException e) {
            return Map.of(); // no route matched (404): no parameters
        }
    }

    /**
     * What the trail takes from the answer: its top-level {@code id} and its {@code error.code}. Read token by token,
     * every other value skipped: a start's answer carries the process's whole input, and parsing it into a tree again
     * here cost as much as the answer's own view of it.
     */
    record Answer(String id, String errorCode) {
        private static final Answer NONE = new Answer(null, null);

        static Answer of(Context ctx) {
            String body;
            try {
                body = ctx.result();
            } catch (RuntimeException e) {
                return NONE;
            }
            return body == null || !body.startsWith("{") ? NONE : of(body);
        }

        static Answer of(String body) {
            String id = null;
            String errorCode = null;
            try (JsonParser parser = Json.MAPPER.getFactory().createParser(body)) {
                parser.nextToken();
                for (JsonToken token = parser.nextToken(); token == JsonToken.FIELD_NAME; token = parser.nextToken()) {
                    String name = parser.currentName();
                    JsonToken value = parser.nextToken();
                    if ("id".equals(name) && value == JsonToken.VALUE_STRING) {
                        id = parser.getText();
                    } else if ("error".equals(name) && value == JsonToken.START_OBJECT) {
                        errorCode = codeOf(parser);
                    } else {
                        parser.skipChildren();
                    }
                }
            } catch (IOException | RuntimeException e) {
                // Not JSON after all: the trail records what it found so far.
            }
            return new Answer(id, errorCode);
        }

        /** The {@code code} of the error object the parser is at the start of; leaves the parser at its end. */
        private static String codeOf(JsonParser parser) throws IOException {
            String code = null;
            for (JsonToken token = parser.nextToken(); token == JsonToken.FIELD_NAME; token = parser.nextToken()) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if ("code".equals(name) && value == JsonToken.VALUE_STRING) {
                    code = parser.getText();
                } else {
                    parser.skipChildren();
                }
            }
            return code;
        }
    }

    /** The client's address, and what a gateway in front says it forwarded for. */
    private static String remote(Context ctx) {
        String forwarded = ctx.header("X-Forwarded-For");
        return forwarded == null || forwarded.isBlank() ? ctx.ip() : ctx.ip() + " for " + forwarded.trim();
    }
}
