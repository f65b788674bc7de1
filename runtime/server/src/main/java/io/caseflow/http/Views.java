package io.caseflow.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.caseflow.process.ActionResult;
import io.caseflow.json.Json;
import io.caseflow.process.ProcessSnapshot;
import io.caseflow.process.ProcessStatus;
import io.caseflow.process.StageRun;
import io.caseflow.message.DeadLetter;
import io.caseflow.definition.DeployedDefinition;
import io.caseflow.process.ProcessPage;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** How the API shows runtime objects as JSON; field names are part of the API contract. */
final class Views {
    private Views() {
    }

    static ObjectNode process(ProcessSnapshot p) {
        ObjectNode node = Json.object()
                .put("id", p.id())
                .put("case", p.caseKey().name())
                .put("api", p.caseKey().api())
                .put("version", p.caseVersion())
                .put("status", p.status().name())
                .put("currentStage", p.currentStage())
                .put("previousStage", p.previousStage())
                .put("step", p.step())
                .put("attempt", p.attempt())
                .put("idempotencyKey", p.idempotencyKey())
                .put("createdAt", text(p.createdAt()))
                .put("updatedAt", text(p.updatedAt()));
        node.set("input", p.input());
        node.set("data", p.data());
        node.set("results", p.results());
        node.set("result", p.result());
        if (p.waitTaskId() != null) {
            node.put("waitingForTaskId", p.waitTaskId());
        }
        if (p.failure() != null) {
            node.putObject("failure")
                    .put("stage", p.failure().stage())
                    .put("kind", p.failure().kind().name())
                    .put("message", p.failure().message())
                    .put("stackTrace", p.failure().stackTrace())
                    .put("at", text(p.failure().at()));
        }
        return node;
    }

    static ObjectNode page(ProcessPage page) {
        ObjectNode node = Json.object().put("total", page.total()).put("offset", page.offset());
        ArrayNode items = node.putArray("processes");
        page.processes().forEach(p -> items.add(process(p)));
        return node;
    }

    static ArrayNode history(List<StageRun> runs) {
        ArrayNode array = Json.MAPPER.createArrayNode();
        for (StageRun run : runs) {
            ObjectNode node = array.addObject()
                    .put("step", run.step())
                    .put("stage", run.stage())
                    .put("attempt", run.attempt())
                    .put("status", run.status().name())
                    .put("startedAt", text(run.startedAt()))
                    .put("endedAt", text(run.endedAt()))
                    .put("outcome", run.outcome())
                    .put("taskId", run.taskId())
                    .put("error", run.error())
                    .put("errorTrace", run.errorTrace());
            node.set("output", run.output());
        }
        return array;
    }

    static ObjectNode action(ActionResult result) {
        ObjectNode node = Json.object().put("changed", result.changed()).put("message", result.message());
        node.set("process", process(result.process()));
        return node;
    }

    static ObjectNode deployed(DeployedDefinition deployed) {
        return Json.object()
                .put("case", deployed.definition().name())
                .put("api", deployed.definition().api())
                .put("version", deployed.version())
                .put("unchanged", deployed.unchanged())
                .put("deployedAt", text(deployed.deployedAt()))
                .put("stages", deployed.definition().stages().size());
    }

    static ObjectNode counts(Map<String, Map<ProcessStatus, Long>> counts) {
        ObjectNode node = Json.object();
        counts.forEach((stage, byStatus) -> {
            ObjectNode stageNode = node.putObject(stage);
            byStatus.forEach((status, count) -> stageNode.put(status.name(), count));
        });
        return node;
    }

    static ArrayNode deadLetters(List<DeadLetter> letters) {
        ArrayNode array = Json.MAPPER.createArrayNode();
        for (DeadLetter letter : letters) {
            array.addObject()
                    .put("id", letter.id())
                    .put("queue", letter.sourceQueue())
                    .put("reason", letter.reason())
                    .put("detail", letter.detail())
                    .put("body", letter.body())
                    .put("processId", letter.processId())
                    .put("deadAt", text(letter.deadAt()));
        }
        return array;
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
