package io.caseflow.designer.deploy;

import io.caseflow.CaseflowRuntime;
import io.caseflow.module.CaseflowModule;
import io.caseflow.module.LoadedModule;
import io.caseflow.module.ModuleProblem;
import io.caseflow.service.ServiceEndpoint;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Java services of the loaded modules, hosted in the designer's runtime the way {@code caseflow
 * worker --services} hosts them: every service a module names, each in its own H2 database under
 * the app's folder. A service whose name is taken, or that does not start, is a problem; the others
 * run. {@link #close()} stops them all.
 */
final class ModuleServices implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ModuleServices.class);
    private static final int CONCURRENCY_PER_SERVICE = 2;

    private final List<CaseflowModule.HostedServices> hosted;
    private final List<String> names;
    private final List<ModuleProblem> problems;

    private ModuleServices(List<CaseflowModule.HostedServices> hosted, List<String> names, List<ModuleProblem> problems) {
        this.hosted = hosted;
        this.names = names;
        this.problems = problems;
    }

    /**
     * @param taken     service names already hosted (the samples'): a module may not host them again
     * @param directory where each service's H2 database goes ({@code <directory>/<service>})
     */
    static ModuleServices host(List<LoadedModule> modules, Set<String> taken, Path directory, CaseflowRuntime runtime) {
        List<CaseflowModule.HostedServices> hosted = new ArrayList<>();
        List<String> names = new ArrayList<>();
        List<ModuleProblem> problems = new ArrayList<>();
        Set<String> used = new HashSet<>(taken);
        for (LoadedModule module : modules) {
            Set<String> wanted = new LinkedHashSet<>();
            for (String service : module.services()) {
                if (used.add(service)) {
                    wanted.add(service);
                } else {
                    problems.add(new ModuleProblem(module.jar(), ModuleProblem.Kind.SERVICE_NOT_HOSTED, module.jarName() + ": service '"
                            + service + "' of module '" + module.name() + "' is not hosted: another module or the sample already hosts a service of that name."));
                }
            }
            if (wanted.isEmpty()) {
                continue;
            }
            ClassLoader previous = Thread.currentThread().getContextClassLoader();
            // Libraries such as Flyway look for the module's resources through the context loader.
            Thread.currentThread().setContextClassLoader(module.module().getClass().getClassLoader());
            try {
                CaseflowModule.HostedServices services = module.module().hostServices(wanted, service -> h2Url(directory, service));
                hosted.add(services);
                for (ServiceEndpoint endpoint : services.endpoints()) {
                    runtime.attach(endpoint, CONCURRENCY_PER_SERVICE);
                    names.add(endpoint.service());
                }
            } catch (RuntimeException | LinkageError e) {
                LOG.warn("the services {} of {} did not start", wanted, module.describe(), e);
                problems.add(new ModuleProblem(module.jar(), ModuleProblem.Kind.SERVICE_NOT_HOSTED, module.jarName() + ": the services "
                        + wanted + " of module '" + module.name() + "' did not start: " + e.getClass().getSimpleName() + ": " + e.getMessage() + "."));
            } finally {
                Thread.currentThread().setContextClassLoader(previous);
            }
        }
        return new ModuleServices(hosted, names, problems);
    }

    static ModuleServices none() {
        return new ModuleServices(List.of(), List.of(), List.of());
    }

    private static String h2Url(Path directory, String service) {
        return "jdbc:h2:file:" + directory.resolve(service).toAbsolutePath() + ";WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE;LOCK_TIMEOUT=10000";
    }

    List<String> names() {
        return names;
    }

    List<ModuleProblem> problems() {
        return problems;
    }

    @Override
    public void close() {
        for (CaseflowModule.HostedServices services : hosted) {
            try {
                services.close();
            } catch (RuntimeException e) {
                LOG.warn("closing module services failed: {}", e.toString());
            }
        }
    }
}
