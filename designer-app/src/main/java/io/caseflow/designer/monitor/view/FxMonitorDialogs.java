package io.caseflow.designer.monitor.view;

import io.caseflow.designer.monitor.DataEdit;
import java.util.Optional;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextInputDialog;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/** The monitor's dialogs in the running app. */
public final class FxMonitorDialogs implements MonitorDialogs {
    private final Window owner;

    public FxMonitorDialogs(Window owner) {
        this.owner = owner;
    }

    @Override
    public boolean confirm(String title, String header, String text, String okLabel) {
        ButtonType ok = new ButtonType(okLabel, ButtonBar.ButtonData.OK_DONE);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, "", ok, ButtonType.CANCEL);
        alert.initOwner(owner);
        alert.setTitle(title);
        alert.setHeaderText(header);
        Label body = new Label(text);
        body.setWrapText(true);
        body.setPrefWidth(460);
        body.setMinHeight(Region.USE_PREF_SIZE);
        alert.getDialogPane().setContent(body);
        alert.getDialogPane().setPrefWidth(520);
        style(alert);
        return alert.showAndWait().filter(ok::equals).isPresent();
    }

    @Override
    public Optional<RetryForm.Request> retryWithChanges(String title, RetryForm form) {
        Dialog<RetryForm.Request> dialog = dialog(title, form);
        return dialog.showAndWait();
    }

    /** The retry dialog, not shown yet (the screenshot test shows it without waiting). */
    public Dialog<RetryForm.Request> dialog(String title, RetryForm form) {
        ButtonType retry = new ButtonType("Retry", ButtonBar.ButtonData.OK_DONE);
        Dialog<RetryForm.Request> dialog = new Dialog<>();
        if (owner != null) {
            dialog.initOwner(owner);
        }
        dialog.setTitle(title);
        dialog.setHeaderText(title);
        dialog.getDialogPane().setContent(form);
        dialog.getDialogPane().getButtonTypes().addAll(retry, ButtonType.CANCEL);
        dialog.getDialogPane().lookupButton(retry).disableProperty().bind(form.validProperty().not());
        dialog.getDialogPane().setPrefWidth(640);
        dialog.setResizable(true);
        dialog.setResultConverter(b -> b == retry ? form.request() : null);
        style(dialog);
        return dialog;
    }

    @Override
    public Optional<Integer> askCount(String title, int suggested) {
        TextInputDialog d = new TextInputDialog(String.valueOf(suggested));
        d.initOwner(owner);
        d.setTitle(title);
        d.setHeaderText(title);
        d.setContentText("How many processes (1 to 10,000):");
        style(d);
        return d.showAndWait().map(String::trim).flatMap(s -> {
            try {
                int n = Integer.parseInt(s.replace(",", ""));
                return n >= 1 && n <= 10_000 ? Optional.of(n) : Optional.empty();
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        });
    }

    @Override
    public Optional<String> askInput(String title, String suggested) {
        TextArea input = new TextArea(suggested);
        input.setId("startInput");
        input.getStyleClass().add("code");
        input.setPrefRowCount(8);
        Label problem = new Label();
        problem.getStyleClass().add("field-error");
        VBox box = new VBox(8, new Label("The process's input, a JSON object:"), input, problem);
        ButtonType start = new ButtonType("Start", ButtonBar.ButtonData.OK_DONE);
        Dialog<String> dialog = new Dialog<>();
        if (owner != null) {
            dialog.initOwner(owner);
        }
        dialog.setTitle(title);
        dialog.setHeaderText(title);
        dialog.getDialogPane().setContent(box);
        dialog.getDialogPane().getButtonTypes().addAll(start, ButtonType.CANCEL);
        dialog.getDialogPane().setPrefWidth(520);
        Runnable check = () -> {
            DataEdit.Result parsed = DataEdit.parse(input.getText().isBlank() ? "{}" : input.getText());
            problem.setText(parsed.isValid() ? "" : parsed.error());
            dialog.getDialogPane().lookupButton(start).setDisable(!parsed.isValid());
        };
        input.textProperty().addListener((o, a, b) -> check.run());
        check.run();
        dialog.setResultConverter(b -> b == start ? input.getText() : null);
        style(dialog);
        return dialog.showAndWait();
    }

    @Override
    public void error(String title, String message) {
        Alert alert = new Alert(Alert.AlertType.ERROR, message, ButtonType.OK);
        alert.initOwner(owner);
        alert.setTitle(title);
        alert.setHeaderText(title);
        style(alert);
        alert.showAndWait();
    }

    private static void style(Dialog<?> d) {
        var css = FxMonitorDialogs.class.getResource("/io/caseflow/designer/designer.css");
        if (css != null) {
            d.getDialogPane().getStylesheets().add(css.toExternalForm());
        }
    }
}
