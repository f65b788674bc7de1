package io.caseflow.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.caseflow.CaseflowRuntime;
import io.caseflow.json.Json;
import io.caseflow.message.DeadLetter;
import io.caseflow.store.DeadLetterStore;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Dead letters over HTTP: list ({@code ?state=DEAD|REPLAYED|DISCARDED&reason=…}), replay or discard one
 * ({@code POST /api/dead-letters/{id}/replay|discard}) or many ({@code POST /api/dead-letters/replay|discard}
 * with {@code {"ids": [...]}} or {@code {"query": {"reason", "queue"}, "limit": n}}). A dead letter is
 * replayed at most once (see {@link DeadLetterStore}); a discarded one stays listed, for audit.
 */
final class DeadLetterRoutes {
    static final int MAX_BULK = 10_000;
    private static final Set<String> STATES = Set.of(DeadLetter.DEAD, DeadLetter.REPLAYED, DeadLetter.DISCARDED);

    private final CaseflowRuntime runtime;
    private DeadLetterStore store;

    private DeadLetterRoutes(CaseflowRuntime runtime) {
        this.runtime = runtime;
    }

    static void register(Javalin app, CaseflowRuntime runtime) {
        DeadLetterRoutes routes = new DeadLetterRoutes(runtime);
        app.get("/api/dead-letters", routes::list);
        app.post("/api/dead-letters/replay", ctx -> routes.bulk(ctx, true));
        app.post("/api/dead-letters/discard", ctx -> routes.bulk(ctx, false));
        app.post("/api/dead-letters/{id}/replay", ctx -> routes.one(ctx, true));
        app.post("/api/dead-letters/{id}/discard", ctx -> routes.one(ctx, false));
    }

    private synchronized DeadLetterStore store() {
        if (store == null) {
            store = new DeadLetterStore(runtime.database(), runtime.clock());
        }
        return store;
    }

    private void list(Context ctx) {
        String state = state(ctx.queryParam("state"));
        String reason = ctx.queryParam("reason");
        ctx.json(Views.deadLetters(store().list(state, reason == null || reason.isBlank() ? null : reason,
                HttpApi.intParam(ctx, "limit", 100, 1, 1000))));
    }

    private void one(Context ctx, boolean replay) {
        long id;
        try {
            id = Long.parseLong(ctx.pathParam("id"));
        } catch (NumberFormatException e) {
            throw new ApiError(400, "bad_request", "'" + ctx.pathParam("id") + "' is not a dead letter id (a number)",
                    Json.object().put("field", "id"));
        }
        DeadLetterStore.Settlement settlement = replay ? store().replay(id, JobRoutes.requester(ctx)) : store().discard(id, JobRoutes.requester(ctx));
        switch (settlement.outcome()) {
            case NOT_FOUND -> throw new ApiError(404, "not_found", settlement.message(), Json.object().put("field", "id"));
            case REFUSED -> throw new ApiError(409, "not_replayable", settlement.message(), Json.object().put("id", id));
            default -> ctx.json(view(settlement));
        }
    }

    private void bulk(Context ctx, boolean replay) {
        JsonNode body = RequestBodies.parse(ctx.body().isBlank() ? "{}" : ctx.body());
        List<Long> ids = new ArrayList<>();
        if (body.has("ids")) {
            if (!body.get("ids").isArray() || body.get("ids").isEmpty() || body.get("ids").size() > MAX_BULK || body.has("query")) {
                throw new ApiError(400, "bad_request", "'ids' must be a non-empty array of at most " + MAX_BULK
                        + " dead letter ids, without a 'query'", Json.object().put("field", "ids"));
            }
            for (JsonNode id : body.get("ids")) {
                if (!id.canConvertToLong()) {
                    throw new ApiError(400, "bad_request", "'ids' holds " + id + ", not a dead letter id", Json.object().put("field", "ids"));
                }
                ids.add(id.asLong());
            }
        } else if (body.path("query").isObject()) {
            JsonNode query = body.get("query");
            String reason = query.path("reason").asText(null);
            String queue = query.path("queue").asText(null);
            if (reason == null && queue == null) {
                throw new ApiError(400, "bad_request", "the query is empty; name a 'reason' or a 'queue' (or give 'ids')",
                        Json.object().put("field", "query"));
            }
            int limit = body.path("limit").asInt(1000);
            if (limit < 1 || limit > MAX_BULK) {
                throw new ApiError(400, "bad_request", "'limit' must be 1 to " + MAX_BULK, Json.object().put("field", "limit"));
            }
            ids.addAll(store().deadIds(reason, queue, limit));
        } else {
            throw new ApiError(400, "bad_request", "give 'ids' or a 'query' ({\"reason\": ..., \"queue\": ...})", Json.object().put("field", "query"));
        }
        Map<DeadLetterStore.Outcome, Integer> counts = new EnumMap<>(DeadLetterStore.Outcome.class);
        ArrayNode results = Json.MAPPER.createArrayNode();
        String by = JobRoutes.requester(ctx);
        for (long id : ids) {
            DeadLetterStore.Settlement settlement = replay ? store().replay(id, by) : store().discard(id, by);
            counts.merge(settlement.outcome(), 1, Integer::sum);
            results.addObject().put("id", id).put("outcome", settlement.outcome().name()).put("message", settlement.message());
        }
        ObjectNode answer = Json.object();
        for (DeadLetterStore.Outcome outcome : DeadLetterStore.Outcome.values()) {
            answer.put(outcome.name(), counts.getOrDefault(outcome, 0));
        }
        answer.set("results", results);
        ctx.json(answer);
    }

    private static ObjectNode view(DeadLetterStore.Settlement settlement) {
        ObjectNode node = Json.object().put("id", settlement.id()).put("outcome", settlement.outcome().name())
                .put("message", settlement.message());
        if (settlement.letter() != null) {
            node.set("deadLetter", Views.deadLetters(List.of(settlement.letter())).get(0));
        }
        return node;
    }

    private static String state(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String state = text.trim().toUpperCase(Locale.ROOT);
        if (!STATES.contains(state)) {
            throw new ApiError(400, "bad_request", "unknown dead letter state '" + text + "'; use DEAD, REPLAYED or DISCARDED",
                    Json.object().put("field", "state"));
        }
        return state;
    }
}
