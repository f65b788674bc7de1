package io.caseflow.store;

import io.caseflow.definition.CaseDefinition;
import io.caseflow.definition.CaseKey;
import io.caseflow.definition.DeployedDefinition;
import java.util.List;
import java.util.Optional;

/**
 * Deployed case definitions, every version kept. Deploying a definition identical to the latest
 * version returns that version instead of adding a new one; validation is the caller's job.
 */
public interface DefinitionStore {

    DeployedDefinition deploy(CaseDefinition definition);

    Optional<CaseDefinition> find(CaseKey key, int version);

    /** The newest deployed version of a case, if it was ever deployed. */
    Optional<CaseDefinition> latest(CaseKey key);

    /** Every deployed version of every case. */
    List<DeployedDefinition> all();
}
