package io.caseflow.designer.canvas;

import io.caseflow.definition.CaseDefinition;
import io.caseflow.definition.StageDefinition;
import io.caseflow.designer.editor.NodeGeometry;
import io.caseflow.designer.editor.Point;
import io.caseflow.designer.editor.Rect;
import java.util.function.DoubleSupplier;
import java.util.function.Supplier;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;

/** The whole case in miniature with the visible part framed; click or drag in it to move there. */
public final class Minimap extends StackPane {
    public static final double WIDTH = 200;
    public static final double HEIGHT = 130;

    private final Canvas canvas = new Canvas(WIDTH, HEIGHT);
    private final Supplier<CaseDefinition> definition;
    private final Viewport viewport;
    private final DoubleSupplier viewWidth;
    private final DoubleSupplier viewHeight;
    private Rect world = new Rect(0, 0, 1, 1);
    private double factor = 1;

    public Minimap(Supplier<CaseDefinition> definition, Viewport viewport, DoubleSupplier viewWidth, DoubleSupplier viewHeight) {
        this.definition = definition;
        this.viewport = viewport;
        this.viewWidth = viewWidth;
        this.viewHeight = viewHeight;
        getStyleClass().add("minimap");
        getChildren().add(canvas);
        setMaxSize(WIDTH + 2, HEIGHT + 2);
        setPrefSize(WIDTH + 2, HEIGHT + 2);
        canvas.setOnMousePressed(e -> moveTo(e.getX(), e.getY()));
        canvas.setOnMouseDragged(e -> moveTo(e.getX(), e.getY()));
    }

    private void moveTo(double x, double y) {
        Point model = new Point(world.x() + (x - offsetX()) / factor, world.y() + (y - offsetY()) / factor);
        viewport.centerOn(model, viewWidth.getAsDouble(), viewHeight.getAsDouble());
    }

    private double offsetX() {
        return (WIDTH - world.width() * factor) / 2;
    }

    private double offsetY() {
        return (HEIGHT - world.height() * factor) / 2;
    }

    public void redraw() {
        if (!isVisible()) {
            return;
        }
        CaseDefinition d = definition.get();
        Rect visible = viewport.visible(viewWidth.getAsDouble(), viewHeight.getAsDouble());
        world = NodeGeometry.bounds(d).map(b -> b.union(visible)).orElse(visible).inflate(20);
        factor = Math.min(WIDTH / world.width(), HEIGHT / world.height());
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.setFill(Color.web("#ffffff", 0.94));
        g.fillRect(0, 0, WIDTH, HEIGHT);
        double ox = offsetX();
        double oy = offsetY();
        for (StageDefinition s : d.stages()) {
            Rect b = NodeGeometry.bounds(s);
            g.setFill(Theme.accent(s.kind()).deriveColor(0, 0.8, 1.1, 0.85));
            g.fillRect(ox + (b.x() - world.x()) * factor, oy + (b.y() - world.y()) * factor,
                    Math.max(2, b.width() * factor), Math.max(1.5, b.height() * factor));
        }
        g.setStroke(Theme.SELECTION);
        g.setLineWidth(1.5);
        g.setFill(Theme.SELECTION_HALO);
        double vx = ox + (visible.x() - world.x()) * factor;
        double vy = oy + (visible.y() - world.y()) * factor;
        g.fillRect(vx, vy, visible.width() * factor, visible.height() * factor);
        g.strokeRect(vx, vy, visible.width() * factor, visible.height() * factor);
    }
}
