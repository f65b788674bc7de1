package io.caseflow.designer.app.deploy;

import io.caseflow.designer.deploy.ConnectionProfile;
import java.net.URI;
import java.net.URL;
import java.util.Optional;
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
 * Asks for a connection to a shared runtime: a name, the server's URL, the token to deploy with (the
 * server's API token), and optionally the RabbitMQ URI its live events come from. Says what is
 * wrong with an entry as it is typed, and only then lets the user save.
 */
public final class ConnectionDialog {
    private ConnectionDialog() {
    }

    public static Optional<ConnectionProfile> ask(Window owner, ConnectionProfile existing) {
        TextField name = field("connectionName", existing == null ? "shared" : existing.name(), "e.g. staging");
        TextField server = field("connectionServer", existing == null ? "http://localhost:8080" : existing.url().toString(),
                "https://caseflow.example.com");
        PasswordField token = new PasswordField();
        token.setId("connectionToken");
        token.setText(existing == null || existing.token() == null ? "" : existing.token());
        token.setPromptText("the server's API token (CASEFLOW_API_TOKEN)");
        TextField broker = field("connectionBroker", existing == null || existing.brokerUri() == null ? ""
                : existing.brokerUri().toString(), "optional: amqp://monitor:secret@rabbit:5672 for live events");
        Label error = new Label();
        error.setId("connectionError");
        error.getStyleClass().add("field-error");
        error.setWrapText(true);
        Label note = new Label("The token is kept apart from the profile, in a file only you can read.");
        note.getStyleClass().add("muted");
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(8);
        grid.setPadding(new Insets(12, 14, 6, 14));
        grid.addRow(0, new Label("Name"), name);
        grid.addRow(1, new Label("Server (HTTP API)"), server);
        grid.addRow(2, new Label("API token"), token);
        grid.addRow(3, new Label("RabbitMQ URI"), broker);
        grid.add(note, 0, 4, 2, 1);
        grid.add(error, 0, 5, 2, 1);
        GridPane.setHgrow(server, Priority.ALWAYS);
        server.setPrefColumnCount(34);
        ButtonType save = new ButtonType("Save", ButtonBar.ButtonData.OK_DONE);
        Dialog<ConnectionProfile> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle(existing == null ? "Connect to a shared runtime" : "Edit connection " + existing.name());
        dialog.setHeaderText("Deploy to and watch a caseflow server");
        dialog.getDialogPane().setContent(grid);
        dialog.getDialogPane().setId("connectionDialog");
        dialog.getDialogPane().getButtonTypes().addAll(save, ButtonType.CANCEL);
        URL css = ConnectionDialog.class.getResource("/io/caseflow/designer/designer.css");
        if (css != null) {
            dialog.getDialogPane().getStylesheets().add(css.toExternalForm());
        }
        Runnable check = () -> {
            String problem = problem(name.getText(), server.getText(), token.getText(), broker.getText());
            error.setText(problem == null ? "" : problem);
            dialog.getDialogPane().lookupButton(save).setDisable(problem != null);
        };
        for (TextField f : new TextField[] {name, server, token, broker}) {
            f.textProperty().addListener((o, a, b) -> check.run());
        }
        check.run();
        dialog.setResultConverter(b -> b == save ? profile(name.getText(), server.getText(), token.getText(), broker.getText()) : null);
        return dialog.showAndWait();
    }

    /** What is wrong with the entries, in one sentence, or null. */
    public static String problem(String name, String server, String token, String broker) {
        if (token == null || token.isBlank()) {
            return "The API token is needed to deploy (the read-only token can only watch).";
        }
        try {
            profile(name, server, token, broker);
            return null;
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    static ConnectionProfile profile(String name, String server, String token, String broker) {
        String url = server == null ? "" : server.trim();
        String amqp = broker == null ? "" : broker.trim();
        try {
            return new ConnectionProfile(name == null ? "" : name.trim(), URI.create(url), token == null ? null : token.trim(),
                    amqp.isEmpty() ? null : URI.create(amqp));
        } catch (IllegalArgumentException e) {
            String message = e.getMessage();
            throw new IllegalArgumentException(message != null && message.startsWith("profile") || message != null
                    && message.startsWith("a connection") ? message : "Not a valid URL: " + message, e);
        }
    }

    private static TextField field(String id, String text, String prompt) {
        TextField field = new TextField(text);
        field.setId(id);
        field.setPromptText(prompt);
        return field;
    }
}
