package io.caseflow.designer.deploy;

import io.caseflow.definition.CaseDefinition;
import io.caseflow.designer.diff.DefinitionDiff;
import java.util.Optional;

/**
 * What a deploy would do, shown to the user before it happens: the difference to the latest
 * deployed version and the version number the deploy will get.
 */
public record DeployPlan(String target, CaseDefinition edited, Optional<CaseDefinition> deployed, DefinitionDiff diff) {

    /** Asks {@code target} for the latest version (blocking I/O: off the FX thread). */
    public static DeployPlan create(DeployTarget target, CaseDefinition edited) {
        Optional<CaseDefinition> latest = target.latest(edited.key());
        return new DeployPlan(target.describe(), edited, latest, DefinitionDiff.between(latest.orElse(null), edited));
    }

    /** True when the target already has exactly this case (deploying changes nothing). */
    public boolean unchanged() {
        return deployed.isPresent() && diff.isEmpty();
    }

    public int nextVersion() {
        return deployed.map(d -> unchanged() ? d.version() : d.version() + 1).orElse(1);
    }

    /** "businessCase1/v1: v3 → v4", "orders/v1: first deploy, v1". */
    public String headline() {
        return edited.key() + ": " + deployed.map(d -> unchanged() ? "v" + d.version() + " is already deployed, nothing changes"
                : "v" + d.version() + " → v" + nextVersion()).orElse("first deploy, becomes v1");
    }
}
