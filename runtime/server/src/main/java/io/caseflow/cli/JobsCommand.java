package io.caseflow.cli;

import io.caseflow.client.CaseflowClient;
import io.caseflow.job.ItemState;
import io.caseflow.job.JobItem;
import io.caseflow.job.JobSnapshot;
import io.caseflow.job.JobState;
import io.caseflow.json.Json;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code caseflow jobs list|show|items|cancel}: bulk jobs on a caseflow server. */
@Command(name = "jobs", mixinStandardHelpOptions = true, description = "Lists, shows, follows and cancels bulk jobs "
        + "(created by caseflow processes retry|retry-from|cancel with a query).",
        subcommands = {JobsCommand.ListJobs.class, JobsCommand.Show.class, JobsCommand.Items.class, JobsCommand.Cancel.class})
final class JobsCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists jobs, newest first, with their progress.")
    static final class ListJobs extends ClientCommand {
        @Option(names = "--limit", defaultValue = "20") int limit;

        @Override
        void run(CaseflowClient api, PrintWriter out) {
            if (json) {
                out.println(api.get("/api/jobs?limit=" + limit).toPrettyString());
                return;
            }
            out.printf("%-36s  %-10s  %-9s  %13s  %s%n", "ID", "KIND", "STATE", "FINISHED", "CREATED");
            for (JobSnapshot job : api.jobs(limit)) {
                out.printf("%-36s  %-10s  %-9s  %13s  %s%n", job.id(), job.kind().jsonName(), job.state(), job.finished() + "/" + job.total(),
                        job.createdAt());
            }
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "Shows a job: what it does, to which processes, and how far it is.")
    static final class Show extends ClientCommand {
        @Parameters(paramLabel = "ID") String id;
        @Option(names = "--follow", description = "Print progress until the job ends.") boolean follow;
        @Option(names = "--patience", paramLabel = "DURATION", defaultValue = "PT10M",
                description = "How long to wait for a server that does not answer (ISO-8601, default PT10M).") Duration patience;

        @Override
        void run(CaseflowClient api, PrintWriter out) {
            if (json && !follow) {
                out.println(api.get("/api/jobs/" + CaseflowClient.encode(id)).toPrettyString());
                return;
            }
            JobSnapshot job = api.job(id);
            out.println(job.describe());
            out.println("  requested by " + job.requestedBy() + " at " + job.createdAt() + ": " + Json.write(job.request().toJson()));
            if (follow) {
                exit = new JobFollower(api, out, patience).follow(job).state() == JobState.DONE ? 0 : 1;
            }
        }
    }

    @Command(name = "items", mixinStandardHelpOptions = true, description = "The job's result per process.")
    static final class Items extends ClientCommand {
        @Parameters(paramLabel = "ID") String id;
        @Option(names = "--state", description = "Only PENDING, DONE, MOVED_ON, REFUSED, NOT_FOUND, FAILED or CANCELLED.") String state;
        @Option(names = "--limit", defaultValue = "100") int limit;
        @Option(names = "--after", paramLabel = "PROCESS_ID", description = "Results after this process id (the next page).") String after;

        @Override
        void run(CaseflowClient api, PrintWriter out) {
            ItemState filter = state == null ? null : ItemState.valueOf(state.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
            List<JobItem> items = api.jobItems(id, filter, after, limit);
            for (JobItem item : items) {
                out.printf("%-36s  step %-5d  %-9s  %s%n", item.processId(), item.step(), item.state(), item.message() == null ? "" : item.message());
            }
            if (items.size() == limit) {
                out.println("more: --after " + items.get(items.size() - 1).processId());
            }
        }
    }

    @Command(name = "cancel", mixinStandardHelpOptions = true, description = "Cancels a running job; processes already acted on keep their results.")
    static final class Cancel extends ClientCommand {
        @Parameters(paramLabel = "ID") String id;

        @Override
        void run(CaseflowClient api, PrintWriter out) {
            JobSnapshot job = api.cancelJob(id);
            out.println(job.describe());
        }
    }
}
