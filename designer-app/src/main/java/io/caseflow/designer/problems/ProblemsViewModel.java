package io.caseflow.designer.problems;

import io.caseflow.definition.CaseDefinition;
import io.caseflow.designer.editor.Hit;
import io.caseflow.validation.DefinitionValidator;
import io.caseflow.validation.Problem;
import io.caseflow.validation.ProblemTarget;
import io.caseflow.validation.Severity;
import io.caseflow.validation.ValidationReport;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Live validation: runs the shared {@link DefinitionValidator} on a definition and turns the report
 * (plus problems found while importing) into rows for the problems panel, severities for the canvas
 * markers and tooltip texts. Plain Java, tested without the toolkit.
 *
 * <p>The validator takes well under a millisecond for the sample and a few for 500 stages (see the
 * benchmark), so the app runs it on the FX thread, once per change.
 */
public final class ProblemsViewModel {

    /** One line of the problems panel. {@code target} is null for import issues, which name no element. */
    public record Row(Severity severity, String element, String message, ProblemTarget target) {
        public String text() {
            return element + ": " + message;
        }
    }

    private Predicate<String> knownHandlers;
    private List<Row> rows = List.of();
    private Map<String, Severity> stageMarks = Map.of();
    private Map<Integer, Severity> transitionMarks = Map.of();
    private Map<String, List<String>> stageTexts = Map.of();
    private Map<Integer, List<String>> transitionTexts = Map.of();
    private ValidationReport report = new ValidationReport(List.of());
    private long lastNanos;
    private Function<CaseDefinition, List<Problem>> targetCheck = definition -> List.of();

    /**
     * Checks of the deploy target beyond the definition itself (a shared runtime's live coverage),
     * run on every validation against the case as it is drawn then; fast and in memory.
     */
    public void setTargetCheck(Function<CaseDefinition, List<Problem>> check) {
        this.targetCheck = check;
    }

    /** Handlers the target worker has; null until known (then unknown handlers are not reported). */
    public void setKnownHandlers(Predicate<String> handlers) {
        this.knownHandlers = handlers;
    }

    public void validate(CaseDefinition definition, String source, List<String> importIssues) {
        long start = System.nanoTime();
        DefinitionValidator validator = DefinitionValidator.forSource(source);
        if (knownHandlers != null) {
            validator = validator.knownHandlers(knownHandlers);
        }
        report = validator.validate(definition);
        List<Problem> targetProblems = targetCheck.apply(definition);
        if (!targetProblems.isEmpty()) {
            List<Problem> all = new ArrayList<>(report.problems());
            all.addAll(targetProblems);
            report = new ValidationReport(all);
        }
        lastNanos = System.nanoTime() - start;
        List<Row> out = new ArrayList<>();
        Map<String, Severity> stages = new HashMap<>();
        Map<Integer, Severity> transitions = new HashMap<>();
        Map<String, List<String>> sTexts = new HashMap<>();
        Map<Integer, List<String>> tTexts = new HashMap<>();
        for (Problem p : report.problems()) {
            String message = p.message() + (p.fix() == null ? "" : ". " + p.fix());
            out.add(new Row(p.severity(), p.target().describe(), message, p.target()));
            String line = (p.isError() ? "Error: " : "Warning: ") + message;
            if (p.target().kind() == ProblemTarget.Kind.STAGE && p.target().stage() != null) {
                stages.merge(p.target().stage(), p.severity(), ProblemsViewModel::worst);
                sTexts.computeIfAbsent(p.target().stage(), k -> new ArrayList<>()).add(line);
            } else if (p.target().kind() == ProblemTarget.Kind.TRANSITION) {
                transitions.merge(p.target().transitionIndex(), p.severity(), ProblemsViewModel::worst);
                tTexts.computeIfAbsent(p.target().transitionIndex(), k -> new ArrayList<>()).add(line);
            }
        }
        for (String issue : importIssues) {
            out.add(new Row(Severity.WARNING, "import", issue, null));
        }
        rows = List.copyOf(out);
        stageMarks = Map.copyOf(stages);
        transitionMarks = Map.copyOf(transitions);
        stageTexts = sTexts;
        transitionTexts = tTexts;
    }

    private static Severity worst(Severity a, Severity b) {
        return a == Severity.ERROR || b == Severity.ERROR ? Severity.ERROR : Severity.WARNING;
    }

    public List<Row> rows() {
        return rows;
    }

    public ValidationReport report() {
        return report;
    }

    public Map<String, Severity> stageMarks() {
        return stageMarks;
    }

    public Map<Integer, Severity> transitionMarks() {
        return transitionMarks;
    }

    public long errorCount() {
        return rows.stream().filter(r -> r.severity() == Severity.ERROR).count();
    }

    public long warningCount() {
        return rows.size() - errorCount();
    }

    /** "No problems", "2 errors, 1 warning". */
    public String summary() {
        long e = errorCount();
        long w = warningCount();
        if (e == 0 && w == 0) {
            return "No problems";
        }
        List<String> parts = new ArrayList<>();
        if (e > 0) {
            parts.add(e + (e == 1 ? " error" : " errors"));
        }
        if (w > 0) {
            parts.add(w + (w == 1 ? " warning" : " warnings"));
        }
        return String.join(", ", parts);
    }

    /** The tooltip for what is under the pointer: its problems, or nothing. */
    public String tooltip(Hit hit) {
        List<String> lines = null;
        String title = null;
        if (hit instanceof Hit.StageBody b) {
            lines = stageTexts.get(b.stage());
            title = "Stage '" + b.stage() + "'";
        } else if (hit instanceof Hit.StagePort p) {
            lines = stageTexts.get(p.stage());
            title = "Stage '" + p.stage() + "'";
        } else if (hit instanceof Hit.Edge e) {
            lines = transitionTexts.get(e.index());
            title = "Transition";
        }
        if (lines == null || lines.isEmpty()) {
            return null;
        }
        return title + "\n" + lines.stream().map(l -> "• " + l).collect(Collectors.joining("\n"));
    }

    /** How long the last validation took. */
    public long lastValidationNanos() {
        return lastNanos;
    }

    public Set<String> markedStages() {
        return stageMarks.keySet();
    }
}
