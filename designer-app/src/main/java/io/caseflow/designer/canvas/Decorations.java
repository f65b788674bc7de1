package io.caseflow.designer.canvas;

import io.caseflow.definition.CaseDefinition;
import io.caseflow.definition.StageDefinition;
import io.caseflow.definition.TransitionDefinition;
import io.caseflow.designer.diff.DefinitionDiff;
import io.caseflow.validation.Severity;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What the canvas marks on top of the case: problem markers per stage and transition (the worst
 * severity wins), and while a deploy is being confirmed, the difference to the deployed version.
 */
public record Decorations(Map<String, Severity> stageMarks, Map<Integer, Severity> transitionMarks, Diff diff) {
    public static final Decorations NONE = new Decorations(Map.of(), Map.of(), null);

    /** The deploy preview drawn on the canvas. */
    public record Diff(Set<String> added, Set<String> changed, Set<String> moved, List<StageDefinition> removed,
                       Set<TransitionDefinition> newEdges, List<TransitionDefinition> removedEdges) {
        public static Diff of(DefinitionDiff diff, CaseDefinition edited) {
            Set<String> moved = diff.changedStages().keySet().stream().filter(diff::onlyMoved).collect(Collectors.toSet());
            Set<String> changed = diff.changedStages().keySet().stream().filter(s -> !moved.contains(s)).collect(Collectors.toSet());
            return new Diff(Set.copyOf(diff.addedStages()), changed, moved, diff.removedStages(),
                    diff.highlightedTransitions(edited), diff.removedTransitions());
        }
    }

    public Decorations withMarks(Map<String, Severity> stages, Map<Integer, Severity> transitions) {
        return new Decorations(Map.copyOf(stages), Map.copyOf(transitions), diff);
    }

    public Decorations withDiff(Diff newDiff) {
        return new Decorations(stageMarks, transitionMarks, newDiff);
    }
}
