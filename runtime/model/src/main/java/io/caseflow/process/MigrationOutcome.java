package io.caseflow.process;

/**
 * What a migration did (or, in a dry run, would do) to one process: moved from its version's stage to
 * the target version's stage, already on the target version, or refused with the reason (and left
 * exactly as it was).
 */
public record MigrationOutcome(String processId, Status status, int fromVersion, String fromStage, int toVersion, String toStage,
                               String reason) {

    public enum Status {
        MOVED,
        WOULD_MOVE,
        ALREADY_ON_TARGET,
        REFUSED;

        public boolean moves() {
            return this == MOVED || this == WOULD_MOVE;
        }
    }
}
