package io.caseflow.designer.canvas;

import io.caseflow.definition.CaseDefinition;
import io.caseflow.definition.StageDefinition;
import io.caseflow.designer.editor.EdgePath;
import io.caseflow.designer.editor.HitTester;
import io.caseflow.designer.editor.NodeGeometry;
import io.caseflow.designer.editor.Point;
import io.caseflow.designer.editor.Rect;
import io.caseflow.designer.editor.Selection;
import io.caseflow.designer.monitor.ProcessPath;
import io.caseflow.designer.monitor.StageLoad;
import io.caseflow.process.ProcessStatus;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javafx.application.Platform;
import javafx.geometry.Point2D;
import javafx.geometry.VPos;
import javafx.scene.Cursor;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.Pane;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;
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
public final class MonitorCanvas extends StackPane {
    public static final Color RUNNING = Color.web("#2563eb");
    public static final Color WAITING = Color.web("#7c3aed");
    public static final Color FAILED = Color.web("#dc2626");
    public static final Color COMPLETED = Color.web("#16a34a");
    public static final Color CANCELLED = Color.web("#6b7280");
    private static final Color PATH = Color.web("#0f62fe");
    private static final Font BADGE = Font.font("System", FontWeight.BOLD, 10.5);
    private static final Font ORDER = Font.font("System", FontWeight.BOLD, 10);

    /** A click on a stage: which one, which button, where on the screen (for a context menu). */
    public record StageClick(String stage, MouseButton button, double screenX, double screenY, int clickCount) {
    }

    private final Canvas canvas = new Canvas(800, 400);
    private final Pane holder = new Pane(canvas);
    private final Viewport viewport = new Viewport();
    private final CanvasRenderer renderer = new CanvasRenderer();
    private final Selection selection = new Selection();
    private final Label empty = new Label();
    private final Tooltip tooltip = new Tooltip();
    private CaseDefinition definition;
    private HitTester tester;
    private Map<String, StageLoad> loads = Map.of();
    private ProcessPath path;
    private String hover;
    private boolean redrawPending;
    private boolean fitPending;
    private double pressX;
    private double pressY;
    private double lastX;
    private double lastY;
    private boolean dragged;
    private long frames;
    private java.util.function.Consumer<StageClick> onStageClicked = c -> { };
    private Runnable onEmptyClicked = () -> { };

