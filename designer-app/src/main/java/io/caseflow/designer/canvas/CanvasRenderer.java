package io.caseflow.designer.canvas;

import io.caseflow.definition.CaseDefinition;
import io.caseflow.definition.StageDefinition;
import io.caseflow.definition.TransitionDefinition;
import io.caseflow.designer.editor.EdgePath;
import io.caseflow.designer.editor.EdgeRouter;
import io.caseflow.designer.editor.HitTester;
import io.caseflow.designer.editor.NodeGeometry;
import io.caseflow.designer.editor.Point;
import io.caseflow.designer.editor.Rect;
import io.caseflow.designer.editor.Selection;
import io.caseflow.validation.Severity;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.text.TextAlignment;

/**
 * Paints a case on a canvas: grid, transitions with outcome labels, stages through their skins,
 * problem markers, the deploy diff and the running gesture. Only what is visible is drawn, and
 * details fade out as the zoom goes down, so 500 stages pan smoothly. Runs on the FX thread.
 */
public final class CanvasRenderer {
    private final TextFitter text = new TextFitter();
    private CaseDefinition routedFor;
    private List<EdgePath> routed;

    /** Everything one frame needs. */
    public record Frame(CaseDefinition definition, Selection selection, Viewport viewport, Decorations decorations,
                        CanvasGestures.Overlay overlay, String hoverStage, boolean grid) {
    }

    public TextFitter text() {
        return text;
    }

    public void render(GraphicsContext g, double width, double height, Frame f) {
        Viewport vp = f.viewport();
        double scale = vp.scale();
        g.setTransform(1, 0, 0, 1, 0, 0);
        g.setFill(Theme.BACKGROUND);
        g.fillRect(0, 0, width, height);
        if (f.grid()) {
            drawGrid(g, width, height, vp);
        }
        CaseDefinition d = f.overlay().preview() != null ? f.overlay().preview() : f.definition();
        g.setTransform(scale, 0, 0, scale, vp.translateX(), vp.translateY());
        Rect visible = vp.visible(width, height).inflate(40);
        double px = 1 / scale;
        Decorations deco = f.decorations();

        Map<String, StageDefinition> byName = new HashMap<>();
        d.stages().forEach(s -> byName.putIfAbsent(s.name(), s));
        if (deco.diff() != null) {
            drawRemoved(g, deco.diff(), byName, visible, px, scale);
        }
        List<EdgePath> paths = paths(d);
        for (EdgePath path : paths) {
            if (path == null || !path.bounds().intersects(visible)) {
                continue;
            }
            TransitionDefinition t = d.transitions().get(path.index());
            boolean selected = f.selection().containsTransition(path.index());
            Color color = Theme.EDGE;
            Severity mark = deco.transitionMarks().get(path.index());
            if (mark != null) {
                color = mark == Severity.ERROR ? Theme.ERROR : Theme.WARNING;
            }
            if (deco.diff() != null && deco.diff().newEdges().contains(t)) {
                color = Theme.DIFF_ADDED;
            }
            if (selected) {
                color = Theme.SELECTION;
            }
            drawEdge(g, path, color, (selected ? 2.4 : 1.5) * Math.max(1, 0.7 * px), false);
            if (!t.isDefault() && (scale >= StageSkins.NO_DETAILS || selected)) {
                drawLabel(g, path.labelPoint(), t.outcome(), color == Theme.EDGE ? Theme.TEXT : color, selected);
            }
        }

        StageDefinition start = d.startStage() == null ? null : byName.get(d.startStage());
        for (StageDefinition s : d.stages()) {
            Rect b = NodeGeometry.bounds(s);
            if (!b.intersects(visible)) {
                continue;
            }
            boolean selected = f.selection().containsStage(s.name());
            boolean dropTarget = s.name() != null && s.name().equals(f.overlay().dropTarget());
            if (s == start) {
                drawStartMarker(g, b, px);
            }
            StageSkins.of(s.kind()).draw(g, s, new StageSkin.State(selected, s == start, dropTarget, scale), text);
            Severity mark = deco.stageMarks().get(s.name());
            if (mark != null) {
                drawMarker(g, b, mark, px, s.isEnd());
            }
            if (deco.diff() != null) {
                drawDiffTag(g, b, deco.diff(), s.name(), px, scale);
            }
            if (!s.isEnd() && (selected || s.name().equals(f.hoverStage())) && scale >= StageSkins.NO_TEXT) {
                Point port = NodeGeometry.port(s);
                double r = NodeGeometry.PORT_RADIUS;
                g.setFill(Color.WHITE);
                g.fillOval(port.x() - r, port.y() - r, 2 * r, 2 * r);
                g.setStroke(Theme.accent(s.kind()));
                g.setLineWidth(1.8 * px);
                g.strokeOval(port.x() - r, port.y() - r, 2 * r, 2 * r);
                g.setFill(Theme.accent(s.kind()));
                g.fillOval(port.x() - 2.5, port.y() - 2.5, 5, 5);
            }
        }

        for (int index : f.selection().transitions()) {
            EdgePath path = index < paths.size() ? paths.get(index) : null;
            if (path != null && f.overlay().rubberBand() == null) {
                handle(g, path.start(), px);
                handle(g, path.end(), px);
            }
        }
        CanvasGestures.Overlay o = f.overlay();
        if (o.rubberBand() != null) {
            g.setLineDashes(6 * px, 4 * px);
            drawEdge(g, o.rubberBand(), Theme.SELECTION, 2 * px, true);
            g.setLineDashes();
        }
        if (o.box() != null) {
            Rect r = o.box();
            g.setFill(Theme.BOX_FILL);
            g.fillRect(r.x(), r.y(), r.width(), r.height());
            g.setStroke(Theme.SELECTION);
            g.setLineWidth(px);
            g.setLineDashes(4 * px, 3 * px);
            g.strokeRect(r.x(), r.y(), r.width(), r.height());
            g.setLineDashes();
        }
        g.setTransform(1, 0, 0, 1, 0, 0);
    }

