package io.caseflow.cli;

import io.caseflow.client.CaseflowClient;
import io.caseflow.json.Json;
import io.caseflow.retention.CaseRetention;
import io.caseflow.retention.RetentionPolicy;
import io.caseflow.retention.RetentionStatus;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code caseflow retention show|set|clear}: how long finished processes are kept, through the HTTP API. */
@Command(name = "retention", mixinStandardHelpOptions = true,
        description = "Shows and sets how long finished (COMPLETED or CANCELLED) processes are kept before the server's sweeper "
                + "deletes them with their stage runs, payload, dead letters and idempotency key. FAILED processes are never deleted.",
        subcommands = {RetentionCommand.Show.class, RetentionCommand.Set.class, RetentionCommand.Clear.class})
final class RetentionCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "show", mixinStandardHelpOptions = true,
            description = "Lists the policies, what applies to each deployed case api, and what the sweeper did last.")
    static final class Show extends ClientCommand {
        @Override
        void run(CaseflowClient api, PrintWriter out) {
            if (json) {
                out.println(api.get("/api/retention").toPrettyString());
                return;
            }
            RetentionStatus status = api.retention();
            out.println("default: " + (status.defaultPeriod() == null ? "keep forever (or no sweep has run yet)" : status.defaultPeriod()));
            List<List<String>> rows = new ArrayList<>();
            rows.add(List.of("CASE", "API", "KEEP", "FROM", "OLDEST FINISHED KEPT"));
            for (CaseRetention retention : status.cases()) {
                rows.add(List.of(retention.caseName(), retention.api(), retention.period().toString(), from(retention),
                        text(retention.oldestFinishedKept())));
            }
            out.print(WorkersCommand.ListWorkers.table(rows));
            RetentionStatus.Sweep sweep = status.sweep();
            if (sweep == null || sweep.lastStartedAt() == null) {
                out.println("sweeper: has not run yet (it runs on the server)");
            } else {
                out.printf("sweeper: last started %s, %s; deleted %,d then, %,d in all (at most %,d per transaction)%s%n",
                        sweep.lastStartedAt(), sweep.lastFinishedAt() == null || sweep.node() != null ? "running on " + sweep.node()
                                : "finished " + sweep.lastFinishedAt(), sweep.lastDeleted(), sweep.deletedTotal(), sweep.largestBatch(),
                        sweep.lastError() == null ? "" : "; stopped early: " + sweep.lastError());
            }
        }

        private static String from(CaseRetention retention) {
            return switch (retention.source()) {
                case CASE_API -> "case/api policy";
                case CASE -> "case policy";
                case DEFAULT -> "server default";
                case NONE -> "nothing set";
            };
        }

        private static String text(Instant instant) {
            return instant == null ? "-" : instant.toString();
        }
    }

    @Command(name = "set", mixinStandardHelpOptions = true,
            description = "Keeps finished processes of CASE (every api) or CASE/API for PERIOD after they finished, then deletes them.")
    static final class Set extends ClientCommand {
        @Parameters(index = "0", paramLabel = "CASE[/API]", description = "The case, or one api of it, e.g. businessCase1 or businessCase1/v1.")
        String target;

        @Parameters(index = "1", paramLabel = "PERIOD", description = "ISO-8601: P90D, PT12H, P1Y; or 'forever' to keep them despite a default.")
        String period;

        @Override
        void run(CaseflowClient api, PrintWriter out) {
            String[] parts = split(target);
            RetentionPolicy policy = api.setRetention(parts[0], parts[1], period);
            print(out, Json.tree(policy), policy.target() + ": finished processes are kept " + (policy.period().isForever() ? "forever"
                    : "for " + policy.period()));
        }
    }

    @Command(name = "clear", mixinStandardHelpOptions = true,
            description = "Removes the policy of CASE or CASE/API: the case's policy, else the server's default, applies again.")
    static final class Clear extends ClientCommand {
        @Parameters(index = "0", paramLabel = "CASE[/API]", description = "The case, or one api of it.")
        String target;

        @Override
        void run(CaseflowClient api, PrintWriter out) {
            String[] parts = split(target);
            boolean cleared = api.clearRetention(parts[0], parts[1]);
            print(out, Json.object().put("target", target).put("cleared", cleared), target + (cleared ? ": policy removed" : ": had no policy"));
        }
    }

    /** {@code case} or {@code case/api}: [case, api or null]. */
    static String[] split(String target) {
        String[] parts = target.split("/", -1);
        if (parts.length > 2 || parts[0].isBlank() || parts.length == 2 && parts[1].isBlank()) {
            throw new IllegalArgumentException("'" + target + "' is not CASE or CASE/API, e.g. businessCase1 or businessCase1/v1");
        }
        return new String[] {parts[0], parts.length == 2 ? parts[1] : null};
    }
}
