package io.caseflow.designer.monitor.view;

import io.caseflow.definition.CaseKey;
import io.caseflow.designer.monitor.WorkersViewModel;
import io.caseflow.worker.WorkerSnapshot;
import io.caseflow.worker.WorkerStatus;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Collectors;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;

/** The live workers beside the monitor: who serves which cases with which handlers and services, alive or gone. */
public final class WorkersPane extends BorderPane {
    private final TableView<WorkerSnapshot> table = new TableView<>();

    public WorkersPane(WorkersViewModel model) {
        setId("workersPane");
        table.setId("workersTable");
        table.setItems(model.rows());
        table.setFixedCellSize(25);
        table.setPlaceholder(new Label("No worker has registered with this runtime's store yet."));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(WorkerSnapshot w, boolean empty) {
                super.updateItem(w, empty);
                setTooltip(empty || w == null ? null : new Tooltip(describe(w)));
            }
        });
        table.getColumns().addAll(List.of(
                column("Status", 70, w -> w.status().name().toLowerCase(Locale.ROOT), w -> w.status() == WorkerStatus.ALIVE
                        ? "worker-alive" : w.status() == WorkerStatus.GONE ? "error-text" : "muted"),
                column("Kind", 70, w -> w.worker().kind(), null),
                column("Host", 110, w -> w.worker().host() + " · pid " + w.worker().pid(), w -> "mono"),
                column("Last seen", 80, w -> ago(w.lastSeenAgo()), null),
                column("Cases", 170, w -> w.worker().cases().stream().map(CaseKey::toString).collect(Collectors.joining(", ")), null),
                column("Handlers", 70, w -> String.valueOf(w.worker().handlers().size()), null),
                column("Services", 150, w -> String.join(", ", w.worker().services()), null),
                column("Version", 90, w -> w.worker().version(), w -> "mono")));
        Label error = new Label();
        error.getStyleClass().add("error-text");
        error.textProperty().bind(model.errorProperty());
        error.managedProperty().bind(error.textProperty().isNotEmpty());
        error.visibleProperty().bind(error.managedProperty());
        setTop(error);
        setCenter(table);
    }

    private static String describe(WorkerSnapshot w) {
        return w.worker().id() + " (" + w.status().name().toLowerCase(Locale.ROOT) + ")\nstarted " + w.worker().startedAt()
                + "\nhandlers: " + String.join(", ", w.worker().handlers());
    }

    static String ago(Duration ago) {
        long s = ago.toSeconds();
        return s < 60 ? s + " s ago" : s < 3600 ? s / 60 + " min ago" : s / 3600 + " h ago";
    }

    private static TableColumn<WorkerSnapshot, WorkerSnapshot> column(String title, double width, Function<WorkerSnapshot, String> text,
                                                                      Function<WorkerSnapshot, String> style) {
        TableColumn<WorkerSnapshot, WorkerSnapshot> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setMinWidth(Math.min(width, 60));
        c.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(cd.getValue()));
        c.setCellFactory(col -> new TableCell<>() {
            private String applied;

            @Override
            protected void updateItem(WorkerSnapshot w, boolean empty) {
                super.updateItem(w, empty);
                if (applied != null) {
                    getStyleClass().remove(applied);
                    applied = null;
                }
                setText(empty || w == null ? null : text.apply(w));
                if (!empty && w != null && style != null) {
                    applied = style.apply(w);
                    if (applied != null) {
                        getStyleClass().add(applied);
                    }
                }
            }
        });
        return c;
    }
}
