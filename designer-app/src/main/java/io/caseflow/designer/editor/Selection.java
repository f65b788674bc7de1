package io.caseflow.designer.editor;

import io.caseflow.definition.CaseDefinition;
import io.caseflow.definition.StageDefinition;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * What is selected on the canvas: stages by name and transitions by their index in the case's
 * list. Plain Java, no toolkit; listeners run on the caller's thread (the FX thread in the app).
 */
public final class Selection {
    private final Set<String> stages = new LinkedHashSet<>();
    private final Set<Integer> transitions = new TreeSet<>();
    private final List<Consumer<Selection>> listeners = new CopyOnWriteArrayList<>();

    public Set<String> stages() {
        return Set.copyOf(stages);
    }

    /** Selected stage names in the order they were selected. */
    public List<String> orderedStages() {
        return new ArrayList<>(stages);
    }

    public Set<Integer> transitions() {
        return Set.copyOf(transitions);
    }

    public boolean isEmpty() {
        return stages.isEmpty() && transitions.isEmpty();
    }

    public int size() {
        return stages.size() + transitions.size();
    }

    public boolean containsStage(String name) {
        return stages.contains(name);
    }

    public boolean containsTransition(int index) {
        return transitions.contains(index);
    }

    /** The only selected stage, if exactly one stage and nothing else is selected. */
    public Optional<String> singleStage() {
        return stages.size() == 1 && transitions.isEmpty() ? Optional.of(stages.iterator().next()) : Optional.empty();
    }

    public Optional<Integer> singleTransition() {
        return transitions.size() == 1 && stages.isEmpty() ? Optional.of(transitions.iterator().next()) : Optional.empty();
    }

    public void selectStage(String name) {
        set(List.of(name), List.of());
    }

    public void selectTransition(int index) {
        set(List.of(), List.of(index));
    }

    public void set(Collection<String> stageNames, Collection<Integer> transitionIndexes) {
        if (stages.equals(new LinkedHashSet<>(stageNames)) && transitions.equals(new TreeSet<>(transitionIndexes))) {
            return;
        }
        stages.clear();
        stages.addAll(stageNames);
        transitions.clear();
        transitions.addAll(transitionIndexes);
        fire();
    }

    /** Shift-click: adds the stage, or removes it when it was selected. */
    public void toggleStage(String name) {
        if (!stages.remove(name)) {
            stages.add(name);
        }
        fire();
    }

    public void toggleTransition(int index) {
        if (!transitions.remove(index)) {
            transitions.add(index);
        }
        fire();
    }

    public void add(Collection<String> stageNames, Collection<Integer> transitionIndexes) {
        if (stages.addAll(stageNames) | transitions.addAll(transitionIndexes)) {
            fire();
        }
    }

    public void clear() {
        if (!isEmpty()) {
            stages.clear();
            transitions.clear();
            fire();
        }
    }

    public void selectAll(CaseDefinition definition) {
        List<Integer> all = new ArrayList<>();
        for (int i = 0; i < definition.transitions().size(); i++) {
            all.add(i);
        }
        set(definition.stages().stream().map(StageDefinition::name).toList(), all);
    }

    /** Drops what {@code definition} no longer has (after an undo, a delete, a load). */
    public void prune(CaseDefinition definition) {
        Set<String> names = new HashSet<>();
        definition.stages().forEach(s -> names.add(s.name()));
        boolean changed = stages.retainAll(names);
        changed |= transitions.removeIf(i -> i >= definition.transitions().size());
        if (changed) {
            fire();
        }
    }

    public void addListener(Consumer<Selection> listener) {
        listeners.add(listener);
    }

    private void fire() {
        listeners.forEach(l -> l.accept(this));
    }

    @Override
    public String toString() {
        return "Selection" + stages + " transitions" + transitions;
    }
}
