package io.caseflow.designer.deploy;

import io.caseflow.definition.CaseDefinition;
import io.caseflow.definition.CaseKey;
import io.caseflow.definition.StageDefinition;
import io.caseflow.definition.StageKind;
import io.caseflow.registry.WorkerRegistration;
import io.caseflow.validation.Problem;
import io.caseflow.validation.ProblemCode;
import io.caseflow.validation.ProblemTarget;
import io.caseflow.validation.Severity;
import io.caseflow.worker.ServiceConsumers;
import io.caseflow.worker.WorkerSnapshot;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a shared runtime's live workers cover of a drawn case, as warnings on its stages: a handler
 * no live worker has for the case api ("the stage would wait forever"), a service nobody consumes.
 * Warnings, not errors: a worker may be about to start, and deploying first is a normal order.
 */
public record LiveCoverage(List<WorkerSnapshot> workers, List<ServiceConsumers> services) {
    public LiveCoverage {
        workers = List.copyOf(workers);
        services = List.copyOf(services);
    }

    /** The services a case calls: to ask the server about them before the case is deployed. */
    public static Set<String> servicesOf(CaseDefinition definition) {
        Set<String> names = new TreeSet<>();
        for (StageDefinition stage : definition.stages()) {
            if (stage.kind() == StageKind.SERVICE && stage.service() != null && !stage.service().isBlank()) {
                names.add(stage.service());
            }
        }
        return names;
    }

    /** Live nodes that run handlers (workers), not servers, which only answer the API. */
    public long aliveWorkers() {
        return workers.stream().filter(w -> w.alive() && WorkerRegistration.WORKER.equals(w.worker().kind())).count();
    }

    public List<Problem> problems(CaseDefinition definition, String source) {
        CaseKey key = definition.key();
        Set<String> handlersForCase = new TreeSet<>();
        for (WorkerSnapshot worker : workers) {
            if (worker.alive() && worker.worker().cases().contains(key)) {
                handlersForCase.addAll(worker.worker().handlers());
            }
        }
        Map<String, ServiceConsumers> byName = new LinkedHashMap<>();
        services.forEach(s -> byName.put(s.service(), s));
        List<Problem> problems = new ArrayList<>();
        for (StageDefinition stage : definition.stages()) {
            if (stage.kind() != StageKind.END && stage.handler() != null && !stage.handler().isBlank()
                    && !handlersForCase.contains(stage.handler())) {
                problems.add(new Problem(Severity.WARNING, ProblemCode.NO_LIVE_WORKER, source, ProblemTarget.stage(stage.name()),
                        "no live worker serves handler " + stage.handler() + " for " + key,
                        "Start a worker whose modules have it: caseflow worker --cases " + key));
            }
            if (stage.kind() == StageKind.SERVICE && stage.service() != null) {
                ServiceConsumers service = byName.get(stage.service());
                if (service != null && service.unserved()) {
                    problems.add(new Problem(Severity.WARNING, ProblemCode.NO_SERVICE_CONSUMER, source,
                            ProblemTarget.stage(stage.name()), "service `" + stage.service() + "` has no consumer on its request queue "
                            + service.queue(), "Start the service (or a worker hosting it: caseflow worker --services "
                            + stage.service() + ")"));
                }
            }
        }
        return problems;
    }
}
