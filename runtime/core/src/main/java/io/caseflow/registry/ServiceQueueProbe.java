package io.caseflow.registry;

import io.caseflow.definition.CaseDefinition;
import io.caseflow.definition.CaseKey;
import io.caseflow.definition.StageDefinition;
import io.caseflow.definition.StageKind;
import io.caseflow.transport.Transport;
import io.caseflow.worker.ServiceConsumers;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * For every service the given cases call, whether its request queue has consumers right now, as the
 * transport counts them: a service nobody hosts shows 0, so a stuck process has an obvious cause.
 */
public final class ServiceQueueProbe {
    private final Transport transport;

    public ServiceQueueProbe(Transport transport) {
        this.transport = transport;
    }

    /** One entry per service named by a service stage of {@code definitions}, by service name. */
    public List<ServiceConsumers> probe(Collection<CaseDefinition> definitions) {
        return probe(definitions, List.of());
    }

    /** Like {@link #probe(Collection)}, plus services named here that no deployed case calls yet (a case being drawn). */
    public List<ServiceConsumers> probe(Collection<CaseDefinition> definitions, Collection<String> alsoNamed) {
        Map<String, Set<CaseKey>> callers = new TreeMap<>();
        for (String name : alsoNamed) {
            callers.computeIfAbsent(name, service -> new LinkedHashSet<>());
        }
        for (CaseDefinition definition : definitions) {
            for (StageDefinition stage : definition.stages()) {
                if (stage.kind() == StageKind.SERVICE && stage.service() != null) {
                    callers.computeIfAbsent(stage.service(), service -> new LinkedHashSet<>()).add(definition.key());
                }
            }
        }
        List<ServiceConsumers> services = new ArrayList<>();
        callers.forEach((service, cases) -> {
            String queue = transport.installation().serviceRequests(service);
            services.add(new ServiceConsumers(service, queue, List.copyOf(cases), transport.consumerCount(queue)));
        });
        return services;
    }
}
