package io.caseflow.module;

import io.caseflow.definition.CaseDefinition;
import io.caseflow.handler.HandlerRegistry;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * One module that loaded from a jar, with what it said when it loaded: its handlers (registered
 * into a registry of its own, so a clash is found before anything is merged), its case definitions
 * and the names of the services it can host.
 */
public record LoadedModule(Path jar, String name, CaseflowModule module, HandlerRegistry handlers,
                           List<CaseDefinition> definitions, Set<String> services) {
    public LoadedModule {
        definitions = List.copyOf(definitions);
        services = Set.copyOf(services);
    }

    public String jarName() {
        return String.valueOf(jar.getFileName());
    }

    /** "module 'orders' (orders-handlers.jar)", as messages name it. */
    public String describe() {
        return "module '" + name + "' (" + jarName() + ")";
    }
}
