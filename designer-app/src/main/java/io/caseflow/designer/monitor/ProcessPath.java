package io.caseflow.designer.monitor;

import io.caseflow.definition.CaseDefinition;
import io.caseflow.definition.TransitionDefinition;
import io.caseflow.process.ProcessSnapshot;
import io.caseflow.process.ProcessStatus;
import io.caseflow.process.StageRun;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The way one process went through its case, for drawing on the graph: the stages it ran in order
 * of first visit, how many attempts each took, the transitions it took (indexes into the
 * definition's transitions), and where it stands now. A retry from an earlier stage is a jump, not
 * a transition, and is left out of {@code transitions}.
 */
public record ProcessPath(List<String> stages, Map<String, Integer> attempts, Set<Integer> transitions, String current,
                          ProcessStatus status, String failedStage) {

    public ProcessPath {
        stages = List.copyOf(stages);
        attempts = Map.copyOf(attempts);
        transitions = Set.copyOf(transitions);
    }

    public static ProcessPath of(CaseDefinition definition, ProcessSnapshot process, List<StageRun> history) {
        List<String> visits = new ArrayList<>();
        List<String> outcomes = new ArrayList<>();
        Map<String, Integer> attempts = new LinkedHashMap<>();
        for (StageRun run : history) {
            attempts.merge(run.stage(), 1, Integer::sum);
            if (visits.isEmpty() || !visits.get(visits.size() - 1).equals(run.stage())) {
                visits.add(run.stage());
                outcomes.add(run.outcome());
            } else {
                outcomes.set(outcomes.size() - 1, run.outcome());
            }
        }
        String current = process.currentStage();
        if (current != null && (visits.isEmpty() || !visits.get(visits.size() - 1).equals(current))) {
            visits.add(current);
            outcomes.add(null);
        }
        Set<Integer> taken = new LinkedHashSet<>();
        for (int i = 0; i + 1 < visits.size(); i++) {
            int index = transitionIndex(definition, visits.get(i), visits.get(i + 1), outcomes.get(i));
            if (index >= 0) {
                taken.add(index);
            }
        }
        return new ProcessPath(new ArrayList<>(new LinkedHashSet<>(visits)), attempts, taken, current, process.status(),
                process.failure() == null ? null : process.failure().stage());
    }

    private static int transitionIndex(CaseDefinition d, String from, String to, String outcome) {
        List<TransitionDefinition> all = d.transitions();
        int fallback = -1;
        for (int i = 0; i < all.size(); i++) {
            TransitionDefinition t = all.get(i);
            if (t.from().equals(from) && t.to().equals(to)) {
                if (outcome == null || outcome.equals(t.outcome())) {
                    return i;
                }
                fallback = fallback < 0 ? i : fallback;
            }
        }
        return fallback;
    }

    public boolean visited(String stage) {
        return attempts.containsKey(stage) || stage.equals(current);
    }

    /** 1-based order of the stage's first visit, or 0. */
    public int order(String stage) {
        return stages.indexOf(stage) + 1;
    }
}
