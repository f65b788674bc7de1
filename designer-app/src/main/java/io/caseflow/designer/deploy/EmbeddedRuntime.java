package io.caseflow.designer.deploy;

import io.caseflow.CaseflowRuntime;
import io.caseflow.definition.CaseDefinition;
import io.caseflow.handler.HandlerRegistry;
import io.caseflow.samples.BusinessCase1;
import io.caseflow.samples.SampleServices;
import io.caseflow.store.DeployedDefinition;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The runtime the designer starts in its own JVM: an H2 file database under {@code home}, the
 * sample handlers, the sample services attached, and businessCase1 deployed if it never was.
 * {@link #start(Path)} blocks for a second or two: call it off the FX thread.
 */
public final class EmbeddedRuntime implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedRuntime.class);
    /** System property naming the folder for the embedded database ({@code ~/.caseflow} if unset). */
    public static final String HOME_PROPERTY = "caseflow.home";

    private final CaseflowRuntime runtime;
    private final SampleServices services;
    private final Set<String> handlerNames;
    private final DeployedDefinition sample;

    private EmbeddedRuntime(CaseflowRuntime runtime, SampleServices services, Set<String> handlerNames, DeployedDefinition sample) {
        this.runtime = runtime;
        this.services = services;
        this.handlerNames = handlerNames;
        this.sample = sample;
    }

    public static Path defaultHome() {
        String configured = System.getProperty(HOME_PROPERTY);
        return configured != null && !configured.isBlank() ? Path.of(configured)
                : Path.of(System.getProperty("user.home"), ".caseflow");
    }

    public static EmbeddedRuntime start(Path home) throws java.io.IOException {
        Files.createDirectories(home);
        HandlerRegistry handlers = BusinessCase1.registerHandlers(new HandlerRegistry());
        CaseflowRuntime runtime = CaseflowRuntime.builder().h2File(home.resolve("caseflow")).handlers(handlers).build().start();
        SampleServices services = null;
        try {
            services = SampleServices.h2(home.resolve("services")).attach(runtime.transport(), 2);
            boolean deployed = runtime.definitions().stream().anyMatch(d -> d.definition().key().equals(BusinessCase1.KEY));
            DeployedDefinition sample = deployed ? null : runtime.deploy(BusinessCase1.definition());
            if (sample != null) {
                LOG.info("deployed the sample {} v{}", BusinessCase1.KEY, sample.version());
            }
            return new EmbeddedRuntime(runtime, services, handlers.names(), sample);
        } catch (RuntimeException e) {
            if (services != null) {
                services.close();
            }
            runtime.close();
            throw e;
        }
    }

    public CaseflowRuntime runtime() {
        return runtime;
    }

    public EmbeddedTarget target() {
        return new EmbeddedTarget(runtime);
    }

    /** Handler names the embedded worker has (suggested in the property sheet). */
    public Set<String> handlerNames() {
        return handlerNames;
    }

    /** What start() deployed, or null when the sample was already there. */
    public DeployedDefinition sampleDeployedNow() {
        return sample;
    }

    public CaseDefinition sample() {
        return BusinessCase1.definition();
    }

    @Override
    public void close() {
        runtime.close();
        services.close();
    }
}
