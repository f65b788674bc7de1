package io.caseflow.designer.problems;

import io.caseflow.designer.problems.ProblemsViewModel.Row;
import io.caseflow.validation.Severity;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Circle;

/** The problems panel: one row per problem; clicking a row selects and reveals its element. */
public final class ProblemsPane extends VBox {
    private final TableView<Row> table = new TableView<>();
    private final Label title = new Label("Problems");
    private Consumer<Row> onOpen = r -> { };

    public ProblemsPane() {
        getStyleClass().add("problems-pane");
        setId("problemsPane");
        table.setId("problemsTable");
        title.getStyleClass().add("pane-title");
        TableColumn<Row, String> severity = new TableColumn<>("");
        severity.setPrefWidth(30);
        severity.setMinWidth(30);
        severity.setMaxWidth(30);
        severity.setSortable(false);
        severity.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().severity().name()));
        severity.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                if (empty || item == null) {
                    setGraphic(null);
                } else {
                    Circle dot = new Circle(5, Severity.valueOf(item) == Severity.ERROR ? Color.web("#dc2626") : Color.web("#f59e0b"));
                    setGraphic(dot);
                }
            }
        });
        TableColumn<Row, String> element = new TableColumn<>("Element");
        element.setPrefWidth(220);
        element.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().element()));
        TableColumn<Row, String> message = new TableColumn<>("Problem");
        message.setPrefWidth(760);
        message.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().message()));
        table.getColumns().add(severity);
        table.getColumns().add(element);
        table.getColumns().add(message);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label("No problems: the case is valid."));
        table.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b != null) {
                onOpen.accept(b);
            }
        });
        table.setOnMouseClicked(e -> {
            Row row = table.getSelectionModel().getSelectedItem();
            if (row != null && e.getClickCount() >= 1) {
                onOpen.accept(row);
            }
        });
        VBox.setVgrow(table, Priority.ALWAYS);
        getChildren().addAll(table);
    }

    public void show(ProblemsViewModel vm) {
        table.getItems().setAll(vm.rows());
    }

    public void setOnOpen(Consumer<Row> handler) {
        onOpen = handler;
    }

    public TableView<Row> table() {
        return table;
    }
}
