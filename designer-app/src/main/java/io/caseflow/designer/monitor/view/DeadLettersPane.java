package io.caseflow.designer.monitor.view;

import io.caseflow.designer.monitor.DataEdit;
import io.caseflow.designer.monitor.DeadLetterRow;
import io.caseflow.designer.monitor.DeadLettersViewModel;
import java.util.List;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** What reached the dead-letter queue: when, from which queue, why in plain words, and the message itself. */
public final class DeadLettersPane extends SplitPane {
    private final TableView<DeadLetterRow> table = new TableView<>();
    private final TextArea body = new TextArea();

    public DeadLettersPane(DeadLettersViewModel model) {
        setId("deadLettersPane");
        setOrientation(Orientation.HORIZONTAL);
        table.setId("deadLettersTable");
        table.setItems(model.rows());
        table.setFixedCellSize(25);
        table.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(DeadLetterRow r, boolean empty) {
                super.updateItem(r, empty);
                setTooltip(empty || r == null ? null : new Tooltip(r.explain() + "\n" + r.detail()));
            }
        });
        table.setPlaceholder(new Label("No dead letters: every message was handled."));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        table.getColumns().addAll(List.of(
                column("Dead at", 70, r -> Styles.time(r.deadAt()), null),
                column("State", 80, DeadLetterRow::stateText, null),
                column("Why", 210, DeadLetterRow::explain, "error-text"),
                column("Queue", 230, DeadLetterRow::sourceQueue, "mono"),
                column("Process", 104, r -> r.processId() == null ? "—" : Styles.shortId(r.processId()), "mono"),
                column("Detail", 260, r -> r.detail() == null ? "" : r.detail(), null)));
        body.setEditable(false);
        body.getStyleClass().addAll("code");
        body.setPromptText("Select a dead letter to see the message it carried.");
        body.setWrapText(false);
        table.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> body.setText(b == null ? ""
                : "reason: " + b.reason() + "\nqueue:  " + b.sourceQueue() + (b.processId() == null ? "" : "\nprocess: " + b.processId())
                + "\ndetail: " + b.detail() + "\n\n" + pretty(b.body())));
        Label error = new Label();
        error.getStyleClass().add("error-text");
        error.textProperty().bind(model.errorProperty());
        Button replay = new Button("Replay");
        replay.setId("replayDeadLetters");
        replay.setTooltip(new Tooltip("Send the selected messages back to the queues they died in (each at most once)"));
        replay.setOnAction(e -> model.replay(selectedDead()));
        Button discard = new Button("Discard");
        discard.setId("discardDeadLetters");
        discard.setTooltip(new Tooltip("Mark the selected messages discarded: kept for the record, never replayed"));
        discard.setOnAction(e -> model.discard(selectedDead()));
        Runnable enable = () -> {
            boolean any = model.canSettle() && !selectedDead().isEmpty();
            replay.setDisable(!any);
            discard.setDisable(!any);
            int n = selectedDead().size();
            replay.setText(n > 1 ? "Replay " + n : "Replay");
            discard.setText(n > 1 ? "Discard " + n : "Discard");
        };
        table.getSelectionModel().getSelectedItems().addListener((ListChangeListener<DeadLetterRow>) c -> enable.run());
        model.rows().addListener((ListChangeListener<DeadLetterRow>) c -> enable.run());
        enable.run();
        HBox buttons = new HBox(6, replay, discard);
        VBox right = new VBox(4, buttons, body, error);
        right.setPadding(new Insets(0));
        VBox.setVgrow(body, Priority.ALWAYS);
        getItems().addAll(table, right);
        setDividerPositions(0.74);
    }

    /** The ids of the selected dead letters not replayed or discarded yet. */
    private List<Long> selectedDead() {
        return table.getSelectionModel().getSelectedItems().stream().filter(r -> r != null && r.isDead()).map(DeadLetterRow::id).toList();
    }

    /** The message body, indented when it is JSON. */
    static String pretty(String body) {
        if (body == null) {
            return "";
        }
        DataEdit.Result parsed = DataEdit.parse(body);
        return parsed.isValid() ? DataEdit.pretty(parsed.data()) : body;
    }

    private static TableColumn<DeadLetterRow, DeadLetterRow> column(String title, double width, Function<DeadLetterRow, String> text,
                                                                 String style) {
        TableColumn<DeadLetterRow, DeadLetterRow> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setMinWidth(Math.min(width, 70));
        c.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(cd.getValue()));
        c.setCellFactory(col -> new TableCell<>() {
            {
                if (style != null) {
                    getStyleClass().add(style);
                }
            }

            @Override
            protected void updateItem(DeadLetterRow r, boolean empty) {
                super.updateItem(r, empty);
                setText(empty || r == null ? null : text.apply(r));
            }
        });
        c.setSortable(false);
        return c;
    }

    public TableView<DeadLetterRow> table() {
        return table;
    }
}
