package io.caseflow.designer.canvas;

import io.caseflow.definition.CaseDefinition;
import io.caseflow.definition.StageDefinition;
import io.caseflow.definition.TransitionDefinition;
import io.caseflow.designer.editor.Hit;
import io.caseflow.designer.editor.Selection;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * What a screen reader says for the canvas: the selected stage with its kind and problems
 * ("Stage 'charge', service payments·charge, 1 error: …"), the selected transition, or the case.
 * The problems are the canvas's tooltip texts (one "Error: …" or "Warning: …" line each).
 */
final class CanvasDescription {
    private CanvasDescription() {
    }

    static String describe(CaseDefinition d, Selection selection, Function<Hit, String> problems) {
        Optional<StageDefinition> stage = selection.singleStage().flatMap(d::stage);
        if (stage.isPresent()) {
            StageDefinition s = stage.get();
            String start = s.name().equals(d.startStage()) ? ", start stage" : "";
            return "Stage '" + s.name() + "', " + kind(s) + start + ", " + problems(problems.apply(new Hit.StageBody(s.name())));
        }
        Optional<Integer> edge = selection.singleTransition().filter(i -> i < d.transitions().size());
        if (edge.isPresent()) {
            TransitionDefinition t = d.transitions().get(edge.get());
            List<TransitionDefinition> siblings = d.transitionsFrom(t.from());
            String position = siblings.size() < 2 ? "" : " (" + (siblings.indexOf(t) + 1) + " of " + siblings.size() + " leaving it)";
            return "Transition from '" + t.from() + "' to '" + t.to() + "'" + position + ", outcome " + t.outcome() + ", "
                    + problems(problems.apply(new Hit.Edge(edge.get())));
        }
        if (!selection.isEmpty()) {
            return selection.stages().size() + " stages and " + selection.transitions().size() + " transitions selected";
        }
        int n = d.stages().size();
        return "Case '" + d.name() + "', " + (n == 1 ? "1 stage" : n + " stages") + ", nothing selected";
    }

    private static String kind(StageDefinition s) {
        return switch (s.kind()) {
            case END -> "end";
            case TASK -> "task " + (blank(s.handler()) ? "without handler" : s.handler());
            case SERVICE -> "service " + (blank(s.service()) ? "without service" : s.service())
                    + (blank(s.command()) ? "" : "·" + s.command());
        };
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    /** "no problems", "1 error: …", "1 error, 2 warnings: Error: …; Warning: …". */
    static String problems(String tooltip) {
        if (tooltip == null || tooltip.isBlank()) {
            return "no problems";
        }
        List<String> lines = new ArrayList<>();
        int errors = 0;
        int warnings = 0;
        for (String line : tooltip.split("\n")) {
            String l = line.strip();
            if (l.startsWith("• ")) {
                l = l.substring(2);
                lines.add(l);
                if (l.startsWith("Error: ")) {
                    errors++;
                } else {
                    warnings++;
                }
            }
        }
        if (lines.isEmpty()) {
            return "no problems";
        }
        List<String> counts = new ArrayList<>();
        if (errors > 0) {
            counts.add(errors + (errors == 1 ? " error" : " errors"));
        }
        if (warnings > 0) {
            counts.add(warnings + (warnings == 1 ? " warning" : " warnings"));
        }
        boolean mixed = errors > 0 && warnings > 0;
        List<String> said = lines.stream().map(l -> mixed ? l : l.replaceFirst("^(Error|Warning): ", "")).toList();
        return String.join(", ", counts) + ": " + String.join("; ", said);
    }
}
