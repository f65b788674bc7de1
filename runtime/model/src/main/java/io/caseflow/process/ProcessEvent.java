package io.caseflow.process;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.caseflow.definition.CaseKey;
import io.caseflow.json.Json;
import java.time.Instant;

/**
 * A committed transition as monitors see it. {@code seq} is the process's step: it grows by exactly one
 * per transition, so a monitor that receives seq 7 after seq 5 knows it missed one and re-reads the
 * process.
 */
public record ProcessEvent(String processId, CaseKey caseKey, int version, long seq, ProcessStatus status, String stage,
                           String previousStage, int attempt, Instant at, String failedStage, String error) {

    public static ProcessEvent of(ProcessSnapshot p) {
        return new ProcessEvent(p.id(), p.caseKey(), p.caseVersion(), p.step(), p.status(), p.currentStage(), p.previousStage(),
                p.attempt(), p.updatedAt(), p.failure() == null ? null : p.failure().stage(),
                p.failure() == null ? null : p.failure().message());
    }

    public ObjectNode toJson() {
        ObjectNode event = Json.object()
                .put("processId", processId)
                .put("case", caseKey.name())
                .put("api", caseKey.api())
                .put("version", version)
                .put("seq", seq)
                .put("status", status.name())
                .put("stage", stage)
                .put("previousStage", previousStage)
                .put("attempt", attempt)
                .put("at", at == null ? null : at.toString());
        if (failedStage != null) {
            event.put("failedStage", failedStage).put("error", error);
        }
        return event;
    }

    /** Reads an event; throws {@link IllegalArgumentException} naming the field if it is not one. */
    public static ProcessEvent fromJson(JsonNode node) {
        try {
            return new ProcessEvent(required(node, "processId"), new CaseKey(required(node, "case"), required(node, "api")),
                    node.path("version").asInt(), node.path("seq").asLong(-1),
                    ProcessStatus.valueOf(required(node, "status")), required(node, "stage"),
                    node.hasNonNull("previousStage") ? node.get("previousStage").asText() : null, node.path("attempt").asInt(1),
                    node.hasNonNull("at") ? Instant.parse(node.get("at").asText()) : null,
                    node.hasNonNull("failedStage") ? node.get("failedStage").asText() : null,
                    node.hasNonNull("error") ? node.get("error").asText() : null);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not a process event: " + e.getMessage(), e);
        }
    }

    private static String required(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull() || value.asText().isEmpty()) {
            throw new IllegalArgumentException("field '" + field + "' is missing");
        }
        return value.asText();
    }
}
