package io.caseflow.samples;

import io.caseflow.definition.CaseDefinition;
import io.caseflow.handler.HandlerRegistry;
import io.caseflow.module.CaseflowModule;
import io.caseflow.service.ServiceEndpoint;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/** The samples as a module a {@code caseflow worker} loads: businessCase1's handlers, its definition, its services. */
public final class SamplesModule implements CaseflowModule {
    @Override
    public String name() {
        return "samples";
    }

    @Override
    public void registerHandlers(HandlerRegistry registry) {
        BusinessCase1.registerHandlers(registry);
    }

    @Override
    public List<CaseDefinition> definitions() {
        return List.of(BusinessCase1.definition());
    }

    @Override
    public Set<String> services() {
        return SampleServices.NAMES;
    }

    @Override
    public HostedServices hostServices(Set<String> names, Function<String, String> jdbcUrlOf) {
        SampleServices services = SampleServices.jdbc(jdbcUrlOf, names);
        return new HostedServices() {
            @Override
            public List<ServiceEndpoint> endpoints() {
                return services.endpoints();
            }

            @Override
            public void close() {
                services.close();
            }
        };
    }
}
