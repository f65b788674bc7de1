package io.caseflow.designer.monitor.view;

import static io.caseflow.designer.monitor.view.StatusColors.CANCELLED;
import static io.caseflow.designer.monitor.view.StatusColors.COMPLETED;
import static io.caseflow.designer.monitor.view.StatusColors.FAILED;
import static io.caseflow.designer.monitor.view.StatusColors.PATH;
import static io.caseflow.designer.monitor.view.StatusColors.RUNNING;
import static io.caseflow.designer.monitor.view.StatusColors.WAITING;

import io.caseflow.definition.CaseDefinition;
import io.caseflow.definition.StageDefinition;
import io.caseflow.designer.canvas.CanvasRenderer;
import io.caseflow.designer.canvas.StageSkin;
import io.caseflow.designer.canvas.StageSkins;
import io.caseflow.designer.editor.EdgePath;
import io.caseflow.designer.editor.NodeGeometry;
import io.caseflow.designer.editor.Point;
import io.caseflow.designer.editor.Rect;
import io.caseflow.designer.monitor.ProcessPath;
import io.caseflow.designer.monitor.StageLoad;
import io.caseflow.process.ProcessStatus;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;

/**
 * Paints what the monitor adds to the designer's drawing of a case, in model coordinates: a
 * process's path (bold transitions, numbered stages, the stage it stands at ringed in its status
 * colour, repeated attempts tagged) and the counts on each stage (pills, or dots when zoomed far out).
 */
final class MonitorMarksPainter {
    private static final Font BADGE = Font.font("System", FontWeight.BOLD, 10.5);
    private static final Font ORDER = Font.font("System", FontWeight.BOLD, 10);
    private static final Color ATTEMPTS = Color.web("#b45309");

    private enum Glyph { RUNNING, WAITING, FAILED, COMPLETED, CANCELLED }

    private final CanvasRenderer renderer;

    MonitorMarksPainter(CanvasRenderer renderer) {
        this.renderer = renderer;
    }

    /** The path of a process over {@code definition}; {@code px} is one screen pixel in model units. */
    void drawPath(GraphicsContext g, CaseDefinition definition, ProcessPath path, Map<String, StageDefinition> byName,
                  double px, double scale) {
        List<EdgePath> edges = renderer.paths(definition);
        g.setLineCap(StrokeLineCap.ROUND);
        for (int index : path.transitions()) {
            EdgePath e = index < edges.size() ? edges.get(index) : null;
            if (e != null) {
                drawTaken(g, e, px);
            }
        }
        for (String name : path.stages()) {
            StageDefinition s = byName.get(name);
            if (s != null) {
                drawVisited(g, s, path, name.equals(path.current()), px, scale);
            }
        }
    }

    private static void drawTaken(GraphicsContext g, EdgePath e, double px) {
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

    private void drawVisited(GraphicsContext g, StageDefinition s, ProcessPath path, boolean current, double px, double scale) {
        Rect b = NodeGeometry.bounds(s);
        StageSkins.of(s.kind()).draw(g, s, new StageSkin.State(false, false, false, scale), renderer.text());
        Color ring = current ? StatusColors.of(path.status()) : PATH;
        double arc = s.isEnd() ? b.height() + 8 : 18;
        g.setStroke(ring);
        g.setLineWidth((current ? 3 : 2) * Math.max(1, px * 0.8));
        g.strokeRoundRect(b.x() - 4, b.y() - 4, b.width() + 8, b.height() + 8, arc, arc);
        if (current && path.status() == ProcessStatus.FAILED) {
            g.setStroke(FAILED.deriveColor(0, 1, 1, 0.25));
            g.setLineWidth(8 * Math.max(1, px * 0.8));
            g.strokeRoundRect(b.x() - 8, b.y() - 8, b.width() + 16, b.height() + 16, arc + 8, arc + 8);
        }
        if (scale < StageSkins.NO_TEXT) {
            return;
        }
        double r = 9;
        double cx = b.x() - 2;
        double cy = b.y() - 2;
        g.setFill(ring);
        g.fillOval(cx - r, cy - r, 2 * r, 2 * r);
        g.setFill(Color.WHITE);
        g.setFont(ORDER);
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.CENTER);
        g.fillText(String.valueOf(path.order(s.name())), cx, cy + 0.5);
        int attempts = path.attempts().getOrDefault(s.name(), 0);
        if (attempts > 1) {
            tag(g, b.maxX() - 8, b.maxY() + 2, attempts + " attempts", ATTEMPTS, true);
        }
        if (current) {
            tag(g, b.x() + 14, b.maxY() + 2, path.status().name().toLowerCase(Locale.ROOT), ring, false);
        }
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.BASELINE);
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

    /** The counts on stage {@code s} (bounds {@code b}); a failed stage is ringed unless a path is shown. */
    void drawLoad(GraphicsContext g, StageDefinition s, Rect b, StageLoad load, boolean pathShown, double px, double scale) {
        if (load.isEmpty()) {
            return;
        }
        if (load.failed() > 0 && !pathShown) {
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
}
