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
import javafx.scene.control.TableView;

/** The process's audit trail in its detail: who asked for what, when, from where, and how it ended; newest first. */
final class AuditTable {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.systemDefault());

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
                column("When", 140, e -> WHEN.format(e.at())),
                column("Who", 110, e -> e.actor() + " (" + e.role() + ")"),
                column("Action", 230, AuditEvent::action),
                column("Result", 110, e -> e.status() + " " + e.outcome()),
                column("From", 160, e -> e.remote() == null ? "" : e.remote())));
        return table;
    }

    private static TableColumn<AuditEvent, String> column(String title, double width, Function<AuditEvent, String> text) {
        TableColumn<AuditEvent, String> column = new TableColumn<>(title);
        column.setPrefWidth(width);
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(text.apply(cell.getValue())));
        return column;
    }
}
