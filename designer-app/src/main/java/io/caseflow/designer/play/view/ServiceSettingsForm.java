package io.caseflow.designer.play.view;

import io.caseflow.designer.play.ServiceBehaviour;
import io.caseflow.designer.play.StageSettingsViewModel;
import javafx.geometry.Pos;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * The reply a simulated service gives a service stage: the outcome (one of the stage's, or any name
 * typed), a JSON payload, a delay, or instead an error with a message.
 */
final class ServiceSettingsForm extends VBox {
    private final StageSettingsViewModel vm;
    private final ComboBox<String> outcome = new ComboBox<>();
    private final TextArea payload = new TextArea();
    private final CheckBox error = new CheckBox("Answer with an error");
    private final TextField errorMessage = new TextField();

    ServiceSettingsForm(StageSettingsViewModel vm) {
        super(6);
        this.vm = vm;
        setId("serviceSettings");
        outcome.setId("replyOutcome");
        outcome.setEditable(true);
        outcome.setItems(vm.outcomes());
        outcome.setMaxWidth(Double.MAX_VALUE);
        outcome.valueProperty().bindBidirectional(vm.replyOutcomeProperty());
        payload.setId("replyPayload");
        payload.setPrefRowCount(4);
        payload.setWrapText(true);
        payload.getStyleClass().add("mono");
        payload.textProperty().bindBidirectional(vm.payloadTextProperty());
        IntegerField delay = new IntegerField("replyDelay", 0, (int) ServiceBehaviour.MAX_DELAY.toMillis(), 50, vm.delayMillisProperty());
        delay.setPrefWidth(110);
        HBox delayRow = new HBox(6, delay, new Label("ms"));
        delayRow.setAlignment(Pos.CENTER_LEFT);
        error.setId("replyError");
        error.selectedProperty().bindBidirectional(vm.replyErrorProperty());
        errorMessage.setId("replyErrorMessage");
        errorMessage.textProperty().bindBidirectional(vm.errorMessageProperty());
        errorMessage.disableProperty().bind(error.selectedProperty().not());
        outcome.disableProperty().bind(error.selectedProperty());
        payload.disableProperty().bind(error.selectedProperty());
        getChildren().addAll(label("Outcome"), outcome, label("Payload (JSON object)"), payload, label("Delay"), delayRow,
                error, errorMessage);
    }

    private static Label label(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("field-label");
        return l;
    }
}
