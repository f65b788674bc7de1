package io.caseflow.designer.monitor.view;

import io.caseflow.designer.monitor.DataEdit;
import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.geometry.Insets;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TextArea;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * "Retry with changes": the stage to resume at (where it failed, or one it ran before) and the
 * process data, checked as it is typed. The OK button of the dialog around it follows {@link #validProperty()}.
 */
public final class RetryForm extends VBox {
    /** What the operator chose: the stage (null: where it failed) and the data text (null: unchanged). */
    public record Request(String fromStage, String dataText) {
    }

    private final ComboBox<String> stage = new ComboBox<>();
    private final TextArea data = new TextArea();
    private final Label error = new Label();
    private final BooleanProperty valid = new SimpleBooleanProperty(true);
    private final String failedStage;
    private final String originalData;

    public RetryForm(String processId, String failedStage, List<String> stages, String dataJson) {
        this.failedStage = failedStage;
        this.originalData = dataJson;
        getStyleClass().add("retry-form");
        setSpacing(10);
        setPadding(new Insets(10, 14, 4, 14));
        stage.getItems().setAll(stages);
        if (failedStage != null && !stages.contains(failedStage)) {
            stage.getItems().add(failedStage);
        }
        stage.setValue(failedStage);
        stage.setId("retryStage");
        stage.setMaxWidth(Double.MAX_VALUE);
        stage.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : item + (item.equals(failedStage) ? "   (where it failed)" : ""));
            }
        });
        data.setText(dataJson);
        data.setId("retryData");
        data.getStyleClass().add("code");
        data.setPrefRowCount(14);
        data.setPrefColumnCount(60);
        VBox.setVgrow(data, Priority.ALWAYS);
        error.setId("retryDataError");
        error.getStyleClass().add("field-error");
        error.setWrapText(true);
        error.setMaxWidth(600);
        error.setMinHeight(Region.USE_PREF_SIZE);
        data.textProperty().addListener((o, a, b) -> check());

        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(6);
        Label at = new Label("Resume at stage");
        at.getStyleClass().add("field-label");
        grid.addRow(0, at, stage);
        GridPane.setHgrow(stage, Priority.ALWAYS);
        Label dataLabel = new Label("Process data — replaces the data of process " + Styles.shortId(processId)
                + "; the input and the results of earlier stages stay as they are.");
        dataLabel.setWrapText(true);
        dataLabel.setMinHeight(Region.USE_PREF_SIZE);
        dataLabel.getStyleClass().add("field-label");
        getChildren().addAll(grid, dataLabel, data, error);
        check();
    }

    private void check() {
        DataEdit.Result r = DataEdit.parse(data.getText());
        valid.set(r.isValid());
        error.setText(r.isValid() ? "" : r.error());
        data.getStyleClass().remove("invalid");
        if (!r.isValid()) {
            data.getStyleClass().add("invalid");
        }
    }

    public BooleanProperty validProperty() {
        return valid;
    }

    public TextArea dataArea() {
        return data;
    }

    public ComboBox<String> stageBox() {
        return stage;
    }

    public String errorText() {
        return error.getText();
    }

    public Request request() {
        String chosen = stage.getValue();
        String text = data.getText();
        return new Request(chosen == null || chosen.equals(failedStage) ? null : chosen,
                text.strip().equals(originalData == null ? "" : originalData.strip()) ? null : text);
    }
}
