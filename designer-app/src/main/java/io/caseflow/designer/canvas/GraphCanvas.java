package io.caseflow.designer.canvas;

import javafx.application.Platform;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Pane;

/**
 * What the designer's and the monitor's canvases share: one {@link Canvas} that fills its holder,
 * the {@link Viewport} and the {@link CanvasRenderer}, and repaints coalesced into one per pulse,
 * however often they are asked (a change of the viewport or a resize asks for one). Subclasses
 * paint in {@link #paint} and place {@link #holder()} where the drawing goes. FX thread only.
 */
public abstract class GraphCanvas extends BorderPane {
    protected final Canvas canvas;
    protected final Viewport viewport = new Viewport();
    protected final CanvasRenderer renderer = new CanvasRenderer();
    private final Pane holder;
    private boolean redrawPending;

    protected GraphCanvas(String canvasId, double width, double height) {
        canvas = new Canvas(width, height);
        canvas.setId(canvasId);
        holder = new Pane(canvas);
        holder.setMinSize(0, 0);
        holder.widthProperty().addListener((o, a, b) -> resized());
        holder.heightProperty().addListener((o, a, b) -> resized());
        viewport.addListener(this::requestRedraw);
    }

    /** The pane the canvas fills; subclasses lay it out (and may put editors on it). */
    protected final Pane holder() {
        return holder;
    }

    private void resized() {
        canvas.setWidth(Math.max(1, holder.getWidth()));
        canvas.setHeight(Math.max(1, holder.getHeight()));
        onResized();
        requestRedraw();
    }

    /** Called when the canvas got a new size, before it is repainted. */
    protected void onResized() {
    }

    /** Repaints once before the next frame, however often it is asked. */
    public final void requestRedraw() {
        if (!redrawPending) {
            redrawPending = true;
            Platform.runLater(this::paintNow);
        }
    }

    /** Paints at once (before a snapshot, or when the picture must be right before a dialog opens). */
    public final void paintNow() {
        redrawPending = false;
        paint(canvas.getGraphicsContext2D(), canvas.getWidth(), canvas.getHeight());
    }

    /** Paints everything on {@code g}, a canvas of {@code width} × {@code height} pixels. */
    protected abstract void paint(GraphicsContext g, double width, double height);

    public final Viewport viewport() {
        return viewport;
    }
}
