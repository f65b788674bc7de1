package io.caseflow.designer.deploy;

import io.caseflow.definition.CaseDefinition;
import io.caseflow.definition.CaseKey;
import io.caseflow.definition.DeployedDefinition;
import io.caseflow.validation.ValidationReport;
import java.util.Optional;

/**
 * A runtime reached over its HTTP API ({@code /api/cases/{case}/{api}/...}, bearer token). The API
 * does not exist yet; until it does every call says so plainly instead of pretending.
 */
public final class RemoteTarget implements DeployTarget {
    private final ConnectionProfile profile;

    public RemoteTarget(ConnectionProfile profile) {
        this.profile = profile;
    }

    @Override
    public String describe() {
        return profile.toString();
    }

    @Override
    public Optional<CaseDefinition> latest(CaseKey key) {
        throw unavailable();
    }

    @Override
    public ValidationReport validate(CaseDefinition definition) {
        throw unavailable();
    }

    @Override
    public DeployedDefinition deploy(CaseDefinition definition) {
        throw unavailable();
    }

    private UnsupportedOperationException unavailable() {
        return new UnsupportedOperationException("Deploying to " + profile + " needs the runtime's HTTP API, which this version"
                + " of caseflow does not have yet; deploy to the embedded runtime instead.");
    }
}
