package io.caseflow.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.caseflow.CaseflowRuntime;
import io.caseflow.audit.AuditEvent;
import io.caseflow.json.Json;
import io.caseflow.process.ProcessNotFoundException;
import io.caseflow.store.JdbcAuditLog;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.List;

/** Reading the audit trail: all of it (admin), or one process's (whoever may see process data). */
final class AuditRoutes {
    private final CaseflowRuntime runtime;
    private final JdbcAuditLog log;

    private AuditRoutes(CaseflowRuntime runtime, JdbcAuditLog log) {
        this.runtime = runtime;
        this.log = log;
    }

    static void register(Javalin app, CaseflowRuntime runtime, JdbcAuditLog log) {
        AuditRoutes routes = new AuditRoutes(runtime, log);
        app.get("/api/audit", routes::all);
        app.get("/api/processes/{id}/audit", routes::ofProcess);
    }

    private void all(Context ctx) {
        ctx.json(page(log.list(blankToNull(ctx.queryParam("processId")), blankToNull(ctx.queryParam("actor")),
                longParam(ctx, "before"), HttpApi.intParam(ctx, "limit", 100, 1, JdbcAuditLog.MAX_LIMIT))));
    }

    private void ofProcess(Context ctx) {
        String id = ctx.pathParam("id");
        List<AuditEvent> events = log.list(id, null, longParam(ctx, "before"), HttpApi.intParam(ctx, "limit", 100, 1, JdbcAuditLog.MAX_LIMIT));
        if (events.isEmpty() && runtime.find(id).isEmpty()) {
            throw new ProcessNotFoundException(id);
        }
        ctx.json(page(events));
    }

    private static ObjectNode page(List<AuditEvent> events) {
        ArrayNode items = Json.MAPPER.createArrayNode();
        for (AuditEvent e : events) {
            ObjectNode item = items.addObject().put("id", e.id()).put("at", e.at().toString()).put("actor", e.actor())
                    .put("role", e.role()).put("action", e.action()).put("status", e.status()).put("outcome", e.outcome());
            putIfPresent(item, "processId", e.processId());
            putIfPresent(item, "case", e.caseName());
            putIfPresent(item, "api", e.api());
            putIfPresent(item, "remote", e.remote());
            putIfPresent(item, "traceId", e.traceId());
        }
        ObjectNode page = Json.object();
        page.set("events", items);
        if (!events.isEmpty()) {
            page.put("next", events.get(events.size() - 1).id()); // ?before= this for the next older page
        }
        return page;
    }

    private static void putIfPresent(ObjectNode node, String field, String value) {
        if (value != null) {
            node.put(field, value);
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static long longParam(Context ctx, String name) {
        String value = ctx.queryParam(name);
        if (value == null || value.isBlank()) {
            return 0;
        }
        try {
            long parsed = Long.parseLong(value.trim());
            if (parsed < 0) {
                throw new NumberFormatException();
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw ApiError.badRequest("query parameter '" + name + "' must be a positive whole number, was '" + value + "'");
        }
    }
}
