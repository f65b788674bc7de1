package io.caseflow.designer.editor;

import io.caseflow.definition.CaseDefinition;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The undo/redo history of one document. Every change to the case goes through
 * {@link #execute(EditCommand)}; an edit that changes nothing is not recorded. Knows whether the
 * case differs from what was last saved ({@link #isDirty()}), also after undoing past a save.
 *
 * <p>Not thread-safe: the app calls it on the FX thread only.
 */
public final class CommandStack {
    public static final int DEFAULT_LIMIT = 500;

    private record Entry(String label, CaseDefinition before, CaseDefinition after) {
    }

    /** Told after every change of the current definition. */
    public interface Listener {
        void changed(CaseDefinition current, String reason);
    }

    private final Deque<Entry> undo = new ArrayDeque<>();
    private final Deque<Entry> redo = new ArrayDeque<>();
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private final int limit;
    private CaseDefinition current;
    private CaseDefinition saved;

    public CommandStack(CaseDefinition initial) {
        this(initial, DEFAULT_LIMIT);
    }

    public CommandStack(CaseDefinition initial, int limit) {
        this.current = Objects.requireNonNull(initial);
        this.saved = initial;
        this.limit = limit;
    }

    public CaseDefinition current() {
        return current;
    }

    /** Runs {@code command}; returns false (and records nothing) when it changed nothing. */
    public boolean execute(EditCommand command) {
        CaseDefinition after = command.apply(current);
        if (after.equals(current)) {
            return false;
        }
        undo.push(new Entry(command.label(), current, after));
        if (undo.size() > limit) {
            undo.removeLast();
        }
        redo.clear();
        current = after;
        fire(command.label());
        return true;
    }

    public boolean canUndo() {
        return !undo.isEmpty();
    }

    public boolean canRedo() {
        return !redo.isEmpty();
    }

    public Optional<String> undoLabel() {
        return undo.isEmpty() ? Optional.empty() : Optional.of(undo.peek().label());
    }

    public Optional<String> redoLabel() {
        return redo.isEmpty() ? Optional.empty() : Optional.of(redo.peek().label());
    }

    public void undo() {
        if (undo.isEmpty()) {
            return;
        }
        Entry e = undo.pop();
        redo.push(e);
        current = e.before();
        fire("Undo " + e.label());
    }

    public void redo() {
        if (redo.isEmpty()) {
            return;
        }
        Entry e = redo.pop();
        undo.push(e);
        current = e.after();
        fire("Redo " + e.label());
    }

    /** Starts over with {@code definition} (new or opened file): history cleared, not dirty. */
    public void reset(CaseDefinition definition) {
        undo.clear();
        redo.clear();
        current = definition;
        saved = definition;
        fire("Load");
    }

    /** The current definition is what the file now holds. */
    public void markSaved() {
        saved = current;
        fire("Save");
    }

    public boolean isDirty() {
        return !current.equals(saved);
    }

    public int undoSize() {
        return undo.size();
    }

    public void addListener(Listener listener) {
        listeners.add(listener);
    }

    public void removeListener(Listener listener) {
        listeners.remove(listener);
    }

    private void fire(String reason) {
        listeners.forEach(l -> l.changed(current, reason));
    }
}
