package io.caseflow.designer.editor;

import io.caseflow.definition.CaseDefinition;
import io.caseflow.definition.Layout;
import io.caseflow.definition.StageDefinition;
import io.caseflow.definition.StageKind;
import io.caseflow.definition.TransitionDefinition;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * Every edit the designer can make, as {@link EditCommand}s. Each keeps the case consistent the
 * way a user expects: renaming a stage renames it in transitions and as the start stage, deleting
 * a stage deletes its transitions, a new stage gets a free name.
 *
 * <pre>{@code
 * stack.execute(Edits.addStage(StageDefinition.task("check", "orders.check").withLayout(new Layout(40, 40))));
 * stack.execute(Edits.connect("check", "done", TransitionDefinition.DEFAULT_OUTCOME));
 * }</pre>
 */
public final class Edits {
    private Edits() {
    }

    static Set<String> names(CaseDefinition d) {
        return d.stages().stream().map(StageDefinition::name).filter(Objects::nonNull).collect(Collectors.toSet());
    }

    private static EditCommand command(String label, UnaryOperator<CaseDefinition> body) {
        return new EditCommand() {
            @Override
            public String label() {
                return label;
            }

            @Override
            public CaseDefinition apply(CaseDefinition before) {
                return body.apply(before);
            }

            @Override
            public String toString() {
                return label;
            }
        };
    }

    /** Adds {@code stage}; the first stage of an empty case becomes its start. */
    public static EditCommand addStage(StageDefinition stage) {
        return command("Add stage '" + stage.name() + "'", d -> {
            if (names(d).contains(stage.name())) {
                throw new EditRejectedException("A stage named '" + stage.name() + "' already exists.");
            }
            List<StageDefinition> stages = new ArrayList<>(d.stages());
            stages.add(stage);
            CaseDefinition after = d.withStages(stages);
            return d.startStage() == null || d.startStage().isBlank() ? after.withStartStage(stage.name()) : after;
        });
    }

    /** Moves stages to new top-left corners (one undoable step however many move); each keeps its lane. */
    public static EditCommand move(Map<String, Layout> targets) {
        String label = targets.size() == 1 ? "Move stage '" + targets.keySet().iterator().next() + "'"
                : "Move " + targets.size() + " stages";
        return relayout(label, targets);
    }

    /** Like {@link #move} with the label of an automatic layout. */
    public static EditCommand layout(Map<String, Layout> targets) {
        return relayout("Auto-layout", targets);
    }

    private static EditCommand relayout(String label, Map<String, Layout> targets) {
        Map<String, Layout> copy = Map.copyOf(targets);
        return command(label, d -> d.withStages(d.stages().stream()
                .map(s -> copy.containsKey(s.name()) ? s.withLayout(s.layout().at(copy.get(s.name()).x(), copy.get(s.name()).y())) : s)
                .toList()));
    }

    /**
     * Joins {@code from} to {@code to}. A null outcome picks one that is free for {@code from}:
     * the default {@code next} if unused, else {@code branch1}, {@code branch2}...
     */
    public static EditCommand connect(String from, String to, String outcome) {
        return command("Connect '" + from + "' to '" + to + "'", d -> {
            StageDefinition source = d.stage(from).orElseThrow(() -> new EditRejectedException("There is no stage '" + from + "'."));
            d.stage(to).orElseThrow(() -> new EditRejectedException("There is no stage '" + to + "'."));
            if (source.isEnd()) {
                throw new EditRejectedException("'" + from + "' is an end stage; a process stops there, so nothing can follow it.");
            }
            String chosen = outcome == null ? freeOutcome(d, from) : outcome;
            TransitionDefinition t = new TransitionDefinition(from, to, chosen);
            if (d.transitions().contains(t)) {
                return d;
            }
            List<TransitionDefinition> list = new ArrayList<>(d.transitions());
            list.add(t);
            return d.withTransitions(list);
        });
    }

