package io.caseflow.designer.diff;

import io.caseflow.definition.CaseDefinition;
import io.caseflow.definition.StageDefinition;
import io.caseflow.definition.TransitionDefinition;
import io.caseflow.designer.editor.Durations;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What an edited case changes against a deployed version: stages added, removed and changed (with
 * each changed field), transitions added, removed and re-labelled, and the case's own settings.
 * Versions are ignored, as the runtime ignores them when it decides whether a deploy is new.
 *
 * <pre>{@code
 * DefinitionDiff diff = DefinitionDiff.between(deployedOrNull, edited);
 * if (diff.isEmpty()) { ... nothing to deploy ... }
 * }</pre>
 */
public record DefinitionDiff(List<String> addedStages,
                             List<StageDefinition> removedStages,
                             Map<String, List<String>> changedStages,
                             List<TransitionDefinition> addedTransitions,
                             List<TransitionDefinition> removedTransitions,
                             List<String> changedTransitions,
                             List<String> caseChanges) {

    public static DefinitionDiff between(CaseDefinition before, CaseDefinition after) {
        CaseDefinition old = before == null
                ? new CaseDefinition(after.name(), after.api(), 0, after.description(), after.startStage(), List.of(), List.of())
                : before;
        Map<String, StageDefinition> oldStages = byName(old.stages());
        Map<String, StageDefinition> newStages = byName(after.stages());
        List<String> added = new ArrayList<>();
        Map<String, List<String>> changed = new LinkedHashMap<>();
        for (StageDefinition s : newStages.values()) {
            StageDefinition o = oldStages.get(s.name());
            if (o == null) {
                added.add(s.name());
            } else if (!o.equals(s)) {
                changed.put(s.name(), fieldChanges(o, s));
            }
        }
        List<StageDefinition> removed = oldStages.values().stream().filter(s -> !newStages.containsKey(s.name())).toList();

        List<TransitionDefinition> oldEdges = new ArrayList<>(old.transitions());
        List<TransitionDefinition> newEdges = new ArrayList<>();
        for (TransitionDefinition t : after.transitions()) {
            if (!oldEdges.remove(t)) {
                newEdges.add(t);
            }
        }
        List<String> relabelled = new ArrayList<>();
        for (TransitionDefinition t : List.copyOf(newEdges)) {
            TransitionDefinition match = oldEdges.stream()
                    .filter(o -> Objects.equals(o.from(), t.from()) && Objects.equals(o.to(), t.to())).findFirst().orElse(null);
            if (match != null) {
                oldEdges.remove(match);
                newEdges.remove(t);
                relabelled.add(t.from() + " → " + t.to() + ": outcome " + match.outcome() + " → " + t.outcome());
            }
        }
        List<String> caseChanges = new ArrayList<>();
        if (before != null) {
            field(caseChanges, "description", old.description(), after.description());
            field(caseChanges, "start stage", old.startStage(), after.startStage());
        }
        return new DefinitionDiff(List.copyOf(added), List.copyOf(removed), Map.copyOf(changed), List.copyOf(newEdges),
                List.copyOf(oldEdges), List.copyOf(relabelled), List.copyOf(caseChanges));
    }

    public boolean isEmpty() {
        return addedStages.isEmpty() && removedStages.isEmpty() && changedStages.isEmpty() && addedTransitions.isEmpty()
                && removedTransitions.isEmpty() && changedTransitions.isEmpty() && caseChanges.isEmpty();
    }

    /** True when the only changes to {@code stage} are where it is drawn. */
    public boolean onlyMoved(String stage) {
        List<String> changes = changedStages.get(stage);
        return changes != null && changes.stream().allMatch(c -> c.startsWith("position"));
    }

    /** Transitions of the edited case that are new or re-labelled (for the canvas highlight). */
    public Set<TransitionDefinition> highlightedTransitions(CaseDefinition after) {
        Set<String> relabelledPairs = changedTransitions.stream().map(c -> c.substring(0, c.indexOf(':'))).collect(Collectors.toSet());
        return after.transitions().stream()
                .filter(t -> addedTransitions.contains(t) || relabelledPairs.contains(t.from() + " → " + t.to()))
                .collect(Collectors.toSet());
    }

    /** A few lines for the deploy dialog. */
    public List<String> describe() {
        List<String> lines = new ArrayList<>();
        addedStages.forEach(s -> lines.add("+ stage " + s));
        removedStages.forEach(s -> lines.add("− stage " + s.name()));
        changedStages.forEach((s, changes) -> lines.add("~ stage " + s + ": " + String.join("; ", changes)));
        addedTransitions.forEach(t -> lines.add("+ transition " + t.describe()));
        removedTransitions.forEach(t -> lines.add("− transition " + t.describe()));
        changedTransitions.forEach(t -> lines.add("~ transition " + t));
        caseChanges.forEach(c -> lines.add("~ case " + c));
        return lines;
    }

    private static List<String> fieldChanges(StageDefinition o, StageDefinition s) {
        List<String> out = new ArrayList<>();
        field(out, "kind", o.kind().jsonName(), s.kind().jsonName());
        field(out, "handler", o.handler(), s.handler());
        field(out, "service", o.service(), s.service());
        field(out, "command", o.command(), s.command());
        field(out, "timeout", Durations.format(o.timeout()), Durations.format(s.timeout()));
        field(out, "reply timeout", Durations.format(o.replyTimeout()), Durations.format(s.replyTimeout()));
        if (!o.retry().equals(s.retry())) {
            out.add("retry " + retry(o) + " → " + retry(s));
        }
        field(out, "lane", o.layout().lane(), s.layout().lane());
        if (o.layout().x() != s.layout().x() || o.layout().y() != s.layout().y()) {
            out.add("position (" + (int) o.layout().x() + ", " + (int) o.layout().y() + ") → ("
                    + (int) s.layout().x() + ", " + (int) s.layout().y() + ")");
        }
        return out;
    }

    private static String retry(StageDefinition s) {
        return s.retry().maxAttempts() + "× " + Durations.format(s.retry().backoff()) + " ×" + s.retry().multiplier()
                + " ≤" + Durations.format(s.retry().maxBackoff());
    }

    private static void field(List<String> out, String name, String a, String b) {
        if (!Objects.equals(a, b)) {
            out.add(name + " " + (a == null || a.isEmpty() ? "(none)" : a) + " → " + (b == null || b.isEmpty() ? "(none)" : b));
        }
    }

    private static Map<String, StageDefinition> byName(List<StageDefinition> stages) {
        Map<String, StageDefinition> map = new LinkedHashMap<>();
        stages.forEach(s -> map.putIfAbsent(s.name(), s));
        return map;
    }
}
