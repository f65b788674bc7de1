package io.caseflow.designer.deploy;

import io.caseflow.definition.DeployedDefinition;
import io.caseflow.module.LoadedModule;
import io.caseflow.module.ModuleProblem;
import java.nio.file.Path;
import java.util.List;

/**
 * What the embedded runtime made of the module folder: the modules it runs, the services it hosts
 * for them, the cases it deployed just now, and every problem (a jar that gave no module, a case
 * that did not deploy, a service that did not start), one sentence each.
 *
 * @param folder   the module folder, or null when none is chosen
 * @param deployed cases of the modules this load deployed (new or changed; an unchanged case is not listed)
 */
public record ModuleReport(Path folder, List<LoadedModule> modules, List<String> services, List<DeployedDefinition> deployed,
                           List<ModuleProblem> problems) {
    public ModuleReport {
        modules = List.copyOf(modules);
        services = List.copyOf(services);
        deployed = List.copyOf(deployed);
        problems = List.copyOf(problems);
    }

    public static ModuleReport none() {
        return new ModuleReport(null, List.of(), List.of(), List.of(), List.of());
    }

    public int handlerCount() {
        return modules.stream().mapToInt(m -> m.handlers().names().size()).sum();
    }

    /** One line for the status bar: "Modules: 2 loaded from /opt/modules (5 handlers) — 1 problem". */
    public String summary() {
        if (folder == null) {
            return "Modules: none (Runtime ▸ Module Folder… loads your handlers)";
        }
        String loaded = "Modules: " + modules.size() + " loaded from " + folder + " (" + handlerCount()
                + (handlerCount() == 1 ? " handler)" : " handlers)");
        return problems.isEmpty() ? loaded
                : loaded + " — " + problems.size() + (problems.size() == 1 ? " problem" : " problems") + " (Runtime ▸ Modules…)";
    }
}