    /** Edge paths of {@code d}, routed once per definition. */
    public List<EdgePath> paths(CaseDefinition d) {
        if (d != routedFor) {
            routed = EdgeRouter.route(d);
            routedFor = d;
        }
        return routed;
    }

    /** Dots every 20 model units (every 100 when that would crowd them); none when zoomed far out. */
    private static void drawGrid(GraphicsContext g, double width, double height, Viewport vp) {
        if (vp.scale() < 0.35) {
            return;
        }
        double step = 20 * vp.scale();
        while (step < 24) {
            step *= 5;
        }
        double ox = mod(vp.translateX(), step);
        double oy = mod(vp.translateY(), step);
        g.setFill(Theme.GRID_DOT);
        for (double x = ox; x < width; x += step) {
            for (double y = oy; y < height; y += step) {
                g.fillRect(x - 0.75, y - 0.75, 1.5, 1.5);
            }
        }
    }

    private static double mod(double a, double m) {
        double r = a % m;
        return r < 0 ? r + m : r;
    }

    private static void drawEdge(GraphicsContext g, EdgePath p, Color color, double width, boolean dashed) {
        g.setStroke(color);
        g.setLineWidth(width);
        g.setLineCap(StrokeLineCap.ROUND);
        Point dir = p.endDirection();
        double head = 9 + width;
        Point tip = p.end();
        Point base = new Point(tip.x() - dir.x() * head, tip.y() - dir.y() * head);
        g.beginPath();
        g.moveTo(p.start().x(), p.start().y());
        g.bezierCurveTo(p.c1().x(), p.c1().y(), p.c2().x(), p.c2().y(), base.x(), base.y());
        g.stroke();
        if (!dashed) {
            g.setFill(color);
            double nx = -dir.y() * head * 0.45;
            double ny = dir.x() * head * 0.45;
            g.fillPolygon(new double[] {tip.x(), base.x() + nx, base.x() - nx}, new double[] {tip.y(), base.y() + ny, base.y() - ny}, 3);
        }
    }

