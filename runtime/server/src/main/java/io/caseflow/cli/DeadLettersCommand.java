package io.caseflow.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.caseflow.client.CaseflowClient;
import io.caseflow.json.Json;
import io.caseflow.message.DeadLetter;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code caseflow dead-letters list|replay|discard}: messages that could not be handled. */
@Command(name = "dead-letters", mixinStandardHelpOptions = true, description = "Lists dead letters; replays them to the queue they died in "
        + "(each at most once) or discards them (kept for audit).",
        subcommands = {DeadLettersCommand.ListLetters.class, DeadLettersCommand.Replay.class, DeadLettersCommand.Discard.class})
final class DeadLettersCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists dead letters, newest first.")
    static final class ListLetters extends ClientCommand {
        @Option(names = "--state", description = "DEAD (not settled), REPLAYED or DISCARDED; default all.") String state;
        @Option(names = "--limit", defaultValue = "50") int limit;

        @Override
        void run(CaseflowClient api, PrintWriter out) {
            if (json) {
                out.println(api.get("/api/dead-letters?limit=" + limit + (state == null ? "" : "&state=" + CaseflowClient.encode(state)))
                        .toPrettyString());
                return;
            }
            out.printf("%-8s  %-9s  %-20s  %-40s  %s%n", "ID", "STATE", "REASON", "QUEUE", "DETAIL");
            for (DeadLetter letter : api.deadLetters(state, limit)) {
                out.printf("%-8d  %-9s  %-20s  %-40s  %s%n", letter.id(), letter.state(), letter.reason(), letter.sourceQueue(), letter.detail());
            }
        }
    }

    /** Replay and discard: by ids, or every unsettled one with a reason or from a queue. */
    abstract static class Settle extends ClientCommand {
        @Parameters(paramLabel = "ID", arity = "0..*") List<Long> ids;
        @Option(names = "--reason", description = "Every unsettled dead letter with this reason.") String reason;
        @Option(names = "--queue", description = "Every unsettled dead letter from this queue.") String queue;
        @Option(names = "--limit", defaultValue = "1000", description = "At most this many by --reason/--queue (1 to 10000).") int limit;

        abstract boolean replay();

        @Override
        void run(CaseflowClient api, PrintWriter out) {
            boolean byIds = ids != null && !ids.isEmpty();
            if (byIds == (reason != null || queue != null)) {
                throw new CommandLine.ParameterException(spec.commandLine(), "give dead letter IDs, or --reason/--queue, not both");
            }
            JsonNode answer;
            if (byIds) {
                answer = api.settleDeadLetters(replay(), ids);
            } else {
                ObjectNode body = Json.object().put("limit", limit);
                body.putObject("query").put("reason", reason).put("queue", queue);
                answer = api.post("/api/dead-letters/" + (replay() ? "replay" : "discard"), body.toString());
            }
            if (json) {
                out.println(answer.toPrettyString());
                return;
            }
            for (JsonNode result : answer.path("results")) {
                out.println(result.path("outcome").asText() + "  " + result.path("message").asText());
            }
            out.printf("%s: %d, already settled: %d, refused: %d, not found: %d%n", replay() ? "replayed" : "discarded",
                    answer.path("SETTLED").asInt(), answer.path("ALREADY_SETTLED").asInt(), answer.path("REFUSED").asInt(),
                    answer.path("NOT_FOUND").asInt());
            exit = answer.path("REFUSED").asInt() + answer.path("NOT_FOUND").asInt() > 0 ? 1 : 0;
        }
    }

    @Command(name = "replay", mixinStandardHelpOptions = true, description = "Sends dead letters back to the queue they died in, each at most once.")
    static final class Replay extends Settle {
        @Override
        boolean replay() {
            return true;
        }
    }

    @Command(name = "discard", mixinStandardHelpOptions = true, description = "Marks dead letters discarded: kept for audit, never replayed.")
    static final class Discard extends Settle {
        @Override
        boolean replay() {
            return false;
        }
    }
}