    static String freeOutcome(CaseDefinition d, String from) {
        Set<String> used = d.transitionsFrom(from).stream().map(TransitionDefinition::outcome).collect(Collectors.toSet());
        return used.contains(TransitionDefinition.DEFAULT_OUTCOME) ? Names.numbered("branch", used) : TransitionDefinition.DEFAULT_OUTCOME;
    }

    /** Moves one or both ends of transition {@code index}. */
    public static EditCommand reconnect(int index, String newFrom, String newTo) {
        return command("Reconnect transition", d -> {
            TransitionDefinition old = transition(d, index);
            for (String stage : List.of(newFrom, newTo)) {
                d.stage(stage).orElseThrow(() -> new EditRejectedException("There is no stage '" + stage + "'."));
            }
            if (d.stage(newFrom).orElseThrow().isEnd()) {
                throw new EditRejectedException("'" + newFrom + "' is an end stage; nothing can follow it.");
            }
            List<TransitionDefinition> list = new ArrayList<>(d.transitions());
            list.set(index, new TransitionDefinition(newFrom, newTo, old.outcome()));
            return d.withTransitions(list);
        });
    }

    /** Sets the outcome of transition {@code index} (blank means the default {@code next}). */
    public static EditCommand setOutcome(int index, String outcome) {
        return command("Set outcome", d -> {
            TransitionDefinition old = transition(d, index);
            List<TransitionDefinition> list = new ArrayList<>(d.transitions());
            list.set(index, new TransitionDefinition(old.from(), old.to(), outcome));
            return d.withTransitions(list);
        });
    }

    /** Deletes stages (with every transition touching them) and transitions. */
    public static EditCommand delete(Collection<String> stages, Collection<Integer> transitions) {
        Set<String> gone = Set.copyOf(stages);
        Set<Integer> goneEdges = Set.copyOf(transitions);
        int count = gone.size() + goneEdges.size();
        String label = count == 1 ? (gone.isEmpty() ? "Delete transition" : "Delete stage '" + gone.iterator().next() + "'")
                : "Delete " + count + " elements";
        return command(label, d -> {
            List<StageDefinition> kept = d.stages().stream().filter(s -> !gone.contains(s.name())).toList();
            List<TransitionDefinition> keptEdges = new ArrayList<>();
            for (int i = 0; i < d.transitions().size(); i++) {
                TransitionDefinition t = d.transitions().get(i);
                if (!goneEdges.contains(i) && !gone.contains(t.from()) && !gone.contains(t.to())) {
                    keptEdges.add(t);
                }
            }
            String start = gone.contains(d.startStage()) ? null : d.startStage();
            return d.withStages(kept).withTransitions(keptEdges).withStartStage(start);
        });
    }

    /** Renames a stage everywhere it is named: its transitions and the start stage. */
    public static EditCommand rename(String oldName, String newName) {
        return command("Rename '" + oldName + "' to '" + newName + "'", d -> {
            String name = newName == null ? "" : newName.strip();
            if (name.isEmpty()) {
                throw new EditRejectedException("A stage needs a name.");
            }
            if (name.equals(oldName)) {
                return d;
            }
            if (names(d).contains(name)) {
                throw new EditRejectedException("A stage named '" + name + "' already exists.");
            }
            List<StageDefinition> stages = d.stages().stream().map(s -> oldName.equals(s.name()) ? s.withName(name) : s).toList();
            List<TransitionDefinition> edges = d.transitions().stream().map(t -> new TransitionDefinition(
                    oldName.equals(t.from()) ? name : t.from(), oldName.equals(t.to()) ? name : t.to(), t.outcome())).toList();
            String start = oldName.equals(d.startStage()) ? name : d.startStage();
            return d.withStages(stages).withTransitions(edges).withStartStage(start);
        });
    }

