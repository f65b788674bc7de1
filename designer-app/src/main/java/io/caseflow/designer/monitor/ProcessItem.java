package io.caseflow.designer.monitor;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * One item of the process table. The item stays put while the process moves on: live updates
 * replace its {@link #row()} value, which only the visible cells observe. The table's list never
 * changes for an update, so nothing scrolls and the selection stays where the user put it.
 */
public final class ProcessItem {
    private final String id;
    private final ReadOnlyObjectWrapper<ProcessRow> row;

    public ProcessItem(ProcessRow initial) {
        this.id = initial.id();
        this.row = new ReadOnlyObjectWrapper<>(initial);
    }

    public String id() {
        return id;
    }

    public ProcessRow row() {
        return row.get();
    }

    public ReadOnlyObjectProperty<ProcessRow> rowProperty() {
        return row.getReadOnlyProperty();
    }

    /** Replaces the row if {@code next} is not older; returns whether it did. */
    boolean update(ProcessRow next) {
        if (next.step() < row.get().step()) {
            return false;
        }
        if (!next.equals(row.get())) {
            row.set(next);
        }
        return true;
    }

    @Override
    public String toString() {
        return "ProcessItem[" + row.get() + "]";
    }
}
