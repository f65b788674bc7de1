package io.caseflow.designer.monitor.view;

import io.caseflow.designer.monitor.ConnectionState;
import java.util.Locale;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.OverrunStyle;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.shape.Circle;

/**
 * The connection, always in sight: a coloured dot and a few words ("Live · embedded runtime",
 * "Reconnecting (attempt 3): …", "Connection lost: …") and, when lost, a button to try again.
 */
public final class ConnectionBadge extends HBox {
    private final Circle dot = new Circle(4.5);
    private final Label text = new Label();
    private final Button retry = new Button("Reconnect");
    private final String sourceName;

    public ConnectionBadge(ObservableValue<ConnectionState> state, String sourceName, Runnable reconnect) {
        this.sourceName = sourceName;
        getStyleClass().add("connection-badge");
        setId("connectionBadge");
        setAlignment(Pos.CENTER_LEFT);
        setSpacing(6);
        text.getStyleClass().add("connection-text");
        text.setMaxWidth(380);
        text.setTextOverrun(OverrunStyle.ELLIPSIS);
        setMinWidth(USE_PREF_SIZE);
        setMaxWidth(USE_PREF_SIZE);
        retry.getStyleClass().add("link-button");
        retry.setOnAction(e -> reconnect.run());
        retry.setId("reconnectButton");
        getChildren().addAll(dot, text, retry);
        state.addListener((o, a, b) -> show(b));
        show(state.getValue());
    }

    private void show(ConnectionState s) {
        getStyleClass().removeAll("connected", "reconnecting", "lost", "connecting");
        if (s == null) {
            text.setText("Not connected");
            return;
        }
        getStyleClass().add(s.kind().name().toLowerCase(Locale.ROOT));
        text.setText(switch (s.kind()) {
            case CONNECTED -> "Live · " + sourceName;
            case CONNECTING -> "Connecting to " + sourceName + "…";
            case RECONNECTING, LOST -> s.describe();
        });
        boolean lost = s.kind() == ConnectionState.Kind.LOST;
        retry.setVisible(lost);
        retry.setManaged(lost);
        Tooltip.install(this, new Tooltip(sourceName + ": " + s.describe() + " (since " + Styles.time(s.since()) + ")"));
    }

    public String text() {
        return text.getText();
    }
}
