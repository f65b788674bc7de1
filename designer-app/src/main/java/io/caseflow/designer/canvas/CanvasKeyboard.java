package io.caseflow.designer.canvas;

import io.caseflow.definition.CaseDefinition;
import io.caseflow.definition.StageDefinition;
import io.caseflow.definition.StageKind;
import io.caseflow.definition.TransitionDefinition;
import io.caseflow.designer.editor.CaseDocument;
import io.caseflow.designer.editor.EditCommand;
import io.caseflow.designer.editor.Edits;
import io.caseflow.designer.editor.StageNavigator;
import io.caseflow.designer.editor.StageNavigator.Direction;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
import java.util.function.Predicate;
import javafx.scene.input.KeyEvent;

/**
 * The canvas by keyboard (the canvas focused): arrows select the nearest stage that way, Home and End
 * the first and last stage, Tab and Shift+Tab the next and previous one from a selected stage (with
 * nothing selected, or past the last or first stage, they leave the canvas as usual), {@code C} connects the selected stage to one chosen by name,
 * {@code K} cycles its kind (task, service, end), {@code T} selects the transitions leaving it one by
 * one; with a transition selected, Left/Right go to its ends and Up/Down to its siblings. F2 (rename,
 * or a transition's outcome), Delete and the rest are the menus' accelerators. Every change is an {@link Edits} command on the document, as with the mouse.
 */
final class CanvasKeyboard {
    /** What the keys say in the help text a screen reader reads for the canvas. */
    static final String HELP = "Arrow keys select the nearest stage that way, Home and End the first and last, "
            + "Tab and Shift+Tab the next and previous stage (past the last or first one, or with nothing selected, they leave the diagram). "
            + "C connects the selected stage to another by name, K changes its kind, F2 renames, Delete deletes, "
            + "T selects the transitions leaving the selected stage one after another (Shift+T backwards); "
            + "with a transition selected, Left and Right go to the stage it leaves and the stage it leads to, "
            + "Up and Down to the other transitions leaving the same stage, F2 changes its outcome and Delete deletes it. "
            + "Escape clears the selection. Ctrl+1, 2 and 3 add a task, service and end stage.";
    private static final List<StageKind> KIND_CYCLE = List.of(StageKind.TASK, StageKind.SERVICE, StageKind.END);

    private final CaseDocument document;
    private final Consumer<StageDefinition> openConnect;
    private final Consumer<String> select;
    private final IntConsumer selectTransition;
    private final Predicate<EditCommand> execute;
    private final Consumer<String> messages;

    /**
     * @param openConnect opens the connect type-ahead beside a stage
     * @param select  selects a stage and scrolls it into view
     * @param selectTransition selects a transition (by its index in the case) and scrolls it into view
     * @param execute runs an edit, saying why when it is refused; true when it ran
     */
    CanvasKeyboard(CaseDocument document, Consumer<StageDefinition> openConnect, Consumer<String> select, IntConsumer selectTransition,
                   Predicate<EditCommand> execute, Consumer<String> messages) {
        this.document = document;
        this.openConnect = openConnect;
        this.select = select;
        this.selectTransition = selectTransition;
        this.execute = execute;
        this.messages = messages;
    }

    /** A key pressed on the canvas; consumed when it meant something here. */
    void keyPressed(KeyEvent e) {
        if (e.isShortcutDown() || e.isAltDown() || e.isMetaDown()) {
            return;
        }
        CaseDefinition d = document.definition();
        Optional<TransitionDefinition> edge = selectedTransition();
        if (edge.isPresent()) {
            boolean consumed = switch (e.getCode()) {
                case LEFT, KP_LEFT -> follow(edge.get().from(), "leaves");
                case RIGHT, KP_RIGHT -> follow(edge.get().to(), "leads to");
                case UP, KP_UP -> cycleTransition(false);
                case DOWN, KP_DOWN -> cycleTransition(true);
                default -> false;
            };
            if (consumed) {
                e.consume();
                return;
            }
        }
        String current = current().orElse(null);
        boolean consumed = switch (e.getCode()) {
            case LEFT, KP_LEFT -> move(StageNavigator.nearest(d, current, Direction.LEFT));
            case RIGHT, KP_RIGHT -> move(StageNavigator.nearest(d, current, Direction.RIGHT));
            case UP, KP_UP -> move(StageNavigator.nearest(d, current, Direction.UP));
            case DOWN, KP_DOWN -> move(StageNavigator.nearest(d, current, Direction.DOWN));
            case HOME -> move(StageNavigator.first(d));
            case END -> move(StageNavigator.last(d));
            case TAB -> {
                Optional<String> next = current == null ? Optional.empty() : StageNavigator.next(d, current, !e.isShiftDown());
                next.ifPresent(select);
                yield next.isPresent();
            }
            default -> false;
        };
        if (consumed) {
            e.consume();
        }
    }

