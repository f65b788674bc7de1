package io.caseflow.designer.canvas;

import io.caseflow.definition.StageKind;
import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.Dragboard;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** The stage kinds to add: click one to add it in the middle of the view, or drag it onto the canvas. */
public final class Palette extends VBox {
    private Consumer<StageKind> onAdd = k -> { };

    public Palette() {
        getStyleClass().add("palette");
        setId("palette");
        Label title = new Label("Stages");
        title.getStyleClass().add("pane-title");
        getChildren().add(title);
        getChildren().add(item(StageKind.TASK, "Task", "Runs a handler, then next()"));
        getChildren().add(item(StageKind.SERVICE, "Service call", "Sends a command, waits for the reply"));
        getChildren().add(item(StageKind.END, "End", "Finishes the process"));
        Region spacer = new Region();
        VBox.setVgrow(spacer, Priority.ALWAYS);
        Label hints = new Label("""
                Drag a stage from its right-hand port (or its border) to another stage to connect them.
                Drag empty space to pan; Shift+drag to select an area.
                Double-click to rename; wheel to zoom.""");
        hints.setWrapText(true);
        hints.getStyleClass().add("palette-hints");
        getChildren().addAll(spacer, hints);
        setPadding(new Insets(0, 0, 10, 0));
    }

    public void setOnAdd(Consumer<StageKind> handler) {
        this.onAdd = handler;
    }

    private HBox item(StageKind kind, String title, String description) {
        Label name = new Label(title);
        name.getStyleClass().add("palette-title");
        Label text = new Label(description);
        text.getStyleClass().add("palette-text");
        text.setWrapText(true);
        VBox labels = new VBox(1, name, text);
        HBox box = new HBox(10, StageKindIcon.node(kind, 28), labels);
        box.setAlignment(Pos.CENTER_LEFT);
        box.getStyleClass().add("palette-item");
        box.setId("palette-" + kind.jsonName());
        HBox.setHgrow(labels, Priority.ALWAYS);
        Tooltip.install(box, new Tooltip("Click to add a " + title.toLowerCase() + " stage, or drag it onto the canvas"));
        box.setOnMouseClicked(e -> {
            if (e.isStillSincePress()) {
                onAdd.accept(kind);
            }
        });
        box.setOnDragDetected(e -> {
            Dragboard board = box.startDragAndDrop(TransferMode.COPY);
            ClipboardContent content = new ClipboardContent();
            content.put(CaseCanvas.STAGE_KIND, kind.jsonName());
            board.setContent(content);
            board.setDragView(box.snapshot(null, null));
            e.consume();
        });
        return box;
    }
}
