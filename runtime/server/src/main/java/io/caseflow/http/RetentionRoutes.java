package io.caseflow.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.caseflow.CaseflowRuntime;
import io.caseflow.json.Json;
import io.caseflow.retention.RetentionPeriod;
import io.caseflow.retention.RetentionPolicy;
import io.caseflow.retention.sweep.RetentionStore;
import io.javalin.Javalin;
import io.javalin.http.Context;

/**
 * Retention over HTTP: {@code GET /api/retention} (policies, what applies to each deployed case api, the sweeper's
 * record, the oldest finished process kept), {@code PUT /api/cases/{case}[/{api}]/retention} with
 * {@code {"period": "P30D"}} (or {@code "forever"}) and {@code DELETE} of the same path to clear it. A policy for a
 * case covers all its apis; one for a case api wins over it.
 */
final class RetentionRoutes {
    private final CaseflowRuntime runtime;
    private RetentionStore store;

    private RetentionRoutes(CaseflowRuntime runtime) {
        this.runtime = runtime;
    }

    static void register(Javalin app, CaseflowRuntime runtime) {
        RetentionRoutes routes = new RetentionRoutes(runtime);
        app.get("/api/retention", ctx -> ctx.json(Json.tree(routes.store().status())));
        app.put("/api/cases/{case}/retention", ctx -> routes.set(ctx, null));
        app.put("/api/cases/{case}/{api}/retention", ctx -> routes.set(ctx, ctx.pathParam("api")));
        app.delete("/api/cases/{case}/retention", ctx -> routes.clear(ctx, null));
        app.delete("/api/cases/{case}/{api}/retention", ctx -> routes.clear(ctx, ctx.pathParam("api")));
    }

    private synchronized RetentionStore store() {
        if (store == null) {
            store = new RetentionStore(runtime.database(), runtime.clock());
        }
        return store;
    }

    private void set(Context ctx, String api) {
        JsonNode body = ctx.body().isBlank() ? Json.object() : RequestBodies.parse(ctx.body());
        JsonNode period = body.path("period");
        if (!period.isTextual()) {
            throw invalid("period", "'period' is required: an ISO-8601 duration or period such as P90D, PT12H or P1Y, or 'forever'");
        }
        RetentionPolicy policy;
        try {
            RetentionPeriod parsed = RetentionPeriod.parse("period", period.asText());
            policy = store().setPolicy(ctx.pathParam("case"), api, parsed);
        } catch (IllegalArgumentException e) {
            throw invalid(e.getMessage().startsWith("'api'") ? "api" : e.getMessage().startsWith("'case'") ? "case" : "period",
                    e.getMessage());
        }
        ctx.json(Json.tree(policy));
    }

    private void clear(Context ctx, String api) {
        String caseName = ctx.pathParam("case");
        boolean cleared = store().clearPolicy(caseName, api);
        ctx.json(Json.object().put("target", api == null ? caseName : caseName + "/" + api).put("cleared", cleared));
    }

    private static ApiError invalid(String field, String message) {
        return new ApiError(400, "bad_request", message, Json.object().put("field", field));
    }
}
