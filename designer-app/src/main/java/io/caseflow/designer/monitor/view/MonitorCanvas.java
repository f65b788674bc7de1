package io.caseflow.designer.monitor.view;

import io.caseflow.definition.CaseDefinition;
import io.caseflow.definition.StageDefinition;
import io.caseflow.designer.canvas.CanvasGestures;
import io.caseflow.designer.canvas.CanvasRenderer;
import io.caseflow.designer.canvas.Decorations;
import io.caseflow.designer.canvas.GraphCanvas;
import io.caseflow.designer.canvas.Theme;
import io.caseflow.designer.canvas.Viewport;
import io.caseflow.designer.editor.HitTester;
import io.caseflow.designer.editor.NodeGeometry;
import io.caseflow.designer.editor.Rect;
import io.caseflow.designer.editor.Selection;
import io.caseflow.designer.monitor.ProcessPath;
import io.caseflow.designer.monitor.StageLoad;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import javafx.scene.Cursor;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import javafx.util.Duration;

/**
 * The monitor's graph: the deployed definition drawn exactly as the designer draws it (same
 * renderer, skins and viewport), read-only, with live counts on each stage (running, waiting for a
 * service, failed; completed and cancelled where processes ended) and, for a selected process, the
 * path it took: the rest of the case fades, the stages it ran are numbered in order, the
 * transitions it took are drawn bold and the stage it stands at is ringed in its status colour.
 *
 * <p>Drag pans, the wheel zooms, a double click on empty space fits the case; a click on a stage
 * (any button) is reported to {@link #setOnStageClicked}. A thin view: it paints what it is given,
 * once per change, coalesced. FX thread only.
 */
public final class MonitorCanvas extends GraphCanvas {
    private static final Color FADE = Color.color(0.965, 0.969, 0.976, 0.72);
    private static final CaseDefinition NONE = CaseDefinition.builder("none", "v1").build();

    /** A click on a stage: which one, which button, where on the screen (for a context menu). */
    public record StageClick(String stage, MouseButton button, double screenX, double screenY, int clickCount) {
    }

    private final MonitorMarksPainter marks = new MonitorMarksPainter(renderer);
    private final Selection selection = new Selection();
    private final Label empty = new Label();
    private final Tooltip tooltip = new Tooltip();
    private CaseDefinition definition;
    private HitTester tester;
    private Map<String, StageLoad> loads = Map.of();
    private ProcessPath path;
    private String hover;
    private boolean fitPending;
    private double pressX;
    private double pressY;
    private double lastX;
    private double lastY;
    private boolean dragged;
    private Consumer<StageClick> onStageClicked = c -> { };
    private Runnable onEmptyClicked = () -> { };

    public MonitorCanvas() {
        super("monitorCanvas", 800, 400);
        getStyleClass().add("monitor-canvas");
        empty.getStyleClass().add("canvas-empty");
        empty.setText("No case is deployed yet: deploy one from the Design tab.");
        empty.setVisible(false);
        setCenter(new StackPane(holder(), empty));
        tooltip.setShowDelay(Duration.millis(250));
        Tooltip.install(canvas, tooltip);
        tooltip.setOnShowing(e -> tooltip.setText(tooltipText()));
        wireMouse();
    }

    private void wireMouse() {
        canvas.setOnMousePressed(e -> {
            pressX = lastX = e.getX();
            pressY = lastY = e.getY();
            dragged = false;
        });
        canvas.setOnMouseDragged(e -> {
            if (!dragged && Math.hypot(e.getX() - pressX, e.getY() - pressY) < CanvasGestures.DRAG_THRESHOLD) {
                return;
            }
            dragged = true;
            canvas.setCursor(Cursor.CLOSED_HAND);
            viewport.panBy(e.getX() - lastX, e.getY() - lastY);
            lastX = e.getX();
            lastY = e.getY();
        });
        canvas.setOnMouseReleased(e -> {
            canvas.setCursor(stageAt(e.getX(), e.getY()) != null ? Cursor.HAND : Cursor.DEFAULT);
            if (dragged) {
                return;
            }
            String stage = stageAt(e.getX(), e.getY());
            if (stage != null) {
                onStageClicked.accept(new StageClick(stage, e.getButton(), e.getScreenX(), e.getScreenY(), e.getClickCount()));
            } else if (e.getClickCount() >= 2) {
                fitToWindow();
            } else if (e.getButton() == MouseButton.PRIMARY) {
                onEmptyClicked.run();
            }
        });
        canvas.setOnMouseMoved(e -> {
            String stage = stageAt(e.getX(), e.getY());
            canvas.setCursor(stage != null ? Cursor.HAND : Cursor.DEFAULT);
            if (!Objects.equals(stage, hover)) {
                hover = stage;
                tooltip.setText(tooltipText());
                requestRedraw();
            }
        });
        canvas.setOnMouseExited(e -> {
            if (hover != null) {
                hover = null;
                requestRedraw();
            }
        });
        canvas.setOnScroll(e -> {
            if (e.getDeltaY() != 0) {
                viewport.zoomAt(e.getDeltaY() > 0 ? Viewport.STEP : 1 / Viewport.STEP, e.getX(), e.getY());
            }
            e.consume();
        });
    }

