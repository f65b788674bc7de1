package io.caseflow.cli;

import io.caseflow.client.CaseflowClient;
import io.caseflow.job.JobKind;
import io.caseflow.job.JobRequest;
import io.caseflow.job.JobSnapshot;
import io.caseflow.job.JobState;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Map;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** What a bulk command adds: the selection, and whether and how long to follow the job it creates. */
final class BulkOptions {
    @Mixin
    JobSelectionOptions selection;

    @Option(names = "--no-wait", description = "Create the job and print its id; do not follow its progress.")
    boolean noWait;

    @Option(names = "--idempotency-key", paramLabel = "KEY", description = "Run this command again with the same key to find the same job "
            + "instead of creating another (default: a key of this run).")
    String idempotencyKey;

    @Option(names = "--patience", paramLabel = "DURATION", defaultValue = "PT10M",
            description = "How long to wait for a server that does not answer (restarting) before giving up (ISO-8601, default PT10M).")
    Duration patience;

    boolean selects() {
        return !selection.isEmpty();
    }

    /** Creates the job and, unless --no-wait, follows it; 0 when it ran to its end, 1 when it was cancelled. */
    int run(CaseflowClient api, PrintWriter out, JobKind kind, String fromStage, boolean json) {
        JobRequest request = new JobRequest(kind, selection.selection(), fromStage, null, Map.of());
        JobFollower follower = new JobFollower(api, out, patience);
        JobSnapshot job = follower.create(request, idempotencyKey);
        if (json && noWait) {
            out.println(job.id());
            return 0;
        }
        out.println("created " + kind.jsonName() + " job " + job.id() + " over " + job.total() + " process(es)");
        if (noWait) {
            out.println("follow it with: caseflow jobs show " + job.id() + " --follow");
            return 0;
        }
        return follower.follow(job).state() == JobState.DONE ? 0 : 1;
    }
}