    /** Changes one stage's settings (not its name: use {@link #rename}). */
    public static EditCommand updateStage(String stageName, String label, UnaryOperator<StageDefinition> change) {
        return command(label, d -> {
            d.stage(stageName).orElseThrow(() -> new EditRejectedException("There is no stage '" + stageName + "'."));
            return d.withStages(d.stages().stream().map(s -> stageName.equals(s.name()) ? keepName(s, change.apply(s)) : s).toList());
        });
    }

    /**
     * Makes a stage a task, service or end stage (what the property sheet's Kind does): a stage that
     * stops being a service drops its service, command and reply timeout.
     */
    public static EditCommand setKind(String stageName, StageKind kind) {
        return updateStage(stageName, "Make '" + stageName + "' a " + kind.jsonName() + " stage", st -> kind == StageKind.SERVICE
                ? st.withKind(kind)
                : new StageDefinition(st.name(), kind, st.handler(), null, null, st.timeout(), null, st.retry(), st.layout()));
    }

    /** Puts a stage in a lane (a draw.io swimlane on export); a blank lane takes it out of any. */
    public static EditCommand setLane(String stageName, String lane) {
        String cleaned = lane == null || lane.isBlank() ? null : lane.strip();
        return updateStage(stageName, cleaned == null ? "Take '" + stageName + "' out of its lane"
                : "Put '" + stageName + "' in lane '" + cleaned + "'", st -> st.withLayout(st.layout().withLane(cleaned)));
    }

    private static StageDefinition keepName(StageDefinition before, StageDefinition after) {
        return Objects.equals(before.name(), after.name()) ? after : after.withName(before.name());
    }

    /** Changes the case's own settings: name, api, description, start stage. */
    public static EditCommand updateCase(String label, UnaryOperator<CaseDefinition> change) {
        return command(label, change);
    }

    /**
     * Adds a copied fragment, its stages renamed where the names are taken and moved by
     * {@code (dx, dy)}; only transitions between pasted stages come along.
     */
    public static EditCommand paste(CaseDefinition fragment, double dx, double dy) {
        return command("Paste " + fragment.stages().size() + " stage(s)", d -> {
            Set<String> taken = new HashSet<>(names(d));
            Map<String, String> renamed = new LinkedHashMap<>();
            List<StageDefinition> stages = new ArrayList<>(d.stages());
            for (StageDefinition s : fragment.stages()) {
                String name = Names.unique(s.name(), taken);
                taken.add(name);
                renamed.put(s.name(), name);
                stages.add(s.withName(name).withLayout(s.layout().at(s.layout().x() + dx, s.layout().y() + dy)));
            }
            List<TransitionDefinition> edges = new ArrayList<>(d.transitions());
            for (TransitionDefinition t : fragment.transitions()) {
                if (renamed.containsKey(t.from()) && renamed.containsKey(t.to())) {
                    edges.add(new TransitionDefinition(renamed.get(t.from()), renamed.get(t.to()), t.outcome()));
                }
            }
            CaseDefinition after = d.withStages(stages).withTransitions(edges);
            return d.startStage() == null && !stages.isEmpty() ? after.withStartStage(stages.get(0).name()) : after;
        });
    }

    /** The selected stages and the transitions among them (plus selected transitions whose ends both come along). */
    public static CaseDefinition copy(CaseDefinition d, Selection selection) {
        Set<String> names = selection.stages();
        List<StageDefinition> stages = d.stages().stream().filter(s -> names.contains(s.name())).toList();
        List<TransitionDefinition> edges = d.transitions().stream()
                .filter(t -> names.contains(t.from()) && names.contains(t.to())).toList();
        return new CaseDefinition(d.name(), d.api(), 0, null, null, stages, edges);
    }

    private static TransitionDefinition transition(CaseDefinition d, int index) {
        if (index < 0 || index >= d.transitions().size()) {
            throw new EditRejectedException("That transition no longer exists.");
        }
        return d.transitions().get(index);
    }
}
