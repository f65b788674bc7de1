package io.caseflow.cli;

import io.caseflow.client.ApiException;
import com.fasterxml.jackson.databind.JsonNode;
import io.caseflow.definition.CaseDefinition;
import io.caseflow.definition.DefinitionFormatException;
import io.caseflow.definition.DefinitionJson;
import io.caseflow.validation.DefinitionValidator;
import io.caseflow.validation.ValidationReport;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code caseflow deploy FILE}: validates locally, then deploys through the HTTP API. */
@Command(name = "deploy", mixinStandardHelpOptions = true,
        description = "Validates a case definition and deploys it to a caseflow server. An invalid file is refused with the "
                + "validator's messages and nothing is sent.")
final class DeployCommand implements Callable<Integer> {
    @Parameters(paramLabel = "FILE", description = "The *.case.json file.")
    Path file;

    @Mixin
    ClientOptions client;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        CaseDefinition definition;
        try {
            definition = DefinitionJson.read(file);
        } catch (DefinitionFormatException e) {
            out.println("ERROR " + e.getMessage());
            return 1;
        }
        ValidationReport report = DefinitionValidator.forSource(file.toString()).validate(definition);
        report.problems().forEach(p -> out.println(p.severity() + " " + p));
        if (report.hasErrors()) {
            out.println("not deployed: " + report.errors().size() + " error(s)");
            return 1;
        }
        try {
            JsonNode deployed = client.client().deploy(definition);
            out.println(deployed.path("unchanged").asBoolean()
                    ? "unchanged: " + definition.key() + " is already deployed as v" + deployed.path("version").asInt()
                    : "deployed " + definition.key() + " as v" + deployed.path("version").asInt());
            return 0;
        } catch (ApiException e) {
            out.println("ERROR " + e.getMessage());
            if (e.details() != null && e.details().isArray()) {
                e.details().forEach(problem -> out.println("  " + problem.path("text").asText()));
            }
            return 1;
        } finally {
            out.flush();
        }
    }

}
