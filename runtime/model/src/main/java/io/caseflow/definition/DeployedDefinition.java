package io.caseflow.definition;

import io.caseflow.definition.CaseDefinition;
import java.time.Instant;

/** One deployed version of a case. {@code unchanged} is true when a deploy found it identical to the latest. */
public record DeployedDefinition(CaseDefinition definition, Instant deployedAt, boolean unchanged) {
    public int version() {
        return definition.version();
    }
}
