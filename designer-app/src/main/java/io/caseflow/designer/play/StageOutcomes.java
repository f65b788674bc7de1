package io.caseflow.designer.play;

import io.caseflow.definition.CaseDefinition;
import io.caseflow.definition.TransitionDefinition;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The outcomes a stage can end with, read from its outgoing transitions in drawing order. */
public final class StageOutcomes {
    private StageOutcomes() {
    }

    /** Distinct outcomes of the stage's outgoing transitions ({@code next} for a plain edge). */
    public static List<String> of(CaseDefinition definition, String stage) {
        Set<String> outcomes = new LinkedHashSet<>();
        for (TransitionDefinition t : definition.transitionsFrom(stage)) {
            outcomes.add(t.outcome());
        }
        return List.copyOf(outcomes);
    }

    /** {@code next} when the stage has a default edge, else its first outcome, else {@code next} (which then fails loudly). */
    public static String defaultOf(CaseDefinition definition, String stage) {
        List<String> outcomes = of(definition, stage);
        if (outcomes.isEmpty() || outcomes.contains(TransitionDefinition.DEFAULT_OUTCOME)) {
            return TransitionDefinition.DEFAULT_OUTCOME;
        }
        return outcomes.get(0);
    }

    /** The first outcome drawn from the stage ({@code ok} when it has none): what a simulated service answers by default. */
    public static String firstOf(CaseDefinition definition, String stage) {
        List<String> outcomes = of(definition, stage);
        return outcomes.isEmpty() ? "ok" : outcomes.get(0);
    }
}