    private void drawLabel(GraphicsContext g, Point at, String label, Color color, boolean selected) {
        double w = text.width(label, Theme.LABEL) + 12;
        double h = 17;
        g.setFill(Color.WHITE);
        g.fillRoundRect(at.x() - w / 2, at.y() - h / 2, w, h, h, h);
        g.setStroke(selected ? Theme.SELECTION : Theme.LABEL_BORDER);
        g.setLineWidth(1);
        g.strokeRoundRect(at.x() - w / 2, at.y() - h / 2, w, h, h, h);
        g.setFill(color);
        g.setFont(Theme.LABEL);
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.CENTER);
        g.fillText(label, at.x(), at.y());
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.BASELINE);
    }

    private static void drawStartMarker(GraphicsContext g, Rect b, double px) {
        double cy = b.center().y();
        double cx = b.x() - 28;
        g.setStroke(Theme.START);
        g.setLineWidth(2 * Math.min(px, 3));
        g.strokeLine(cx + 7, cy, b.x() - 7, cy);
        g.setFill(Theme.START);
        g.fillPolygon(new double[] {b.x() - 1, b.x() - 9, b.x() - 9}, new double[] {cy, cy - 5, cy + 5}, 3);
        g.fillOval(cx - 8, cy - 8, 16, 16);
        g.setFill(Color.WHITE);
        g.fillPolygon(new double[] {cx - 2.5, cx - 2.5, cx + 4}, new double[] {cy - 4.5, cy + 4.5, cy}, 3);
    }

    private static void drawMarker(GraphicsContext g, Rect b, Severity severity, double px, boolean pill) {
        Color c = severity == Severity.ERROR ? Theme.ERROR : Theme.WARNING;
        double arc = pill ? b.height() + 8 : 16;
        g.setStroke(c);
        g.setLineWidth(2 * Math.max(1, px * 0.8));
        g.strokeRoundRect(b.x() - 4, b.y() - 4, b.width() + 8, b.height() + 8, arc, arc);
        double r = 8;
        double cx = b.maxX() - 2;
        double cy = b.y() + 2;
        g.setFill(c);
        g.fillOval(cx - r, cy - r, 2 * r, 2 * r);
        g.setFill(Color.WHITE);
        g.fillRect(cx - 1.2, cy - 4.5, 2.4, 5.5);
        g.fillRect(cx - 1.2, cy + 2.2, 2.4, 2.4);
    }

    private void drawDiffTag(GraphicsContext g, Rect b, Decorations.Diff diff, String name, double px, double scale) {
        String tag;
        Color c;
        if (diff.added().contains(name)) {
            tag = "NEW";
            c = Theme.DIFF_ADDED;
        } else if (diff.changed().contains(name)) {
            tag = "CHANGED";
            c = Theme.DIFF_CHANGED;
        } else if (diff.moved().contains(name)) {
            tag = "MOVED";
            c = Theme.DIFF_CHANGED.deriveColor(0, 0.6, 1.1, 1);
        } else {
            return;
        }
        g.setStroke(c);
        g.setLineWidth(2.5 * Math.max(1, px * 0.8));
        g.strokeRoundRect(b.x() - 3, b.y() - 3, b.width() + 6, b.height() + 6, 14, 14);
        if (scale >= StageSkins.NO_TEXT) {
            tag(g, b, tag, c);
        }
    }

    private void tag(GraphicsContext g, Rect b, String tag, Color c) {
        double w = text.width(tag, Theme.TAG) + 10;
        g.setFill(c);
        g.fillRoundRect(b.x() + 8, b.y() - 9, w, 14, 7, 7);
        g.setFill(Color.WHITE);
        g.setFont(Theme.TAG);
        g.setTextBaseline(VPos.CENTER);
        g.fillText(tag, b.x() + 13, b.y() - 2);
        g.setTextBaseline(VPos.BASELINE);
    }

    private void drawRemoved(GraphicsContext g, Decorations.Diff diff, Map<String, StageDefinition> current, Rect visible,
                             double px, double scale) {
        Map<String, StageDefinition> ghosts = new HashMap<>(current);
        diff.removed().forEach(s -> ghosts.putIfAbsent(s.name(), s));
        g.setLineDashes(6 * px, 4 * px);
        for (TransitionDefinition t : diff.removedEdges()) {
            StageDefinition a = ghosts.get(t.from());
            StageDefinition b = ghosts.get(t.to());
            if (a != null && b != null) {
                drawEdge(g, EdgeRouter.route(-1, NodeGeometry.bounds(a), NodeGeometry.bounds(b), a == b, 6), Theme.DIFF_REMOVED,
                        1.5 * Math.max(1, px * 0.7), true);
            }
        }
        for (StageDefinition s : diff.removed()) {
            Rect b = NodeGeometry.bounds(s);
            if (!b.intersects(visible)) {
                continue;
            }
            g.setFill(Color.web("#fdecec", 0.8));
            g.fillRoundRect(b.x(), b.y(), b.width(), b.height(), 10, 10);
            g.setStroke(Theme.DIFF_REMOVED);
            g.setLineWidth(1.5 * Math.max(1, px));
            g.strokeRoundRect(b.x(), b.y(), b.width(), b.height(), 10, 10);
            if (scale >= StageSkins.NO_TEXT) {
                g.setFont(Theme.NAME);
                g.setFill(Theme.DIFF_REMOVED);
                String name = text.fit(s.name(), Theme.NAME, b.width() - 24);
                g.fillText(name, b.x() + 12, b.y() + 35);
                g.setLineDashes();
                double w = text.width(name, Theme.NAME);
                g.strokeLine(b.x() + 12, b.y() + 31, b.x() + 12 + w, b.y() + 31);
                tag(g, b, "REMOVED", Theme.DIFF_REMOVED);
                g.setLineDashes(6 * px, 4 * px);
            }
        }
        g.setLineDashes();
    }

    private static void handle(GraphicsContext g, Point p, double px) {
        double r = HitTester.HANDLE_RADIUS - 1;
        g.setFill(Color.WHITE);
        g.fillOval(p.x() - r, p.y() - r, 2 * r, 2 * r);
        g.setStroke(Theme.SELECTION);
        g.setLineWidth(2 * px);
        g.strokeOval(p.x() - r, p.y() - r, 2 * r, 2 * r);
    }
}
