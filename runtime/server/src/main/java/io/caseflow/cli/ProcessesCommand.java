package io.caseflow.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.caseflow.client.CaseflowClient;
import io.caseflow.job.JobKind;
import io.caseflow.json.Json;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine;

/** {@code caseflow processes list|show|retry|cancel}, through the HTTP API. */
@Command(name = "processes", mixinStandardHelpOptions = true, description = "Lists, shows, retries, cancels and migrates processes on a caseflow server; "
        + "retry, retry-from and cancel act on one process by id or, as a bulk job, on every process a query (--stage, --status, "
        + "--case, --error-contains, --since, ...) or --ids selects.",
        subcommands = {ProcessesCommand.ListProcesses.class, ProcessesCommand.Show.class, ProcessesCommand.Retry.class,
                ProcessesCommand.RetryFrom.class, ProcessesCommand.Cancel.class, MigrateProcesses.class})
final class ProcessesCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    static String path(JsonNode process) {
        return "/api/cases/" + CaseflowClient.encode(process.path("case").asText()) + "/" + CaseflowClient.encode(process.path("api").asText())
                + "/processes/" + CaseflowClient.encode(process.path("id").asText());
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists processes, newest first.")
    static final class ListProcesses extends ClientCommand {
        @Option(names = "--case") String caseName;
        @Option(names = "--api") String api;
        @Option(names = "--status", description = "RUNNING, WAITING, COMPLETED, FAILED, CANCELLED (comma-separated).") String status;
        @Option(names = "--stage", description = "Current stage.") String stage;
        @Option(names = "--text", description = "Substring of the id or the data.") String text;
        @Option(names = "--limit", defaultValue = "50") int limit;
        @Option(names = "--offset", defaultValue = "0") int offset;

        @Override
        void run(CaseflowClient api, PrintWriter out) {
            List<String> query = new ArrayList<>();
            add(query, "case", caseName);
            add(query, "api", this.api);
            add(query, "status", status);
            add(query, "stage", stage);
            add(query, "text", text);
            query.add("limit=" + limit);
            query.add("offset=" + offset);
            JsonNode page = api.get("/api/processes?" + String.join("&", query));
            StringBuilder table = new StringBuilder(String.format("%-36s  %-24s  %-10s  %-20s  %s%n", "ID", "CASE", "STATUS", "STAGE", "UPDATED"));
            for (JsonNode p : page.path("processes")) {
                table.append(String.format("%-36s  %-24s  %-10s  %-20s  %s%n", p.path("id").asText(),
                        p.path("case").asText() + "/" + p.path("api").asText() + " v" + p.path("version").asInt(),
                        p.path("status").asText(), p.path("currentStage").asText(), p.path("updatedAt").asText()));
            }
            table.append(String.format("%d of %d (offset %d)", page.path("processes").size(), page.path("total").asLong(), offset));
            print(out, page, table.toString());
        }

        private static void add(List<String> query, String name, String value) {
            if (value != null && !value.isBlank()) {
                query.add(name + "=" + CaseflowClient.encode(value));
            }
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "Shows one process: status, stage, data, failure and history.")
    static final class Show extends ClientCommand {
        @Parameters(paramLabel = "ID") String id;

        @Override
        void run(CaseflowClient api, PrintWriter out) {
            JsonNode process = api.get("/api/processes/" + CaseflowClient.encode(id));
            JsonNode history = api.get(path(process) + "/history");
            if (json) {
                ObjectNode both = Json.object();
                both.set("process", process);
                both.set("history", history);
                out.println(both.toPrettyString());
                return;
            }
            out.printf("%s  %s/%s v%d  %s at %s (step %d, attempt %d)%n", process.path("id").asText(), process.path("case").asText(),
                    process.path("api").asText(), process.path("version").asInt(), process.path("status").asText(),
                    process.path("currentStage").asText(), process.path("step").asLong(), process.path("attempt").asInt());
            out.println("data:   " + process.path("data"));
            if (process.hasNonNull("result")) {
                out.println("result: " + process.path("result"));
            }
            if (process.has("failure")) {
                JsonNode failure = process.path("failure");
                out.println("FAILED at " + failure.path("stage").asText() + " (" + failure.path("kind").asText() + "): "
                        + failure.path("message").asText());
            }
            out.println("history:");
            for (JsonNode run : history) {
                out.printf("  %4d  %-20s attempt %d  %-9s %s%s%n", run.path("step").asLong(), run.path("stage").asText(),
                        run.path("attempt").asInt(), run.path("status").asText(),
                        run.hasNonNull("outcome") ? "-> " + run.path("outcome").asText() : "",
                        run.hasNonNull("error") ? "  " + run.path("error").asText() : "");
            }
        }
    }

