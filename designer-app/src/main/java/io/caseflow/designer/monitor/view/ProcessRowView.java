package io.caseflow.designer.monitor.view;

import io.caseflow.designer.monitor.ProcessItem;
import io.caseflow.designer.monitor.ProcessRow;
import io.caseflow.designer.monitor.ProcessTableViewModel;
import io.caseflow.process.ProcessStatus;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.WeakChangeListener;
import javafx.css.PseudoClass;
import javafx.scene.control.TableRow;

/**
 * A process table row whose looks follow its process: failed rows tinted, ended ones muted, rows
 * that no longer match the filter greyed. A double click on a failed row opens Retry with Changes.
 */
final class ProcessRowView extends TableRow<ProcessItem> {
    private static final PseudoClass FAILED = PseudoClass.getPseudoClass("failed");
    private static final PseudoClass OUTSIDE = PseudoClass.getPseudoClass("outside-filter");
    private static final PseudoClass ENDED = PseudoClass.getPseudoClass("ended");

    private final ProcessTableViewModel model;
    private final ChangeListener<ProcessRow> onChange = (o, a, b) -> style(b);
    private final ChangeListener<ProcessRow> weakOnChange = new WeakChangeListener<>(onChange);

    ProcessRowView(ProcessTableViewModel model, MonitorCommands commands) {
        this.model = model;
        itemProperty().addListener((o, before, now) -> {
            if (before != null) {
                before.rowProperty().removeListener(weakOnChange);
            }
            if (now != null) {
                now.rowProperty().addListener(weakOnChange);
            }
            style(now == null ? null : now.row());
        });
        setOnMouseClicked(e -> {
            if (e.getClickCount() == 2 && getItem() != null && getItem().row().isFailed()) {
                commands.retryWithChanges(getItem().id());
            }
        });
    }

    private void style(ProcessRow row) {
        pseudoClassStateChanged(FAILED, row != null && row.isFailed());
        pseudoClassStateChanged(ENDED, row != null && (row.status() == ProcessStatus.COMPLETED || row.status() == ProcessStatus.CANCELLED));
        pseudoClassStateChanged(OUTSIDE, row != null && !model.filter().matchesFields(row));
    }
}
