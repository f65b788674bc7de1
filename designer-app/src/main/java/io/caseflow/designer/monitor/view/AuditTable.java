package io.caseflow.designer.monitor.view;

import io.caseflow.audit.AuditEvent;
import io.caseflow.designer.monitor.ProcessDetailViewModel;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;

/** The process's audit trail in its detail: who asked for what, when, from where, and how it ended; newest first. */
final class AuditTable {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("MM-dd HH:mm:ss").withZone(ZoneId.systemDefault());
    private static final DateTimeFormatter FULL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss z").withZone(ZoneId.systemDefault());

    private AuditTable() {
    }

    static TableView<AuditEvent> of(ProcessDetailViewModel model) {
        TableView<AuditEvent> table = new TableView<>(model.audit());
        table.setId("auditTable");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        Label placeholder = new Label();
        placeholder.setWrapText(true);
        placeholder.textProperty().bind(model.auditNoteProperty());
        table.setPlaceholder(placeholder);
        table.getColumns().addAll(List.of(
                column("When", 112, e -> WHEN.format(e.at())),
                column("Who", 92, AuditEvent::actor),
                column("Action", 140, AuditEvent::action),
                column("Result", 64, e -> e.status() + " " + e.outcome()),
                column("From", 90, e -> e.remote() == null ? "" : e.remote())));
        table.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(AuditEvent e, boolean empty) {
                super.updateItem(e, empty);
                setTooltip(empty || e == null ? null : new Tooltip(describe(e)));
            }
        });
        return table;
    }

    /** The whole event in words, for the row's tooltip (the columns are narrow beside the graph). */
    static String describe(AuditEvent e) {
        return FULL.format(e.at()) + "\n" + e.actor() + " (" + e.role() + ") asked for " + e.action()
                + (e.remote() == null ? "" : "\nfrom " + e.remote()) + "\nresult: " + e.status() + " " + e.outcome()
                + (e.traceId() == null ? "" : "\ntrace " + e.traceId());
    }

    private static TableColumn<AuditEvent, String> column(String title, double width, Function<AuditEvent, String> text) {
        TableColumn<AuditEvent, String> column = new TableColumn<>(title);
        column.setPrefWidth(width);
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(text.apply(cell.getValue())));
        return column;
    }
}
