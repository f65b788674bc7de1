package io.caseflow.designer.app.deploy;

import io.caseflow.definition.CaseDefinition;
import io.caseflow.designer.deploy.DeployPlan;

/** Where a deploy stands; {@link DeployViewModel} moves through these, its view shows each one. */
public sealed interface DeployState {
    /** Nothing happening (also the state each new deploy starts from). */
    record Idle() implements DeployState {
    }

    /** No target yet: the embedded runtime is still starting. */
    record NoTarget() implements DeployState {
    }

    /** The case has validation errors; nothing was sent. */
    record Refused(CaseDefinition definition, long errors, String summary) implements DeployState {
    }

    /** Reading the deployed version to compare with, off the FX thread. */
    record Comparing(CaseDefinition definition) implements DeployState {
    }

    /** The deployed version is the same as the edited one. */
    record Unchanged(DeployPlan plan) implements DeployState {
    }

    /** The plan is ready; the user confirms or cancels it through {@link DeployViewModel#confirm}. */
    record AwaitingConfirmation(DeployPlan plan) implements DeployState {
    }

    record Cancelled() implements DeployState {
    }

    record Deploying(CaseDefinition definition) implements DeployState {
    }

    /** Deployed as {@code version} of {@code definition}'s case to the target {@code target}. */
    record Deployed(CaseDefinition definition, int version, String target) implements DeployState {
    }

    /** The target could not be reached or refused the case; {@code title} and {@code message} say so in a sentence. */
    record Failed(String title, String message) implements DeployState {
    }
}
