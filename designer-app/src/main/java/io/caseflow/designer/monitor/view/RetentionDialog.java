package io.caseflow.designer.monitor.view;

import io.caseflow.designer.monitor.RetentionViewModel;
import io.caseflow.designer.monitor.RetentionViewModel.Row;
import java.net.URL;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * Monitor ▸ Retention…: each deployed case api with how long its finished processes are kept and why, the
 * sweeper's last run, and a row to set or clear the period of a case or one api of it. Binds to a
 * {@link RetentionViewModel}; nothing else.
 */
public final class RetentionDialog {
    private final RetentionViewModel vm;

    public RetentionDialog(RetentionViewModel vm) {
        this.vm = vm;
    }

    public void show(Window owner) {
        TableView<Row> table = new TableView<>(vm.rows());
        table.setId("retentionTable");
        table.getColumns().add(column("Case", Row::caseName, 140));
        table.getColumns().add(column("API", Row::api, 60));
        table.getColumns().add(column("Keep for", Row::keep, 100));
        table.getColumns().add(column("Set by", Row::from, 130));
        table.getColumns().add(column("Oldest finished kept", Row::oldestKept, 170));
        table.setPrefHeight(200);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY);
        table.setPlaceholder(new Label("No case is deployed."));
        table.getSelectionModel().selectedItemProperty().addListener((o, a, row) -> vm.pick(row));

        Label defaults = muted(vm.defaultTextProperty().getValue());
        defaults.textProperty().bind(vm.defaultTextProperty());
        Label sweeper = muted("");
        sweeper.setId("retentionSweeper");
        sweeper.textProperty().bind(vm.sweeperProperty());

        TextField target = new TextField();
        target.setId("retentionTarget");
        target.setPromptText("orders or orders/v1");
        target.textProperty().bindBidirectional(vm.targetProperty());
        TextField period = new TextField();
        period.setId("retentionPeriod");
        period.setPrefColumnCount(8);
        period.setPromptText("P90D");
        period.textProperty().bindBidirectional(vm.periodProperty());
        Button set = new Button("Set");
        set.setId("retentionSet");
        set.getStyleClass().add("accent");
        set.setOnAction(e -> vm.set());
        Button clear = new Button("Clear");
        clear.setId("retentionClear");
        clear.setOnAction(e -> vm.clear());
        Button refresh = new Button("Refresh");
        refresh.setOnAction(e -> vm.refresh());
        HBox edit = new HBox(8, new Label("Keep finished processes of"), target, new Label("for"), period, set, clear);
        HBox actions = new HBox(8, refresh);
        if (vm.canSweep()) {
            Button sweep = new Button("Sweep Now");
            sweep.setId("retentionSweep");
            sweep.setOnAction(e -> vm.sweepNow());
            actions.getChildren().add(sweep);
        }
        Label explain = muted("Finished means completed or cancelled; failed processes wait for you and are never deleted. A deleted "
                + "process goes with its stage runs, data, dead letters and idempotency key. Periods are ISO-8601: P90D, PT12H, P1Y, "
                + "or forever.");
        Label message = new Label();
        message.setId("retentionMessage");
        message.setWrapText(true);
        message.setMaxWidth(640);
        message.textProperty().bind(vm.messageProperty());

        VBox box = new VBox(10, defaults, table, sweeper, edit, explain, actions, message);
        box.setPadding(new Insets(12, 14, 6, 14));
        box.setPrefWidth(680);
        Dialog<Void> dialog = new Dialog<>();
        if (owner != null) {
            dialog.initOwner(owner);
        }
        dialog.setTitle("Retention");
        dialog.setHeaderText("How long finished processes are kept");
        dialog.getDialogPane().setContent(box);
        dialog.getDialogPane().setId("retentionDialog");
        dialog.getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
        URL css = RetentionDialog.class.getResource("/io/caseflow/designer/designer.css");
        if (css != null) {
            dialog.getDialogPane().getStylesheets().add(css.toExternalForm());
        }
        vm.refresh();
        dialog.show();
    }

    private static Label muted(String text) {
        Label label = new Label(text);
        label.setWrapText(true);
        label.setMaxWidth(640);
        label.setMinHeight(Region.USE_PREF_SIZE);
        label.getStyleClass().add("muted");
        return label;
    }

    private static TableColumn<Row, String> column(String title, Function<Row, String> value, double width) {
        TableColumn<Row, String> column = new TableColumn<>(title);
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        column.setPrefWidth(width);
        return column;
    }
}
