package io.caseflow.designer.monitor.view;

import io.caseflow.designer.monitor.ProcessItem;
import io.caseflow.designer.monitor.ProcessRow;
import java.util.Objects;
import java.util.function.Function;
import javafx.scene.control.TableCell;
import javafx.scene.control.Tooltip;

/** A process table cell that shows one field of the row, optionally with a tooltip and a style class. */
final class TextCell extends TableCell<ProcessItem, ProcessRow> {
    private final Function<ProcessRow, String> text;
    private final Function<ProcessRow, String> tip;
    private Tooltip tooltip;

    /** @param tip the tooltip's text, or null for none; {@code styleClass} may be null too */
    TextCell(Function<ProcessRow, String> text, Function<ProcessRow, String> tip, String styleClass) {
        this.text = text;
        this.tip = tip;
        if (styleClass != null) {
            getStyleClass().add(styleClass);
        }
    }

    @Override
    protected void updateItem(ProcessRow row, boolean empty) {
        super.updateItem(row, empty);
        String shown = empty || row == null ? null : text.apply(row);
        if (!Objects.equals(shown, getText())) {
            setText(shown);
        }
        if (tip != null) {
            // One tooltip per cell, its text changed: creating tooltips while scrolling is costly.
            String t = empty || row == null ? null : tip.apply(row);
            if (t == null || t.isEmpty()) {
                setTooltip(null);
            } else {
                if (tooltip == null) {
                    tooltip = new Tooltip();
                }
                tooltip.setText(t);
                setTooltip(tooltip);
            }
        }
    }
}
