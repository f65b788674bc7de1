package io.caseflow.designer.canvas;

import io.caseflow.definition.CaseDefinition;
import io.caseflow.designer.editor.StageNavigator;
import java.util.function.BiConsumer;
import javafx.application.Platform;
import javafx.scene.AccessibleRole;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.VBox;

/**
 * The keyboard's "connect": a small type-ahead over the case's stage names, shown beside the stage
 * to connect from. Typing filters the list (names starting with the text first), Up and Down choose,
 * Enter connects, Escape (or leaving the field) cancels. What a connection means is the caller's
 * {@code onConnect}; the picker only chooses a name.
 */
final class ConnectPicker extends VBox {
    private static final double WIDTH = 220;
    private final Label title = new Label();
    private final TextField field = new TextField();
    private final ListView<String> list = new ListView<>();
    private final BiConsumer<String, String> onConnect;
    private final Runnable onClose;
    private CaseDefinition definition;
    private String from;

    /**
     * @param onConnect what Enter does: connect the first name (the stage connected from) to the second
     * @param onClose   after the picker closed, connected or not (the canvas takes the focus back)
     */
    ConnectPicker(BiConsumer<String, String> onConnect, Runnable onClose) {
        this.onConnect = onConnect;
        this.onClose = onClose;
        setId("connectPicker");
        getStyleClass().add("connect-picker");
        setStyle("-fx-background-color: -fx-background; -fx-border-color: -fx-box-border; -fx-padding: 4; -fx-spacing: 4;");
        field.setId("connectField");
        list.setId("connectList");
        list.setFocusTraversable(false);
        list.setPrefHeight(150);
        list.setAccessibleRoleDescription("stages to connect to");
        field.setAccessibleRole(AccessibleRole.TEXT_FIELD);
        getChildren().addAll(title, field, list);
        setVisible(false);
        setManaged(false);
        field.textProperty().addListener((o, a, b) -> filter());
        field.addEventFilter(KeyEvent.KEY_PRESSED, this::key);
        field.focusedProperty().addListener((o, was, is) -> {
            if (!is) {
                Platform.runLater(() -> {
                    if (isVisible() && !field.isFocused() && !list.isFocused()) {
                        close();
                    }
                });
            }
        });
        list.setOnMouseClicked(e -> {
            if (e.getClickCount() >= 1 && list.getSelectionModel().getSelectedItem() != null) {
                choose();
            }
        });
    }

    /** Opens the picker for connecting {@code source} of {@code d}, its top left at ({@code x}, {@code y}) on the canvas. */
    void open(CaseDefinition d, String source, double x, double y) {
        definition = d;
        from = source;
        title.setText("Connect '" + source + "' to:");
        field.setAccessibleText("Connect '" + source + "' to: type a stage name, Enter connects, Escape cancels");
        field.setText("");
        filter();
        resizeRelocate(x, y, WIDTH, prefHeight(WIDTH));
        setVisible(true);
        toFront();
        field.requestFocus();
    }

    boolean isOpen() {
        return isVisible();
    }

    private void filter() {
        if (definition == null) {
            return;
        }
        list.getItems().setAll(StageNavigator.matching(definition, field.getText(), from));
        if (!list.getItems().isEmpty()) {
            list.getSelectionModel().select(0);
            list.scrollTo(0);
        }
    }

    private void key(KeyEvent e) {
        switch (e.getCode()) {
            case DOWN, UP -> {
                int size = list.getItems().size();
                if (size > 0) {
                    int at = list.getSelectionModel().getSelectedIndex() + (e.getCode() == KeyCode.DOWN ? 1 : -1);
                    int to = Math.floorMod(at, size);
                    list.getSelectionModel().select(to);
                    list.scrollTo(to);
                }
                e.consume();
            }
            case ENTER -> {
                choose();
                e.consume();
            }
            case ESCAPE -> {
                close();
                e.consume();
            }
            default -> { }
        }
    }

    private void choose() {
        String to = list.getSelectionModel().getSelectedItem();
        String source = from;
        if (to == null) {
            return;
        }
        close();
        onConnect.accept(source, to);
    }

    private void close() {
        if (isVisible()) {
            setVisible(false);
            definition = null;
            onClose.run();
        }
    }
}
