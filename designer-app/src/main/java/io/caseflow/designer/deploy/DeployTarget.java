package io.caseflow.designer.deploy;

import io.caseflow.definition.CaseDefinition;
import io.caseflow.definition.CaseKey;
import io.caseflow.definition.DeployedDefinition;
import io.caseflow.validation.ValidationReport;
import java.util.Optional;

/**
 * A runtime the designer deploys to: the embedded one, or later a remote one over the HTTP API.
 * Every method may block on I/O: call them through the UI executor, never on the FX thread.
 */
public interface DeployTarget {
    /** How the status bar and the deploy dialog name it: "embedded runtime", "prod (https://...)". */
    String describe();

    /** The newest deployed version of the case, if any. */
    Optional<CaseDefinition> latest(CaseKey key);

    /** Validates against what the target knows (its registered handlers). */
    ValidationReport validate(CaseDefinition definition);

    /**
     * Deploys; the target validates again and refuses an invalid case with
     * {@link io.caseflow.validation.InvalidDefinitionException}.
     */
    DeployedDefinition deploy(CaseDefinition definition);
}
