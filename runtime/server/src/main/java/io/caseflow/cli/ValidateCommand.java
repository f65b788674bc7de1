package io.caseflow.cli;

import io.caseflow.definition.CaseDefinition;
import io.caseflow.definition.DefinitionFormatException;
import io.caseflow.definition.DefinitionJson;
import io.caseflow.validation.DefinitionValidator;
import io.caseflow.validation.Problem;
import io.caseflow.validation.ValidationReport;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code caseflow validate FILE...}: prints every problem; exit code 0 when no file has errors. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Checks case definition files (*.case.json) and prints every problem with what to change.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every file is valid (warnings allowed)", "1:a file has errors or cannot be read"})
final class ValidateCommand implements Callable<Integer> {

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "Definition files to check.")
    List<Path> files;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        boolean ok = true;
        for (Path file : files) {
            CaseDefinition definition;
            try {
                definition = DefinitionJson.read(file);
            } catch (DefinitionFormatException e) {
                out.println("ERROR " + e.getMessage());
                ok = false;
                continue;
            }
            ValidationReport report = DefinitionValidator.forSource(file.toString()).validate(definition);
            for (Problem problem : report.problems()) {
                out.println(problem.severity() + " " + problem);
            }
            if (report.hasErrors()) {
                ok = false;
            } else {
                out.println("OK " + file + ": case " + definition.key() + ", " + definition.stages().size() + " stages, "
                        + definition.transitions().size() + " transitions" + (report.warnings().isEmpty() ? ""
                        : ", " + report.warnings().size() + " warning(s)"));
            }
        }
        out.flush();
        return ok ? 0 : 1;
    }
}