    public MonitorCanvas() {
        getStyleClass().add("monitor-canvas");
        canvas.setId("monitorCanvas");
        holder.setMinSize(0, 0);
        empty.getStyleClass().add("canvas-empty");
        empty.setText("No case is deployed yet: deploy one from the Design tab.");
        empty.setVisible(false);
        getChildren().addAll(holder, empty);
        holder.widthProperty().addListener((o, a, b) -> resized());
        holder.heightProperty().addListener((o, a, b) -> resized());
        viewport.addListener(this::requestRedraw);
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
        selection.prune(value == null ? io.caseflow.definition.CaseDefinition.builder("none", "v1").build() : value);
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

    public void setOnStageClicked(java.util.function.Consumer<StageClick> handler) {
        onStageClicked = handler;
    }

    public void setOnEmptyClicked(Runnable handler) {
        onEmptyClicked = handler;
    }

    public void setEmptyText(String text) {
        empty.setText(text);
    }

    public Viewport viewport() {
        return viewport;
    }

    public Canvas canvas() {
        return canvas;
    }

    public long frames() {
        return frames;
    }

    /** Screen coordinates of a stage's centre (tests click there). */
    public Point2D screenPointOf(String stage) {
        StageDefinition s = definition.stage(stage).orElseThrow();
        Rect b = NodeGeometry.bounds(s);
        Point p = viewport.toScreen(b.center());
        return canvas.localToScreen(p.x(), p.y());
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

    private void resized() {
        canvas.setWidth(Math.max(1, holder.getWidth()));
        canvas.setHeight(Math.max(1, holder.getHeight()));
        if (fitPending) {
            fitToWindow();
        }
        requestRedraw();
    }

    public void requestRedraw() {
        if (!redrawPending) {
            redrawPending = true;
            Platform.runLater(this::paintNow);
        }
    }

    // ------------------------------------------------------------------ painting

    public void paintNow() {
        redrawPending = false;
        if (fitPending) {
            fitToWindow();
        }
        frames++;
        GraphicsContext g = canvas.getGraphicsContext2D();
        double w = canvas.getWidth();
        double h = canvas.getHeight();
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
        Map<String, StageDefinition> byName = new HashMap<>();
        definition.stages().forEach(s -> byName.putIfAbsent(s.name(), s));
        if (path != null) {
            g.setTransform(1, 0, 0, 1, 0, 0);
            g.setFill(Color.color(0.965, 0.969, 0.976, 0.72));
            g.fillRect(0, 0, w, h);
            g.setTransform(scale, 0, 0, scale, viewport.translateX(), viewport.translateY());
            drawPath(g, byName, px, scale);
        } else {
            g.setTransform(scale, 0, 0, scale, viewport.translateX(), viewport.translateY());
        }
        Rect visible = viewport.visible(w, h).inflate(60);
        g.setGlobalAlpha(path != null ? 0.55 : 1);
        for (StageDefinition s : definition.stages()) {
            Rect b = NodeGeometry.bounds(s);
            if (b.intersects(visible)) {
                drawLoad(g, s, b, loads.getOrDefault(s.name(), StageLoad.NONE), px, scale);
            }
        }
        g.setGlobalAlpha(1);
        g.setTransform(1, 0, 0, 1, 0, 0);
    }

    private void drawPath(GraphicsContext g, Map<String, StageDefinition> byName, double px, double scale) {
        List<EdgePath> edges = renderer.paths(definition);
        g.setLineCap(StrokeLineCap.ROUND);
        for (int index : path.transitions()) {
            EdgePath e = index < edges.size() ? edges.get(index) : null;
            if (e == null) {
                continue;
            }
            g.setStroke(PATH);
            g.setLineWidth(3.2 * Math.max(1, 0.7 * px));
            Point dir = e.endDirection();
            double head = 12;
            Point tip = e.end();
            Point base = new Point(tip.x() - dir.x() * head, tip.y() - dir.y() * head);
            g.beginPath();
            g.moveTo(e.start().x(), e.start().y());
            g.bezierCurveTo(e.c1().x(), e.c1().y(), e.c2().x(), e.c2().y(), base.x(), base.y());
            g.stroke();
            g.setFill(PATH);
            double nx = -dir.y() * head * 0.5;
            double ny = dir.x() * head * 0.5;
            g.fillPolygon(new double[] {tip.x(), base.x() + nx, base.x() - nx}, new double[] {tip.y(), base.y() + ny, base.y() - ny}, 3);
        }
        for (String name : path.stages()) {
            StageDefinition s = byName.get(name);
            if (s == null) {
                continue;
            }
            Rect b = NodeGeometry.bounds(s);
            boolean current = name.equals(path.current());
            StageSkins.of(s.kind()).draw(g, s, new StageSkin.State(false, false, false, scale), renderer.text());
            Color ring = current ? statusColor(path.status()) : PATH;
            double arc = s.isEnd() ? b.height() + 8 : 18;
            g.setStroke(ring);
            g.setLineWidth((current ? 3 : 2) * Math.max(1, px * 0.8));
            g.strokeRoundRect(b.x() - 4, b.y() - 4, b.width() + 8, b.height() + 8, arc, arc);
            if (current && path.status() == ProcessStatus.FAILED) {
                g.setStroke(FAILED.deriveColor(0, 1, 1, 0.25));
                g.setLineWidth(8 * Math.max(1, px * 0.8));
                g.strokeRoundRect(b.x() - 8, b.y() - 8, b.width() + 16, b.height() + 16, arc + 8, arc + 8);
            }
            if (scale >= StageSkins.NO_TEXT) {
                double r = 9;
                double cx = b.x() - 2;
                double cy = b.y() - 2;
                g.setFill(ring);
                g.fillOval(cx - r, cy - r, 2 * r, 2 * r);
                g.setFill(Color.WHITE);
                g.setFont(ORDER);
                g.setTextAlign(TextAlignment.CENTER);
                g.setTextBaseline(VPos.CENTER);
                g.fillText(String.valueOf(path.order(name)), cx, cy + 0.5);
                int attempts = path.attempts().getOrDefault(name, 0);
                if (attempts > 1) {
                    tag(g, b.maxX() - 8, b.maxY() + 2, attempts + " attempts", Color.web("#b45309"), true);
                }
                if (current) {
                    tag(g, b.x() + 14, b.maxY() + 2, path.status().name().toLowerCase(), ring, false);
                }
                g.setTextAlign(TextAlignment.LEFT);
                g.setTextBaseline(VPos.BASELINE);
            }
        }
    }

    /** A small pill under a stage; right-aligned at x when {@code alignRight}. */
    private void tag(GraphicsContext g, double x, double y, String text, Color color, boolean alignRight) {
        double w = renderer.text().width(text, BADGE) + 12;
        double left = alignRight ? x - w : x;
        g.setFill(color);
        g.fillRoundRect(left, y, w, 16, 16, 16);
        g.setFill(Color.WHITE);
        g.setFont(BADGE);
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.CENTER);
        g.fillText(text, left + w / 2, y + 8.5);
    }

    private void drawLoad(GraphicsContext g, StageDefinition s, Rect b, StageLoad load, double px, double scale) {
        if (load.isEmpty()) {
            return;
        }
        if (load.failed() > 0 && path == null) {
            double arc = s.isEnd() ? b.height() + 6 : 16;
            g.setStroke(FAILED);
            g.setLineWidth(2 * Math.max(1, px * 0.8));
            g.strokeRoundRect(b.x() - 3, b.y() - 3, b.width() + 6, b.height() + 6, arc, arc);
        }
        double right = b.maxX() - 6;
        double y = b.y() - 10;
        if (scale < StageSkins.NO_TEXT) {
            // Far out: one dot per kind of load, no numbers.
            right = drawDot(g, right, y, load.failed(), FAILED);
            right = drawDot(g, right, y, load.waiting(), WAITING);
            drawDot(g, right, y, load.running(), RUNNING);
            return;
        }
        right = badge(g, right, y, load.failed(), FAILED, Glyph.FAILED);
        right = badge(g, right, y, load.waiting(), WAITING, Glyph.WAITING);
        right = badge(g, right, y, load.running(), RUNNING, Glyph.RUNNING);
        right = badge(g, right, y, load.cancelled(), CANCELLED, Glyph.CANCELLED);
        badge(g, right, y, load.completed(), COMPLETED, Glyph.COMPLETED);
    }

    private static double drawDot(GraphicsContext g, double right, double y, long n, Color c) {
        if (n <= 0) {
            return right;
        }
        g.setFill(c);
        g.fillOval(right - 14, y, 14, 14);
        return right - 18;
    }

    private enum Glyph { RUNNING, WAITING, FAILED, COMPLETED, CANCELLED }

    /** A count pill ending at {@code right}; returns where the next one ends. */
    private double badge(GraphicsContext g, double right, double y, long n, Color c, Glyph glyph) {
        if (n <= 0) {
            return right;
        }
        String text = n >= 100_000 ? (n / 1000) + "k" : String.format("%,d", n);
        double h = 19;
        double w = renderer.text().width(text, BADGE) + 28;
        double x = right - w;
        g.setFill(Color.rgb(15, 23, 42, 0.12));
        g.fillRoundRect(x, y + 1.2, w, h, h, h);
        g.setFill(c);
        g.fillRoundRect(x, y, w, h, h, h);
        drawGlyph(g, glyph, x + 10.5, y + h / 2);
        g.setFill(Color.WHITE);
        g.setFont(BADGE);
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
        g.fillText(text, x + 19, y + h / 2 + 0.5);
        g.setTextBaseline(VPos.BASELINE);
        return x - 4;
    }

    private static void drawGlyph(GraphicsContext g, Glyph glyph, double cx, double cy) {
        g.setStroke(Color.WHITE);
        g.setFill(Color.WHITE);
        g.setLineWidth(1.5);
        g.setLineCap(StrokeLineCap.ROUND);
        switch (glyph) {
            case RUNNING -> g.fillPolygon(new double[] {cx - 2.5, cx - 2.5, cx + 3.5}, new double[] {cy - 4, cy + 4, cy}, 3);
            case WAITING -> {
                g.strokeOval(cx - 4, cy - 4, 8, 8);
                g.strokeLine(cx, cy, cx, cy - 2.5);
                g.strokeLine(cx, cy, cx + 2, cy);
            }
            case FAILED -> {
                g.fillRect(cx - 0.9, cy - 4.5, 1.8, 5.5);
                g.fillRect(cx - 0.9, cy + 2.2, 1.8, 1.8);
            }
            case COMPLETED -> g.strokePolyline(new double[] {cx - 3.5, cx - 1, cx + 3.5}, new double[] {cy, cy + 2.8, cy - 2.8}, 3);
            case CANCELLED -> {
                g.strokeLine(cx - 3, cy - 3, cx + 3, cy + 3);
                g.strokeLine(cx - 3, cy + 3, cx + 3, cy - 3);
            }
        }
    }

    public static Color statusColor(ProcessStatus status) {
        if (status == null) {
            return PATH;
        }
        return switch (status) {
            case RUNNING -> RUNNING;
            case WAITING -> WAITING;
            case FAILED -> FAILED;
            case COMPLETED -> COMPLETED;
            case CANCELLED -> CANCELLED;
        };
    }
}
