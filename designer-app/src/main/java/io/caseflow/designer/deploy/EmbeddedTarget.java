package io.caseflow.designer.deploy;

import io.caseflow.CaseflowRuntime;
import io.caseflow.definition.CaseDefinition;
import io.caseflow.definition.CaseKey;
import io.caseflow.definition.DeployedDefinition;
import io.caseflow.validation.ValidationReport;
import java.util.Comparator;
import java.util.Optional;
import java.util.function.Supplier;

/** Deploys into a runtime running in this JVM. */
public final class EmbeddedTarget implements DeployTarget {
    private final Supplier<CaseflowRuntime> current;

    public EmbeddedTarget(CaseflowRuntime runtime) {
        this(() -> runtime);
    }

    /** Deploys into whichever runtime {@code current} gives (the embedded one may be restarted). */
    public EmbeddedTarget(Supplier<CaseflowRuntime> current) {
        this.current = current;
    }

    @Override
    public String describe() {
        return "embedded runtime";
    }

    @Override
    public Optional<CaseDefinition> latest(CaseKey key) {
        return current.get().definitions().stream()
                .map(DeployedDefinition::definition)
                .filter(d -> d.key().equals(key))
                .max(Comparator.comparingInt(CaseDefinition::version));
    }

    @Override
    public ValidationReport validate(CaseDefinition definition) {
        return current.get().validator("deploy").validate(definition);
    }

    @Override
    public DeployedDefinition deploy(CaseDefinition definition) {
        return current.get().deploy(definition);
    }

    public CaseflowRuntime runtime() {
        return current.get();
    }
}
