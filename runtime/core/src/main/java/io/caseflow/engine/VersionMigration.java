package io.caseflow.engine;

import io.caseflow.definition.CaseKey;
import io.caseflow.process.MigrationOutcome;
import io.caseflow.process.MigrationReport;
import io.caseflow.process.ProcessPage;
import io.caseflow.process.ProcessQuery;
import io.caseflow.process.ProcessSnapshot;
import io.caseflow.process.ProcessStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Moves the processes of one version of a case that have not ended to a newer version, process by
 * process (each a fenced commit; see {@link ProcessOperations#migrate}). Processes running a stage
 * right now are listed as refused, so the operator sees them. At most {@code limit} processes per
 * call: call again for the rest (already moved ones are not listed again).
 */
public final class VersionMigration {
    public static final int MAX_LIMIT = 10_000;
    private static final int PAGE = 500;
    private static final Set<ProcessStatus> NOT_ENDED = Set.of(ProcessStatus.RUNNING, ProcessStatus.WAITING, ProcessStatus.FAILED);

    private final ProcessOperations operations;
    private final Function<ProcessQuery, ProcessPage> lister;

    public VersionMigration(ProcessOperations operations, Function<ProcessQuery, ProcessPage> lister) {
        this.operations = operations;
        this.lister = lister;
    }

    public MigrationReport run(CaseKey key, int fromVersion, int toVersion, Map<String, String> stageMapping, boolean dryRun,
                               int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be 1 to " + MAX_LIMIT + ", was " + limit);
        }
        if (toVersion <= fromVersion) {
            throw new IllegalArgumentException("processes move only to a newer version: from v" + fromVersion + " to v" + toVersion);
        }
        List<String> ids = new ArrayList<>();
        for (int offset = 0; ids.size() < limit; offset += PAGE) {
            ProcessPage page = lister.apply(new ProcessQuery(NOT_ENDED, key.name(), key.api(), fromVersion, null, null, offset,
                    Math.min(PAGE, limit - ids.size())));
            page.processes().stream().map(ProcessSnapshot::id).forEach(ids::add);
            if (page.processes().size() < PAGE || offset + PAGE >= page.total()) {
                break;
            }
        }
        List<MigrationOutcome> outcomes = new ArrayList<>(ids.size());
        for (String id : ids) {
            outcomes.add(operations.migrate(id, toVersion, stageMapping, dryRun));
        }
        return new MigrationReport(dryRun, outcomes);
    }
}
