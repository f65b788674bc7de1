package io.caseflow.job;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.caseflow.json.Json;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What a bulk job is asked to do: a kind, the processes it selects, and the kind's parameters
 * ({@code fromStage} for retry-from; {@code toVersion} and {@code stageMapping} for migrate).
 *
 * <pre>{@code
 * JobRequest retryFailedPayments = JobRequest.of(JobKind.RETRY,
 *         new JobSelection(Set.of(ProcessStatus.FAILED), "orders", "v1", null, "chargePayment", null, null, null, List.of()));
 * }</pre>
 */
public record JobRequest(JobKind kind, JobSelection selection, String fromStage, Integer toVersion, Map<String, String> stageMapping) {
    private static final Set<String> FIELDS = Set.of("kind", "query", "ids", "fromStage", "toVersion", "stageMapping");

    public JobRequest {
        if (kind == null) {
            throw new JobRequestException("kind", "'kind' is missing; use one of retry, retry-from, cancel, migrate");
        }
        if (selection == null || selection.isEmpty()) {
            throw new JobRequestException("query", "the selection is empty and would select every process; give a query or ids");
        }
        stageMapping = stageMapping == null ? Map.of() : Map.copyOf(new TreeMap<>(stageMapping));
        fromStage = fromStage == null || fromStage.isBlank() ? null : fromStage;
        if (kind == JobKind.RETRY_FROM && fromStage == null) {
            throw new JobRequestException("fromStage", "a retry-from job needs 'fromStage': the stage to resume at");
        }
        if (kind != JobKind.RETRY_FROM && fromStage != null) {
            throw new JobRequestException("fromStage", "'fromStage' belongs to retry-from jobs only");
        }
        if (kind == JobKind.MIGRATE && (toVersion == null || toVersion < 1)) {
            throw new JobRequestException("toVersion", "a migrate job needs 'toVersion' (1 or more)");
        }
        if (kind != JobKind.MIGRATE && (toVersion != null || !stageMapping.isEmpty())) {
            throw new JobRequestException(toVersion != null ? "toVersion" : "stageMapping", "'toVersion' and 'stageMapping' belong to migrate jobs only");
        }
    }

    public static JobRequest of(JobKind kind, JobSelection selection) {
        return new JobRequest(kind, selection, null, null, Map.of());
    }

    /** The JSON form {@code POST /api/jobs} takes and {@code GET /api/jobs/{id}} shows under {@code request}. */
    public ObjectNode toJson() {
        ObjectNode node = Json.object().put("kind", kind.jsonName());
        selection.writeTo(node);
        if (fromStage != null) {
            node.put("fromStage", fromStage);
        }
        if (toVersion != null) {
            node.put("toVersion", toVersion);
        }
        if (!stageMapping.isEmpty()) {
            ObjectNode mapping = node.putObject("stageMapping");
            stageMapping.forEach(mapping::put);
        }
        return node;
    }

    /** Reads the JSON form, naming the field that is wrong ({@link JobRequestException#field()}). */
    public static JobRequest fromJson(JsonNode node) {
        if (node == null || !node.isObject()) {
            throw new JobRequestException("body", "the body must be a JSON object: {\"kind\": \"retry\", \"query\": {\"status\": [\"FAILED\"], ...}}");
        }
        node.fieldNames().forEachRemaining(name -> {
            if (!FIELDS.contains(name)) {
                throw new JobRequestException(name, "unknown field '" + name + "'; a job request has " + String.join(", ", FIELDS.stream().sorted().toList()));
            }
        });
        JsonNode kindNode = node.path("kind");
        if (!kindNode.isTextual()) {
            throw new JobRequestException("kind", "'kind' is missing; use one of retry, retry-from, cancel, migrate");
        }
        JobKind kind = JobKind.parse(kindNode.asText());
        JobSelection selection = JobSelection.read(node);
        JsonNode from = node.path("fromStage");
        if (!from.isMissingNode() && !from.isNull() && !from.isTextual()) {
            throw new JobRequestException("fromStage", "'fromStage' must name a stage");
        }
        JsonNode to = node.path("toVersion");
        if (!to.isMissingNode() && !to.isNull() && !to.canConvertToInt()) {
            throw new JobRequestException("toVersion", "'toVersion' must be a version number");
        }
        Map<String, String> mapping = new LinkedHashMap<>();
        JsonNode mappingNode = node.path("stageMapping");
        if (!mappingNode.isMissingNode() && !mappingNode.isNull()) {
            if (!mappingNode.isObject()) {
                throw new JobRequestException("stageMapping", "'stageMapping' must be an object such as {\"reserve\": \"hold\"}");
            }
            mappingNode.fields().forEachRemaining(e -> {
                if (!e.getValue().isTextual() || e.getValue().asText().isBlank()) {
                    throw new JobRequestException("stageMapping", "stageMapping['" + e.getKey() + "'] must name a stage");
                }
                mapping.put(e.getKey(), e.getValue().asText());
            });
        }
        return new JobRequest(kind, selection, from.isTextual() ? from.asText() : null,
                to.isMissingNode() || to.isNull() ? null : to.asInt(), mapping);
    }
}
