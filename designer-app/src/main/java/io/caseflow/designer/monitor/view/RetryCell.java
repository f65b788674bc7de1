package io.caseflow.designer.monitor.view;

import io.caseflow.designer.monitor.ProcessItem;
import io.caseflow.designer.monitor.ProcessRow;
import javafx.collections.ObservableSet;
import javafx.collections.SetChangeListener;
import javafx.collections.WeakSetChangeListener;
import javafx.scene.control.Button;
import javafx.scene.control.TableCell;

/** The process table's action cell: "Retry" on a failed row, "Retrying…" while an action works on it. */
final class RetryCell extends TableCell<ProcessItem, ProcessRow> {
    private final Button retry = new Button("Retry");
    private final ObservableSet<String> busyIds;
    private final SetChangeListener<String> onBusy = c -> refresh(getItem());

    /** @param busyIds the processes an action is working on now */
    RetryCell(MonitorCommands commands, ObservableSet<String> busyIds) {
        this.busyIds = busyIds;
        retry.getStyleClass().add("row-retry");
        retry.setFocusTraversable(false);
        retry.setOnAction(e -> {
            ProcessRow row = getItem();
            if (row != null) {
                commands.retry(row.id());
            }
        });
        // Weak: the table may replace its cells, and the set outlives them.
        busyIds.addListener(new WeakSetChangeListener<>(onBusy));
    }

    @Override
    protected void updateItem(ProcessRow row, boolean empty) {
        super.updateItem(row, empty);
        refresh(empty ? null : row);
    }

    private void refresh(ProcessRow row) {
        if (row == null || isEmpty()) {
            setGraphic(null);
            return;
        }
        boolean working = busyIds.contains(row.id());
        if (row.isFailed() || working) {
            retry.setText(working ? "Retrying…" : "Retry");
            retry.setDisable(working);
            retry.setId("retry-" + row.id());
            setGraphic(retry);
        } else {
            setGraphic(null);
        }
    }
}
