package io.caseflow.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.caseflow.CaseflowRuntime;
import io.caseflow.definition.CaseKey;
import io.caseflow.engine.VersionMigration;
import io.caseflow.json.Json;
import io.caseflow.process.MigrationOutcome;
import io.caseflow.process.MigrationReport;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code POST /api/cases/{case}/{api}/migrations}: moves processes that have not ended from one version
 * of the case to a newer one, with a stage mapping; {@code "dryRun": true} only says what would move.
 */
final class MigrationRequests {
    static final int DEFAULT_LIMIT = 1000;
    private static final int MAX_MAPPINGS = 1000;

    private MigrationRequests() {
    }

    static ObjectNode migrate(CaseflowRuntime runtime, CaseKey key, String body) {
        JsonNode request = RequestBodies.parse(body == null || body.isBlank() ? "{}" : body);
        if (!request.isObject()) {
            throw ApiError.badRequest("the body must be a JSON object: {\"fromVersion\": 1, \"toVersion\": 2, \"stageMapping\": {...}}");
        }
        int from = version(request, "fromVersion");
        int to = version(request, "toVersion");
        int limit = request.path("limit").asInt(DEFAULT_LIMIT);
        if (limit < 1 || limit > VersionMigration.MAX_LIMIT) {
            throw ApiError.badRequest("limit must be 1 to " + VersionMigration.MAX_LIMIT + ", was " + limit);
        }
        if (runtime.definition(key, to).isEmpty()) {
            throw ApiError.notFound("case " + key + " has no version " + to + "; deploy it first");
        }
        MigrationReport report = runtime.migrate(key, from, to, mapping(request.path("stageMapping")), request.path("dryRun").asBoolean(false),
                limit);
        return view(report);
    }

    private static int version(JsonNode request, String field) {
        JsonNode value = request.get(field);
        if (value == null || !value.canConvertToInt() || value.asInt() < 1) {
            throw ApiError.badRequest("'" + field + "' must be a version number (1 or more)");
        }
        return value.asInt();
    }

    private static Map<String, String> mapping(JsonNode node) {
        Map<String, String> mapping = new LinkedHashMap<>();
        if (node.isMissingNode() || node.isNull()) {
            return mapping;
        }
        if (!node.isObject() || node.size() > MAX_MAPPINGS) {
            throw ApiError.badRequest("'stageMapping' must be an object of at most " + MAX_MAPPINGS + " entries, e.g. {\"reserve\": \"hold\"}");
        }
        node.fields().forEachRemaining(e -> {
            if (!e.getValue().isTextual() || e.getValue().asText().isBlank()) {
                throw ApiError.badRequest("stageMapping['" + e.getKey() + "'] must name a stage of the target version");
            }
            mapping.put(e.getKey(), e.getValue().asText());
        });
        return mapping;
    }

    static ObjectNode view(MigrationReport report) {
        ObjectNode answer = Json.object().put("dryRun", report.dryRun())
                .put("moved", report.count(MigrationOutcome.Status.MOVED))
                .put("wouldMove", report.count(MigrationOutcome.Status.WOULD_MOVE))
                .put("refused", report.count(MigrationOutcome.Status.REFUSED))
                .put("alreadyOnTarget", report.count(MigrationOutcome.Status.ALREADY_ON_TARGET))
                .put("summary", report.describe());
        ArrayNode outcomes = answer.putArray("outcomes");
        for (MigrationOutcome o : report.outcomes()) {
            outcomes.addObject().put("processId", o.processId()).put("status", o.status().name()).put("fromVersion", o.fromVersion())
                    .put("fromStage", o.fromStage()).put("toVersion", o.toVersion()).put("toStage", o.toStage()).put("reason", o.reason());
        }
        return answer;
    }
}
