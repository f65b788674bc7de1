package io.caseflow.designer.canvas;

import io.caseflow.definition.StageKind;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.shape.StrokeLineCap;

/**
 * The small picture of each stage kind, drawn with shapes so it is sharp at any zoom: a task is a
 * card with a check mark, a service call is two arrows exchanging (request and reply), an end is a
 * stop square in a ring. Used on the canvas nodes and in the palette.
 */
public final class StageKindIcon {
    private StageKindIcon() {
    }

    /** Draws the icon for {@code kind} in the square at (x, y) of side {@code size}. */
    public static void draw(GraphicsContext g, StageKind kind, double x, double y, double size) {
        Color accent = Theme.accent(kind);
        double s = size;
        g.save();
        g.setLineCap(StrokeLineCap.ROUND);
        switch (kind) {
            case TASK -> {
                g.setFill(accent);
                g.fillRoundRect(x, y, s, s, s * 0.3, s * 0.3);
                g.setStroke(Color.WHITE);
                g.setLineWidth(s * 0.13);
                g.strokePolyline(new double[] {x + s * 0.26, x + s * 0.44, x + s * 0.76},
                        new double[] {y + s * 0.52, y + s * 0.70, y + s * 0.32}, 3);
            }
            case SERVICE -> {
                g.setFill(accent);
                g.fillOval(x, y, s, s);
                g.setStroke(Color.WHITE);
                g.setFill(Color.WHITE);
                g.setLineWidth(s * 0.1);
                double top = y + s * 0.38;
                double bottom = y + s * 0.62;
                g.strokeLine(x + s * 0.24, top, x + s * 0.70, top);
                g.fillPolygon(new double[] {x + s * 0.78, x + s * 0.62, x + s * 0.62},
                        new double[] {top, top - s * 0.11, top + s * 0.11}, 3);
                g.strokeLine(x + s * 0.30, bottom, x + s * 0.76, bottom);
                g.fillPolygon(new double[] {x + s * 0.22, x + s * 0.38, x + s * 0.38},
                        new double[] {bottom, bottom - s * 0.11, bottom + s * 0.11}, 3);
            }
            case END -> {
                g.setStroke(accent);
                g.setLineWidth(s * 0.12);
                g.strokeOval(x + s * 0.06, y + s * 0.06, s * 0.88, s * 0.88);
                g.setFill(accent);
                g.fillRoundRect(x + s * 0.32, y + s * 0.32, s * 0.36, s * 0.36, s * 0.08, s * 0.08);
            }
        }
        g.restore();
    }

    /** A little canvas with the icon (palette, menus). */
    public static Canvas node(StageKind kind, double size) {
        Canvas c = new Canvas(size, size);
        draw(c.getGraphicsContext2D(), kind, 1, 1, size - 2);
        return c;
    }
}
