package io.caseflow.cli;

import io.caseflow.client.ApiException;
import io.caseflow.client.CaseflowClient;
import io.caseflow.concurrent.Sleeper;
import io.caseflow.job.ItemState;
import io.caseflow.job.JobItem;
import io.caseflow.job.JobRequest;
import io.caseflow.job.JobSnapshot;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Creates a bulk job and follows it until it ends, riding out a server that restarts meanwhile: the create is
 * sent with an idempotency key of this command's own, so sending it again after a lost answer finds the same
 * job, and progress is read again until the server answers.
 */
final class JobFollower {
    static final Duration POLL = Duration.ofSeconds(1);
    private final CaseflowClient api;
    private final PrintWriter out;
    private final Duration patience;

    JobFollower(CaseflowClient api, PrintWriter out, Duration patience) {
        this.api = api;
        this.out = out;
        this.patience = patience;
    }

    JobSnapshot create(JobRequest request, String idempotencyKey) {
        String key = idempotencyKey != null ? idempotencyKey : "cli-" + UUID.randomUUID();
        return patiently("create the job", () -> api.createJob(request, key));
    }

    /** Prints progress lines until the job ends; returns the job as it ended. */
    JobSnapshot follow(JobSnapshot job) {
        long lastFinished = -1;
        JobSnapshot now = job;
        while (!now.state().isTerminal()) {
            if (now.finished() != lastFinished) {
                out.println(now.describe());
                out.flush();
                lastFinished = now.finished();
            }
            Sleeper.sleep(POLL);
            String id = now.id();
            now = patiently("read job " + id, () -> api.job(id));
        }
        out.println(now.describe());
        List<JobItem> notDone = api.jobItems(now.id(), ItemState.FAILED, null, 5);
        for (JobItem item : notDone) {
            out.println("  FAILED " + item.processId() + ": " + item.message());
        }
        out.flush();
        return now;
    }

    /** Calls {@code call} until the server answers (an unreachable or unavailable server is waited for, up to the patience). */
    private <T> T patiently(String what, Supplier<T> call) {
        Instant giveUp = Instant.now().plus(patience);
        boolean told = false;
        while (true) {
            try {
                T answer = call.get();
                if (told) {
                    out.println("the server answers again");
                    out.flush();
                }
                return answer;
            } catch (UncheckedIOException | ApiException e) {
                boolean waitable = e instanceof UncheckedIOException || ((ApiException) e).status() == 503 || ((ApiException) e).status() == 502;
                if (!waitable || Instant.now().isAfter(giveUp)) {
                    throw e;
                }
                if (!told) {
                    out.println("cannot " + what + " now (" + e.getMessage() + "); trying again until " + giveUp);
                    out.flush();
                    told = true;
                }
                Sleeper.sleep(POLL);
            }
        }
    }
}
