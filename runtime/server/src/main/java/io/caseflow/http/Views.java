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
import io.caseflow.definition.CaseKey;
import io.caseflow.worker.ServiceConsumers;
import io.caseflow.worker.WorkerRecord;
import io.caseflow.worker.WorkerSnapshot;
import java.util.Collection;
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
        node.set("input", p.input().tree());
        node.set("data", p.data().asObject());
        node.set("results", p.results().asObject());
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
                    .put("deadAt", text(letter.deadAt()))
                    .put("state", letter.state())
                    .put("settledAt", text(letter.settledAt()));
        }
        return array;
    }

    /** The live worker registry as judged at {@code checkedAt}; every worker's status is as of that instant. */
    static ObjectNode workers(List<WorkerSnapshot> workers, Instant checkedAt) {
        ObjectNode node = Json.object().put("checkedAt", text(checkedAt));
        ArrayNode items = node.putArray("workers");
        for (WorkerSnapshot snapshot : workers) {
            WorkerRecord worker = snapshot.worker();
            ObjectNode item = items.addObject()
                    .put("id", worker.id())
                    .put("kind", worker.kind())
                    .put("host", worker.host())
                    .put("pid", worker.pid())
                    .put("version", worker.version())
                    .put("status", snapshot.status().name())
                    .put("alive", snapshot.alive())
                    .put("startedAt", text(worker.startedAt()))
                    .put("lastSeenAt", text(worker.lastSeenAt()))
                    .put("stoppedAt", text(worker.stoppedAt()))
                    .put("heartbeatInterval", worker.heartbeatInterval().toString());
            item.set("cases", caseKeys(worker.cases()));
            worker.handlers().forEach(item.putArray("handlers")::add);
            worker.services().forEach(item.putArray("services")::add);
        }
        return node;
    }

    /** Services the deployed cases call; {@code consumers} is null when the transport cannot tell. */
    static ObjectNode services(List<ServiceConsumers> services) {
        ObjectNode node = Json.object();
        ArrayNode items = node.putArray("services");
        for (ServiceConsumers service : services) {
            ObjectNode item = items.addObject().put("name", service.service()).put("queue", service.queue());
            if (service.consumers().isPresent()) {
                item.put("consumers", service.consumers().getAsInt());
            } else {
                item.putNull("consumers");
            }
            item.set("cases", caseKeys(service.cases()));
        }
        return node;
    }

    private static ArrayNode caseKeys(Collection<CaseKey> keys) {
        ArrayNode array = Json.MAPPER.createArrayNode();
        keys.forEach(key -> array.addObject().put("case", key.name()).put("api", key.api()));
        return array;
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
