package io.caseflow.designer.app;

import java.net.URI;
import java.util.Optional;
import java.util.prefs.Preferences;
import javafx.geometry.Insets;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.stage.Window;

/**
 * Asks where a remote runtime is: its HTTP API, the read-only token (for watching), the API token
 * (optional: for retry and cancel) and the RabbitMQ URI with the monitor's own credentials (optional:
 * for live events). The server and broker addresses are remembered; tokens are not.
 */
final class RemoteMonitorDialog {
    /** What the user entered. */
    record Settings(URI server, String readToken, String apiToken, String broker) {
    }

    private RemoteMonitorDialog() {
    }

    static Optional<Settings> ask(Window owner, Preferences prefs) {
        TextField server = new TextField(prefs.get("remoteServer", "http://localhost:8080"));
        PasswordField read = new PasswordField();
        PasswordField admin = new PasswordField();
        TextField broker = new TextField(prefs.get("remoteBroker", ""));
        server.setPromptText("https://caseflow.example.com");
        read.setPromptText("the read-only token");
        admin.setPromptText("optional: the API token, to retry and cancel");
        broker.setPromptText("optional: amqp://monitor:secret@rabbit:5672 for live events");
        Label error = new Label();
        error.getStyleClass().add("field-error");
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(8);
        grid.setPadding(new Insets(12, 14, 6, 14));
        grid.addRow(0, new Label("Server (HTTP API)"), server);
        grid.addRow(1, new Label("Read-only token"), read);
        grid.addRow(2, new Label("API token"), admin);
        grid.addRow(3, new Label("RabbitMQ URI"), broker);
        grid.add(error, 0, 4, 2, 1);
        GridPane.setHgrow(server, Priority.ALWAYS);
        server.setPrefColumnCount(34);
        ButtonType connect = new ButtonType("Connect", ButtonBar.ButtonData.OK_DONE);
        Dialog<Settings> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle("Monitor a remote runtime");
        dialog.setHeaderText("Monitor a runtime over its HTTP API and events exchange");
        dialog.getDialogPane().setContent(grid);
        dialog.getDialogPane().getButtonTypes().addAll(connect, ButtonType.CANCEL);
        var css = RemoteMonitorDialog.class.getResource("/io/caseflow/designer/designer.css");
        if (css != null) {
            dialog.getDialogPane().getStylesheets().add(css.toExternalForm());
        }
        Runnable check = () -> {
            String problem = problem(server.getText(), read.getText());
            error.setText(problem == null ? "" : problem);
            dialog.getDialogPane().lookupButton(connect).setDisable(problem != null);
        };
        server.textProperty().addListener((o, a, b) -> check.run());
        read.textProperty().addListener((o, a, b) -> check.run());
        check.run();
        dialog.setResultConverter(b -> b == connect
                ? new Settings(URI.create(server.getText().trim()), read.getText().trim(), admin.getText().trim(), broker.getText().trim())
                : null);
        Optional<Settings> result = dialog.showAndWait();
        result.ifPresent(s -> {
            prefs.put("remoteServer", s.server().toString());
            prefs.put("remoteBroker", s.broker());
        });
        return result;
    }

    /** What is wrong with the entries, or null. */
    static String problem(String server, String readToken) {
        String s = server == null ? "" : server.trim();
        if (!(s.startsWith("http://") || s.startsWith("https://"))) {
            return "The server URL must start with http:// or https://";
        }
        try {
            URI.create(s);
        } catch (IllegalArgumentException e) {
            return "The server URL is not valid: " + e.getMessage();
        }
        if (readToken == null || readToken.isBlank()) {
            return "The read-only token is needed to read processes";
        }
        return null;
    }
}
