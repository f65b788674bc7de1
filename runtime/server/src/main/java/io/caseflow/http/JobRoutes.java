package io.caseflow.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.caseflow.CaseflowRuntime;
import io.caseflow.job.ItemState;
import io.caseflow.job.JobItem;
import io.caseflow.job.JobRequest;
import io.caseflow.job.JobRequestException;
import io.caseflow.job.JobSnapshot;
import io.caseflow.json.Json;
import io.caseflow.store.JdbcJobStore;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Bulk jobs over HTTP: {@code POST /api/jobs} (a kind and a query or ids; {@code Idempotency-Key} makes a
 * repeat answer with the same job), {@code GET /api/jobs}, {@code GET /api/jobs/{id}} (progress),
 * {@code GET /api/jobs/{id}/items} (a result per process, paged by process id) and
 * {@code POST /api/jobs/{id}/cancel}. A request that cannot be run is a 400 whose details name the field.
 */
final class JobRoutes {
    static final int MAX_ITEMS_PAGE = 1000;

    private final CaseflowRuntime runtime;

    private JobRoutes(CaseflowRuntime runtime) {
        this.runtime = runtime;
    }

    static void register(Javalin app, CaseflowRuntime runtime) {
        JobRoutes routes = new JobRoutes(runtime);
        app.exception(JobRequestException.class, (e, ctx) -> ErrorAnswers.error(ctx, "Idempotency-Key".equals(e.field()) ? 409 : 400,
                "Idempotency-Key".equals(e.field()) ? "idempotency_conflict" : "bad_request", e.getMessage(),
                Json.object().put("field", e.field())));
        app.post("/api/jobs", routes::create);
        app.get("/api/jobs", ctx -> ctx.json(jobs(runtime.jobs().list(HttpApi.intParam(ctx, "limit", 50, 1, 500)))));
        app.get("/api/jobs/{id}", ctx -> ctx.json(view(routes.job(ctx))));
        app.get("/api/jobs/{id}/items", routes::items);
        app.post("/api/jobs/{id}/cancel", routes::cancel);
    }

    private void create(Context ctx) {
        if (ctx.body().isBlank()) {
            throw new JobRequestException("body", "the body is empty; send {\"kind\": \"retry\", \"query\": {\"status\": [\"FAILED\"], ...}}");
        }
        JobRequest request = JobRequest.fromJson(RequestBodies.parse(ctx.body()));
        String key = HttpApi.idempotencyKey(ctx);
        JdbcJobStore.Created created = runtime.jobs().create(request, requester(ctx), key);
        ctx.status(created.created() ? 201 : 200).json(view(created.job()));
    }

    private JobSnapshot job(Context ctx) {
        String id = ctx.pathParam("id");
        return runtime.jobs().find(id).orElseThrow(() -> new ApiError(404, "not_found", "no job " + id, Json.object().put("field", "id")));
    }

    private void items(Context ctx) {
        JobSnapshot job = job(ctx);
        ItemState state = null;
        String stateText = ctx.queryParam("state");
        if (stateText != null && !stateText.isBlank()) {
            try {
                state = ItemState.valueOf(stateText.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
            } catch (IllegalArgumentException e) {
                throw new ApiError(400, "bad_request", "unknown item state '" + stateText + "'; use one of "
                        + Arrays.stream(ItemState.values()).map(Enum::name).collect(Collectors.joining(", ")),
                        Json.object().put("field", "state"));
            }
        }
        int limit = HttpApi.intParam(ctx, "limit", 100, 1, MAX_ITEMS_PAGE);
        List<JobItem> items = runtime.jobs().items(job.id(), state, ctx.queryParam("after"), limit);
        ObjectNode answer = Json.object().put("jobId", job.id());
        ArrayNode array = answer.putArray("items");
        for (JobItem item : items) {
            array.addObject().put("processId", item.processId()).put("step", item.step()).put("state", item.state().name())
                    .put("message", item.message()).put("doneAt", text(item.doneAt()));
        }
        answer.put("next", items.size() == limit ? items.get(items.size() - 1).processId() : null);
        ctx.json(answer);
    }

    private void cancel(Context ctx) {
        JobSnapshot job = job(ctx);
        boolean cancelled = runtime.jobs().cancel(job.id());
        ObjectNode answer = view(runtime.jobs().find(job.id()).orElse(job));
        answer.put("cancelledNow", cancelled);
        answer.put("message", cancelled ? "job " + job.id() + " cancelled; processes already acted on keep their results"
                : "job " + job.id() + " had ended (" + job.state() + "); nothing to cancel");
        ctx.json(answer);
    }

    /** Who asked, for the job's record: the token's name and the client's address (the audit trail has the rest). */
    static String requester(Context ctx) {
        Caller caller = ctx.attribute(AuditTrail.CALLER);
        return (caller == null ? "unknown" : caller.name()) + "@" + ctx.ip();
    }

    static ArrayNode jobs(List<JobSnapshot> jobs) {
        ArrayNode array = Json.MAPPER.createArrayNode();
        jobs.forEach(job -> array.add(view(job)));
        return array;
    }

    static ObjectNode view(JobSnapshot job) {
        ObjectNode node = Json.object().put("id", job.id()).put("kind", job.kind().jsonName()).put("state", job.state().name())
                .put("requestedBy", job.requestedBy()).put("total", job.total()).put("finished", job.finished())
                .put("createdAt", text(job.createdAt())).put("updatedAt", text(job.updatedAt())).put("summary", job.describe());
        ObjectNode counts = node.putObject("counts");
        for (ItemState state : ItemState.values()) {
            counts.put(state.name(), job.count(state));
        }
        node.set("request", job.request().toJson());
        return node;
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