    /**
     * A character typed on the canvas: the letter commands. They act on the typed character, not on
     * the key press, so that the character is not typed again into the field that C opens.
     */
    void keyTyped(KeyEvent e) {
        if (e.isShortcutDown() || e.isAltDown() || e.isMetaDown()) {
            return;
        }
        switch (e.getCharacter().toLowerCase(Locale.ROOT)) {
            case "c" -> connect();
            case "k" -> cycleKind();
            case "t" -> cycleTransition(!e.getCharacter().equals("T") && !e.isShiftDown());
            default -> {
                return;
            }
        }
        e.consume();
    }

    /** Arrows are always consumed, so that they never move the focus off the canvas. */
    /** Goes from the selected transition to one of its stages, and says so (the status still described the transition). */
    private boolean follow(String stage, String how) {
        select.accept(stage);
        messages.accept("'" + stage + "', the stage the transition " + how + ".");
        return true;
    }

    private boolean move(Optional<String> to) {
        to.ifPresent(select);
        return true;
    }

    /** The stage the keys start from: the only selected one, else the last one selected. */
    private Optional<String> current() {
        List<String> stages = document.selection().orderedStages();
        return stages.isEmpty() ? Optional.empty() : Optional.of(stages.get(stages.size() - 1));
    }

    private Optional<StageDefinition> single() {
        return document.selection().singleStage().flatMap(document.definition()::stage);
    }

    /** Opens the type-ahead beside the selected stage. */
    void connect() {
        Optional<StageDefinition> from = single();
        if (from.isEmpty()) {
            messages.accept("Select one stage to connect from (arrow keys or Tab), then press C.");
        } else if (from.get().isEnd()) {
            messages.accept("'" + from.get().name() + "' is an end stage; nothing can follow it.");
        } else if (document.definition().stages().size() < 2) {
            messages.accept("Add another stage to connect '" + from.get().name() + "' to.");
        } else {
            openConnect.accept(from.get());
        }
    }

    /** What the picker chose: one connect command, the stage connected from stays selected. */
    void connected(String from, String to) {
        if (execute.test(Edits.connect(from, to, null))) {
            messages.accept("Connected '" + from + "' to '" + to + "'.");
        }
    }

    private Optional<TransitionDefinition> selectedTransition() {
        List<TransitionDefinition> all = document.definition().transitions();
        return document.selection().singleTransition().filter(i -> i < all.size()).map(all::get);
    }

    /**
     * Selects the next (or previous) transition leaving the selected stage, or leaving the same stage
     * as the selected transition; from a stage, the first (or last) one. Always consumes the key.
     */
    boolean cycleTransition(boolean forward) {
        CaseDefinition d = document.definition();
        Optional<Integer> selected = document.selection().singleTransition().filter(i -> i < d.transitions().size());
        Optional<String> from = selected.map(i -> d.transitions().get(i).from()).or(() -> single().map(StageDefinition::name));
        if (from.isEmpty()) {
            messages.accept("Select one stage (arrow keys or Tab), then press T to select the transitions leaving it.");
            return true;
        }
        List<Integer> leaving = new ArrayList<>();
        for (int i = 0; i < d.transitions().size(); i++) {
            if (from.get().equals(d.transitions().get(i).from())) {
                leaving.add(i);
            }
        }
        if (leaving.isEmpty()) {
            messages.accept("No transition leaves '" + from.get() + "'; press C to connect it to another stage.");
            return true;
        }
        int at = selected.map(leaving::indexOf).orElse(-1);
        int next = at < 0 ? (forward ? 0 : leaving.size() - 1) : Math.floorMod(at + (forward ? 1 : -1), leaving.size());
        int index = leaving.get(next);
        selectTransition.accept(index);
        TransitionDefinition t = d.transitions().get(index);
        messages.accept("Transition " + (next + 1) + " of " + leaving.size() + " leaving '" + t.from() + "': to '" + t.to()
                + "', outcome '" + t.outcome() + "'. F2 changes the outcome, Delete deletes it.");
        return true;
    }

    /** Task, then service, then end, then task again. */
    void cycleKind() {
        single().ifPresentOrElse(s -> {
            StageKind next = KIND_CYCLE.get((KIND_CYCLE.indexOf(s.kind()) + 1) % KIND_CYCLE.size());
            if (execute.test(Edits.setKind(s.name(), next))) {
                messages.accept("'" + s.name() + "' is now a " + next.jsonName() + " stage.");
            }
        }, () -> messages.accept("Select one stage to change its kind."));
    }
}
