package io.caseflow.cli;

import io.caseflow.CaseflowRuntime;
import io.caseflow.config.Settings;
import io.caseflow.definition.CaseDefinition;
import io.caseflow.definition.CaseKey;
import io.caseflow.handler.HandlerRegistry;
import io.caseflow.http.NodeEndpoints;
import io.caseflow.module.CaseflowModule;
import io.caseflow.module.LoadedModules;
import io.caseflow.registry.WorkerRegistration;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code caseflow worker}: runs stage handlers from the classpath for the cases it is told to serve. */
@Command(name = "worker", mixinStandardHelpOptions = true,
        description = "Runs the stage handlers of the modules on the classpath (e.g. the samples jar) for the cases it serves, "
                + "consuming their innerQ and serviceQ from RabbitMQ; optionally hosts the modules' Java services. "
                + "Stops cleanly on SIGTERM/Ctrl-C.")
final class WorkerCommand implements Callable<Integer> {
    @Mixin
    RuntimeOptions options;

    @Option(names = "--cases", split = ",", paramLabel = "CASE/API",
            description = "Cases to serve, e.g. businessCase1/v1 (env CASEFLOW_WORKER_CASES). Default: the cases the modules define.")
    List<String> cases;

    @Option(names = "--services", split = ",", paramLabel = "NAME",
            description = "Java services of the modules to host here, e.g. warehouse,payments (env CASEFLOW_WORKER_SERVICES).")
    List<String> services;

    @Option(names = "--services-jdbc-url", paramLabel = "TEMPLATE",
            description = "Each hosted service's own database; {service} is replaced by its name (env CASEFLOW_SERVICES_JDBC_URL).")
    String servicesJdbcUrl;

    @Option(names = "--threads", description = "Stage handlers run at once (default 4; env CASEFLOW_WORKER_THREADS).")
    Integer threads;

    @Option(names = "--modules", paramLabel = "DIR",
            description = "A folder of module jars to load besides the classpath, e.g. the target/ of a module built from "
                    + "samples/module-template (env CASEFLOW_WORKER_MODULES). A bad jar is reported and skipped.")
    String modulesFolder;

    @Option(names = "--health-port", paramLabel = "PORT", description = "Serve GET /health, /ready and /metrics (Prometheus) on this port "
            + "(0: any free port; env CASEFLOW_WORKER_HEALTH_PORT). Default: off.")
    Integer healthPort;

    @Option(names = "--health-host", description = "Interface for --health-port (default 0.0.0.0; env CASEFLOW_WORKER_HEALTH_HOST).")
    String healthHost;