    @Command(name = "retry", mixinStandardHelpOptions = true, description = "Resumes a FAILED process at its failed stage; with a query "
            + "or --ids instead of an ID, every selected FAILED process, as a bulk job whose progress is followed "
            + "(e.g. caseflow processes retry --stage chargePayment --status FAILED).")
    static final class Retry extends ClientCommand {
        @Parameters(paramLabel = "ID", arity = "0..1") String id;
        @Option(names = "--from", paramLabel = "STAGE", description = "Resume at this stage instead.") String fromStage;
        @Option(names = "--data", paramLabel = "FILE", description = "Replace the process data with this JSON object first (one process only).") Path data;
        @CommandLine.Mixin BulkOptions bulk;

        @Override
        void run(CaseflowClient api, PrintWriter out) throws Exception {
            if (bulk(spec, id, bulk, data != null)) {
                exit = bulk.run(api, out, fromStage == null ? JobKind.RETRY : JobKind.RETRY_FROM, fromStage, json);
                return;
            }
            ObjectNode body = Json.object();
            if (fromStage != null) {
                body.put("fromStage", fromStage);
            }
            if (data != null) {
                JsonNode parsed;
                try {
                    parsed = Json.MAPPER.readTree(Files.readString(data));
                } catch (JsonProcessingException e) {
                    throw new CommandLine.ParameterException(spec.commandLine(), data + " is not valid JSON: " + e.getOriginalMessage());
                }
                if (!parsed.isObject()) {
                    throw new CommandLine.ParameterException(spec.commandLine(), data + " must hold a JSON object");
                }
                body.set("data", parsed);
            }
            JsonNode process = api.get("/api/processes/" + CaseflowClient.encode(id));
            JsonNode result = api.post(path(process) + "/retry", body.toString());
            print(out, result, result.path("message").asText());
        }
    }

    @Command(name = "retry-from", mixinStandardHelpOptions = true, description = "Resumes every FAILED process a query or --ids selects at "
            + "the stage --from names, as a bulk job (e.g. caseflow processes retry-from --from reserveStock --case orders --api v1).")
    static final class RetryFrom extends ClientCommand {
        @Option(names = "--from", paramLabel = "STAGE", required = true, description = "The stage to resume at.") String fromStage;
        @CommandLine.Mixin BulkOptions bulk;

        @Override
        void run(CaseflowClient api, PrintWriter out) {
            bulk(spec, null, bulk, false);
            exit = bulk.run(api, out, JobKind.RETRY_FROM, fromStage, json);
        }
    }

    /** True for a bulk run (a query or --ids and no ID); refuses mixing an ID with a query, or neither. */
    static boolean bulk(CommandLine.Model.CommandSpec spec, String id, BulkOptions bulk, boolean oneProcessOnly) {
        if (id != null && bulk.selects()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "give a process ID or a query (--stage, --status, --ids, ...), not both");
        }
        if (id == null && !bulk.selects()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "give a process ID, or a query (--stage, --status, --case, "
                    + "--error-contains, --since, ...) or --ids for a bulk job");
        }
        if (id == null && oneProcessOnly) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--data changes one process; give its ID");
        }
        return id == null;
    }

    @Command(name = "cancel", mixinStandardHelpOptions = true, description = "Stops a process that has not ended; with a query or --ids "
            + "instead of an ID, every selected one, as a bulk job.")
    static final class Cancel extends ClientCommand {
        @Parameters(paramLabel = "ID", arity = "0..1") String id;
        @CommandLine.Mixin BulkOptions bulk;

        @Override
        void run(CaseflowClient api, PrintWriter out) {
            if (bulk(spec, id, bulk, false)) {
                exit = bulk.run(api, out, JobKind.CANCEL, null, json);
                return;
            }
            JsonNode process = api.get("/api/processes/" + CaseflowClient.encode(id));
            JsonNode result = api.post(path(process) + "/cancel", "");
            print(out, result, result.path("message").asText());
        }
    }
}
