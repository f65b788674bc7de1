package io.caseflow.process;

import java.util.List;

/** A migration over many processes: one outcome each, and how many of each kind. */
public record MigrationReport(boolean dryRun, List<MigrationOutcome> outcomes) {
    public MigrationReport {
        outcomes = List.copyOf(outcomes);
    }

    public long count(MigrationOutcome.Status status) {
        return outcomes.stream().filter(o -> o.status() == status).count();
    }

    /** "12 moved, 3 refused, 1 already on v2" (a dry run says "would move"). */
    public String describe() {
        return count(dryRun ? MigrationOutcome.Status.WOULD_MOVE : MigrationOutcome.Status.MOVED) + (dryRun ? " would move, " : " moved, ")
                + count(MigrationOutcome.Status.REFUSED) + " refused, " + count(MigrationOutcome.Status.ALREADY_ON_TARGET)
                + " already on the target version";
    }
}
