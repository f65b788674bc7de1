package io.caseflow.validation;

import java.util.List;
import java.util.stream.Collectors;

/** Every problem found in one definition, errors first. */
public record ValidationReport(List<Problem> problems) {

    public ValidationReport {
        problems = problems.stream()
                .sorted((a, b) -> a.severity().compareTo(b.severity()))
                .toList();
    }

    public boolean hasErrors() {
        return problems.stream().anyMatch(Problem::isError);
    }

    public List<Problem> errors() {
        return problems.stream().filter(Problem::isError).toList();
    }

    public List<Problem> warnings() {
        return problems.stream().filter(p -> !p.isError()).toList();
    }

    public boolean isClean() {
        return problems.isEmpty();
    }

    /** One problem a line, ready to print. */
    public String describe() {
        return problems.stream().map(p -> p.severity() + " " + p).collect(Collectors.joining(System.lineSeparator()));
    }
}
