package io.caseflow.module;

import io.caseflow.definition.CaseDefinition;
import io.caseflow.handler.HandlerRegistry;
import io.caseflow.service.ServiceEndpoint;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * A jar of stage handlers (and optionally case definitions and Java services) that {@code caseflow
 * worker} loads from the classpath with {@link java.util.ServiceLoader}. List the implementation in
 * {@code META-INF/services/io.caseflow.module.CaseflowModule}.
 */
public interface CaseflowModule {

    String name();

    void registerHandlers(HandlerRegistry registry);

    /** Case definitions that come with the handlers; a worker serves these cases by default. */
    default List<CaseDefinition> definitions() {
        return List.of();
    }

    /** Names of the services this module can host. */
    default Set<String> services() {
        return Set.of();
    }

    /**
     * Creates the endpoints of the named services; {@code jdbcUrlOf} gives each service's own database.
     * The returned object is closed when the worker stops.
     */
    default HostedServices hostServices(Set<String> names, Function<String, String> jdbcUrlOf) {
        throw new IllegalArgumentException("module " + name() + " hosts no services");
    }

    /** Service endpoints a module started, and what to close when the worker stops. */
    interface HostedServices extends AutoCloseable {
        List<ServiceEndpoint> endpoints();

        @Override
        void close();
    }
}
