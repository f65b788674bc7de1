package io.caseflow.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.caseflow.client.CaseflowClient;
import io.caseflow.definition.CaseKey;
import io.caseflow.json.Json;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code caseflow processes migrate}: moves waiting and failed processes of one version of a case to a newer one. */
@Command(name = "migrate", mixinStandardHelpOptions = true,
        description = "Moves the waiting and failed processes of one version of a case to a newer version, each at its stage "
                + "mapped with --map (a stage not mapped keeps its name). Processes running a stage now, or whose stage has no "
                + "place in the new version, are refused and left as they were. Repeating it is harmless.")
final class MigrateProcesses extends ClientCommand {
    @Option(names = "--case", required = true, paramLabel = "CASE/API", description = "e.g. orders/v1")
    String caseKey;

    @Option(names = "--from", required = true, paramLabel = "VERSION")
    int from;

    @Option(names = "--to", required = true, paramLabel = "VERSION")
    int to;

    @Option(names = "--map", paramLabel = "OLD=NEW", description = "A stage of --from and where it goes in --to; repeatable.")
    Map<String, String> mapping = new LinkedHashMap<>();

    @Option(names = "--dry-run", description = "Only say what would move.")
    boolean dryRun;

    @Option(names = "--limit", defaultValue = "1000", description = "Processes per call (1 to 10,000; default ${DEFAULT-VALUE}).")
    int limit;

    @Override
    void run(CaseflowClient api, PrintWriter out) {
        CaseKey key;
        try {
            key = CaseKey.parse(caseKey);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--case: " + e.getMessage());
        }
        ObjectNode request = Json.object().put("fromVersion", from).put("toVersion", to).put("dryRun", dryRun).put("limit", limit);
        ObjectNode map = request.putObject("stageMapping");
        mapping.forEach(map::put);
        JsonNode answer = api.post("/api/cases/" + CaseflowClient.encode(key.name()) + "/" + CaseflowClient.encode(key.api())
                + "/migrations", request.toString());
        if (json) {
            out.println(answer.toPrettyString());
            return;
        }
        for (JsonNode o : answer.path("outcomes")) {
            out.printf("%-38s %-17s %s -> %s%s%n", o.path("processId").asText(), o.path("status").asText(),
                    "v" + o.path("fromVersion").asInt() + " " + o.path("fromStage").asText(),
                    "v" + o.path("toVersion").asInt() + " " + o.path("toStage").asText(""),
                    o.hasNonNull("reason") ? "  (" + o.path("reason").asText() + ")" : "");
        }
        out.println(answer.path("summary").asText());
    }
}