    private String stageAt(double x, double y) {
        if (tester == null) {
            return null;
        }
        return tester.stageAt(viewport.toModel(x, y), 2 / viewport.scale()).orElse(null);
    }

    private String tooltipText() {
        if (hover == null) {
            return "Drag to pan, wheel to zoom, double-click to fit. Click a stage to list its processes.";
        }
        StringBuilder b = new StringBuilder(hover).append(": ").append(loads.getOrDefault(hover, StageLoad.NONE).describe());
        if (path != null && path.visited(hover)) {
            int attempts = path.attempts().getOrDefault(hover, 0);
            b.append("\nThe selected process ran it").append(attempts > 1 ? " " + attempts + " times" : "")
                    .append(hover.equals(path.current()) ? " and stands here (" + path.status().name().toLowerCase() + ")" : "");
        }
        b.append("\nClick to list its processes; right-click for actions.");
        return b.toString();
    }

    // ------------------------------------------------------------------ what to show

    /** The case to draw (null: none deployed); the view fits it when the case or its layout changes. */
    public void setDefinition(CaseDefinition value) {
        if (Objects.equals(value, definition)) {
            return;
        }
        boolean sameCase = definition != null && value != null && definition.key().equals(value.key())
                && NodeGeometry.bounds(definition).equals(NodeGeometry.bounds(value));
        definition = value;
        tester = value == null ? null : HitTester.of(value);
        empty.setVisible(value == null);
        selection.prune(value == null ? NONE : value);
        if (!sameCase) {
            fitPending = true;
        }
        requestRedraw();
    }

    public CaseDefinition definition() {
        return definition;
    }

    public void setLoads(Map<String, StageLoad> value) {
        loads = value == null ? Map.of() : value;
        requestRedraw();
    }

    /** The path of the selected process, or null. */
    public void setPath(ProcessPath value) {
        if (!Objects.equals(value, path)) {
            path = value;
            requestRedraw();
        }
    }

    public ProcessPath path() {
        return path;
    }

    /** Marks one stage as chosen (the table lists its processes); null clears it. */
    public void setChosenStage(String stage) {
        if (stage == null) {
            selection.clear();
        } else {
            selection.selectStage(stage);
        }
        requestRedraw();
    }

    public void setOnStageClicked(Consumer<StageClick> handler) {
        onStageClicked = handler;
    }

    public void setOnEmptyClicked(Runnable handler) {
        onEmptyClicked = handler;
    }

    public void setEmptyText(String text) {
        empty.setText(text);
    }

    public void fitToWindow() {
        if (definition == null || canvas.getWidth() < 10 || canvas.getHeight() < 10) {
            fitPending = true;
            return;
        }
        fitPending = false;
        NodeGeometry.bounds(definition).ifPresent(b ->
                viewport.fit(new Rect(b.x() - 44, b.y() - 26, b.width() + 64, b.height() + 44), canvas.getWidth(), canvas.getHeight(), 16));
        if (viewport.scale() > 1.25) {
            viewport.zoomTo(1.25, canvas.getWidth(), canvas.getHeight());
        }
    }

    @Override
    protected void onResized() {
        if (fitPending) {
            fitToWindow();
        }
    }

    // ------------------------------------------------------------------ painting

    @Override
    protected void paint(GraphicsContext g, double w, double h) {
        if (fitPending) {
            fitToWindow();
        }
        if (definition == null) {
            g.setTransform(1, 0, 0, 1, 0, 0);
            g.setFill(Theme.BACKGROUND);
            g.fillRect(0, 0, w, h);
            return;
        }
        renderer.render(g, w, h, new CanvasRenderer.Frame(definition, selection, viewport, Decorations.NONE,
                CanvasGestures.Overlay.NONE, hover, true));
        double scale = viewport.scale();
        double px = 1 / scale;
        if (path != null) {
            // The rest of the case fades behind the path.
            g.setTransform(1, 0, 0, 1, 0, 0);
            g.setFill(FADE);
            g.fillRect(0, 0, w, h);
            g.setTransform(scale, 0, 0, scale, viewport.translateX(), viewport.translateY());
            Map<String, StageDefinition> byName = new HashMap<>();
            definition.stages().forEach(s -> byName.putIfAbsent(s.name(), s));
            marks.drawPath(g, definition, path, byName, px, scale);
        } else {
            g.setTransform(scale, 0, 0, scale, viewport.translateX(), viewport.translateY());
        }
        Rect visible = viewport.visible(w, h).inflate(60);
        g.setGlobalAlpha(path != null ? 0.55 : 1);
        for (StageDefinition s : definition.stages()) {
            Rect b = NodeGeometry.bounds(s);
            if (b.intersects(visible)) {
                marks.drawLoad(g, s, b, loads.getOrDefault(s.name(), StageLoad.NONE), path != null, px, scale);
            }
        }
        g.setGlobalAlpha(1);
        g.setTransform(1, 0, 0, 1, 0, 0);
    }
}
