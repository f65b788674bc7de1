package io.caseflow.designer.monitor.view;

import io.caseflow.designer.monitor.MigrationViewModel;
import io.caseflow.process.MigrationOutcome;
import java.net.URL;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * Monitor ▸ Migrate Processes…: source and target version of the monitored case, where each stage of
 * the source goes in the target, how many processes would move (Preview), then Move.
 */
public final class MigrationDialog {
    private static final String NOWHERE = "(unmapped)";

    private final MigrationViewModel vm;
    private final ComboBox<Integer> from = new ComboBox<>();
    private final ComboBox<Integer> to = new ComboBox<>();
    private final GridPane mapping = new GridPane();
    private final Map<String, ComboBox<String>> targets = new LinkedHashMap<>();

    public MigrationDialog(MigrationViewModel vm) {
        this.vm = vm;
    }

    public void show(Window owner) {
        List<Integer> versions = vm.versions();
        from.getItems().setAll(versions);
        to.getItems().setAll(versions);
        from.setId("migrateFrom");
        to.setId("migrateTo");
        if (versions.size() >= 2) {
            from.setValue(versions.get(versions.size() - 2));
            to.setValue(versions.get(versions.size() - 1));
        }
        from.valueProperty().addListener((o, a, b) -> rebuildMapping());
        to.valueProperty().addListener((o, a, b) -> rebuildMapping());
        mapping.setHgap(10);
        mapping.setVgap(6);
        mapping.setId("migrationMapping");
        rebuildMapping();
        Button preview = new Button("Preview");
        preview.setId("migratePreview");
        preview.setOnAction(e -> vm.preview(from.getValue(), to.getValue(), chosenMapping()));
        Button move = new Button("Move Processes");
        move.setId("migrateMove");
        move.getStyleClass().add("accent");
        move.setDisable(true);
        vm.previewProperty().addListener((o, a, report) -> {
            long n = report == null ? 0 : report.count(MigrationOutcome.Status.WOULD_MOVE);
            move.setText(report == null ? "Move Processes" : "Move " + n + (n == 1 ? " Process" : " Processes"));
            move.setDisable(n == 0);
        });
        move.setOnAction(e -> vm.move(from.getValue(), to.getValue(), chosenMapping()));
        Label message = new Label();
        message.setId("migrationMessage");
        message.setWrapText(true);
        message.setMaxWidth(590);
        message.textProperty().bind(vm.messageProperty());
        HBox versionsRow = new HBox(8, new Label("Move processes of " + vm.key() + " from"), from, new Label("to"), to);
        Label explain = new Label("Waiting and failed processes move; a process waiting for a service keeps waiting for the same "
                + "reply and needs a service stage to land on. Running ones, and ones whose stage has no place, are left as they are.");
        explain.setWrapText(true);
        explain.setMaxWidth(590);
        explain.setMinHeight(Region.USE_PREF_SIZE);
        explain.getStyleClass().add("muted");
        ScrollPane scroll = new ScrollPane(mapping);
        scroll.setFitToWidth(true);
        scroll.setPrefViewportHeight(220);
        VBox box = new VBox(10, versionsRow, explain, new Label("Where each stage goes:"), scroll, new HBox(8, preview, move), message);
        box.setPadding(new Insets(12, 14, 6, 14));
        box.setPrefWidth(620);
        Dialog<Void> dialog = new Dialog<>();
        if (owner != null) {
            dialog.initOwner(owner);
        }
        dialog.setTitle("Migrate processes");
        dialog.setHeaderText("Migrate processes of " + vm.key() + " to a newer version");
        dialog.getDialogPane().setContent(box);
        dialog.getDialogPane().setId("migrationDialog");
        dialog.getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
        URL css = MigrationDialog.class.getResource("/io/caseflow/designer/designer.css");
        if (css != null) {
            dialog.getDialogPane().getStylesheets().add(css.toExternalForm());
        }
        dialog.show();
    }

    private void rebuildMapping() {
        vm.clearPreview();
        mapping.getChildren().clear();
        targets.clear();
        if (from.getValue() == null || to.getValue() == null) {
            return;
        }
        List<String> choices = new ArrayList<>(vm.stagesOf(to.getValue()));
        choices.add(NOWHERE);
        int row = 0;
        for (Map.Entry<String, Optional<String>> entry : vm.defaultMapping(from.getValue(), to.getValue()).entrySet()) {
            ComboBox<String> target = new ComboBox<>();
            target.getItems().setAll(choices);
            target.setValue(entry.getValue().orElse(NOWHERE));
            target.setId("map-" + entry.getKey());
            target.valueProperty().addListener((o, a, b) -> vm.clearPreview());
            targets.put(entry.getKey(), target);
            mapping.addRow(row++, new Label("v" + from.getValue() + " " + entry.getKey()), new Label("→"), target);
        }
    }

    private Map<String, String> chosenMapping() {
        Map<String, String> chosen = new LinkedHashMap<>();
        targets.forEach((stage, box) -> {
            if (box.getValue() != null && !NOWHERE.equals(box.getValue())) {
                chosen.put(stage, box.getValue());
            }
        });
        return chosen;
    }
}
