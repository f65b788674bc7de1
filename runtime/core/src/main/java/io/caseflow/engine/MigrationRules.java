package io.caseflow.engine;

import io.caseflow.definition.CaseDefinition;
import io.caseflow.definition.StageDefinition;
import io.caseflow.process.ProcessSnapshot;
import io.caseflow.process.ProcessStatus;
import java.util.Optional;

/** When a process may move to another version of its case, and why not, in one sentence. */
final class MigrationRules {
    private MigrationRules() {
    }

    /** Null if {@code process} may move to {@code target} at {@code stage}; else why not. */
    static String refusal(ProcessSnapshot process, CaseDefinition target, int toVersion, String stage) {
        if (target == null) {
            return "case " + process.caseKey() + " has no version " + toVersion;
        }
        if (toVersion < process.caseVersion()) {
            return "processes move only to a newer version (this one is on v" + process.caseVersion() + ")";
        }
        if (process.status() != ProcessStatus.WAITING && process.status() != ProcessStatus.FAILED) {
            return process.status() == ProcessStatus.RUNNING
                    ? "a stage of it is running now; migrate it when it waits for a reply or has failed"
                    : "it has ended (" + process.status() + ")";
        }
        Optional<StageDefinition> landing = target.stage(stage);
        if (landing.isEmpty()) {
            return "its stage '" + process.currentStage() + "' has no mapping: v" + toVersion + " has no stage '" + stage
                    + "' (map it to one of v" + toVersion + "'s stages)";
        }
        if (process.status() == ProcessStatus.WAITING && !landing.get().isService()) {
            return "it waits for a service's reply at '" + process.currentStage() + "', but '" + stage + "' in v" + toVersion
                    + " is not a service stage";
        }
        return null;
    }
}