    @Option(names = "--deploy", description = "Deploy the modules' case definitions at start (validated first).")
    boolean deploy;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Settings settings = options.settings();
        List<CaseflowModule> modules = new ArrayList<>();
        ServiceLoader.load(CaseflowModule.class).forEach(modules::add);
        HandlerRegistry handlers = new HandlerRegistry();
        modules.forEach(m -> m.registerHandlers(handlers));
        LoadedModules folder = WorkerModules.load(settings.get(WorkerModules.KEY, modulesFolder).orElse(null), handlers,
                spec.commandLine().getErr());
        folder.registerHandlers(handlers);
        folder.modules().forEach(m -> modules.add(m.module()));
        if (modules.isEmpty()) {
            folder.close();
            throw new CommandLine.ParameterException(spec.commandLine(), "no caseflow modules on the classpath or in --modules: put a jar with "
                    + "META-INF/services/io.caseflow.module.CaseflowModule (e.g. the samples jar) on the classpath or in that folder");
        }
        Set<CaseKey> serve = caseKeys(settings.get(Settings.WORKER_CASES, cases == null ? null : String.join(",", cases)).orElse(null),
                modules);
        PrometheusMeterRegistry prometheus = NodeMeters.create();
        CaseflowRuntime runtime = options.runtime(settings, "caseflow-worker", false).handlers(handlers).meterRegistry(prometheus)
                .workerThreads(settings.getInt(Settings.WORKER_THREADS, threads, 4))
                .serving(serve)
                .registerAs(options.registration(settings, WorkerRegistration.WORKER))
                .build().start();
        List<CaseflowModule.HostedServices> hosted = new ArrayList<>();
        try {
            if (deploy) {
                for (CaseflowModule module : modules) {
                    for (CaseDefinition definition : module.definitions()) {
                        out.println("deployed " + definition.key() + " v" + runtime.deploy(definition).version());
                    }
                }
            }
            hosted.addAll(hostServices(settings, modules, runtime));
        } catch (RuntimeException e) {
            hosted.forEach(CaseflowModule.HostedServices::close);
            runtime.close();
            folder.close();
            throw e;
        }
        NodeEndpoints endpoints;
        try {
            endpoints = healthEndpoints(settings, runtime, prometheus);
        } catch (RuntimeException e) {
            hosted.forEach(CaseflowModule.HostedServices::close);
            runtime.close();
            folder.close();
            throw e;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (endpoints != null) {
                endpoints.close();
            }
            runtime.close();
            hosted.forEach(CaseflowModule.HostedServices::close);
            folder.close();
            out.println("caseflow worker stopped: transitions=" + runtime.metrics().transitions() + " handlerRuns="
                    + runtime.metrics().handlerRuns() + " duplicatesDropped=" + runtime.metrics().duplicatesDropped()
                    + " byReason=" + runtime.metrics().duplicatesByReason());
            out.flush();
            stopped.countDown();
        }, "caseflow-shutdown"));
        out.println("caseflow worker ready: serving " + serve.stream().map(CaseKey::toString).sorted().collect(Collectors.joining(", "))
                + "; handlers " + handlers.names() + (hosted.isEmpty() ? "" : "; hosting services "
                + hosted.stream().flatMap(h -> h.endpoints().stream()).map(e -> e.service()).collect(Collectors.joining(", ")))
                + "; registered as " + runtime.workerId().orElseThrow()
                + (endpoints == null ? "" : "; health and metrics on port " + endpoints.port()));
        out.flush();
        stopped.await();
        return 0;
    }

    /** The worker's /health, /ready and /metrics port, if one is asked for. */
    private NodeEndpoints healthEndpoints(Settings settings, CaseflowRuntime runtime, PrometheusMeterRegistry prometheus) {
        if (healthPort == null && settings.get(Settings.WORKER_HEALTH_PORT, null).isEmpty()) {
            return null;
        }
        return NodeEndpoints.start(runtime, prometheus::scrape, settings.get(Settings.WORKER_HEALTH_HOST, healthHost, "0.0.0.0"),
                settings.getInt(Settings.WORKER_HEALTH_PORT, healthPort, 0));
    }

    private List<CaseflowModule.HostedServices> hostServices(Settings settings, List<CaseflowModule> modules, CaseflowRuntime runtime) {
        String wanted = settings.get(Settings.WORKER_SERVICES, services == null ? null : String.join(",", services)).orElse("");
        Set<String> names = Arrays.stream(wanted.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .collect(Collectors.toCollection(LinkedHashSet::new));
        List<CaseflowModule.HostedServices> hosted = new ArrayList<>();
        if (names.isEmpty()) {
            return hosted;
        }
        String template = settings.require(Settings.SERVICES_JDBC_URL, servicesJdbcUrl, "--services-jdbc-url");
        for (CaseflowModule module : modules) {
            Set<String> mine = names.stream().filter(module.services()::contains).collect(Collectors.toCollection(LinkedHashSet::new));
            if (!mine.isEmpty()) {
                CaseflowModule.HostedServices services = module.hostServices(mine, service -> template.replace("{service}", service));
                services.endpoints().forEach(endpoint -> runtime.attach(endpoint, 2));
                hosted.add(services);
                names.removeAll(mine);
            }
        }
        if (!names.isEmpty()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "no module hosts service(s) " + names);
        }
        return hosted;
    }

    private Set<CaseKey> caseKeys(String listed, List<CaseflowModule> modules) {
        Set<CaseKey> keys = new LinkedHashSet<>();
        if (listed == null || listed.isBlank()) {
            modules.forEach(m -> m.definitions().forEach(d -> keys.add(d.key())));
            return keys;
        }
        for (String entry : listed.split(",")) {
            try {
                keys.add(CaseKey.parse(entry));
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
            }
        }
        return keys;
    }
}
