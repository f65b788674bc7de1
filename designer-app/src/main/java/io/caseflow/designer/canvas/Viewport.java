package io.caseflow.designer.canvas;

import io.caseflow.designer.editor.Point;
import io.caseflow.designer.editor.Rect;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Maps model coordinates to the canvas's pixels: {@code screen = model × scale + translate}.
 * Plain Java so zoom and pan are tested without the toolkit.
 */
public final class Viewport {
    public static final double MIN_SCALE = 0.05;
    public static final double MAX_SCALE = 4.0;
    public static final double STEP = 1.2;

    private double scale = 1;
    private double tx;
    private double ty;
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

    public double scale() {
        return scale;
    }

    public double translateX() {
        return tx;
    }

    public double translateY() {
        return ty;
    }

    public Point toModel(double screenX, double screenY) {
        return new Point((screenX - tx) / scale, (screenY - ty) / scale);
    }

    public Point toScreen(Point model) {
        return new Point(model.x() * scale + tx, model.y() * scale + ty);
    }

    /** The part of the model visible in a canvas of {@code width × height} pixels. */
    public Rect visible(double width, double height) {
        Point a = toModel(0, 0);
        return new Rect(a.x(), a.y(), width / scale, height / scale);
    }

    public void set(double newScale, double newTx, double newTy) {
        double clamped = clamp(newScale);
        if (clamped == scale && newTx == tx && newTy == ty) {
            return;
        }
        scale = clamped;
        tx = newTx;
        ty = newTy;
        listeners.forEach(Runnable::run);
    }

    public void panBy(double dx, double dy) {
        set(scale, tx + dx, ty + dy);
    }

    /** Zooms by {@code factor}, keeping the model point under screen point (sx, sy) in place. */
    public void zoomAt(double factor, double sx, double sy) {
        double newScale = clamp(scale * factor);
        Point anchor = toModel(sx, sy);
        set(newScale, sx - anchor.x() * newScale, sy - anchor.y() * newScale);
    }

    /** Sets the zoom to {@code newScale} around the centre of a {@code width × height} canvas. */
    public void zoomTo(double newScale, double width, double height) {
        zoomAt(clamp(newScale) / scale, width / 2, height / 2);
    }

    /** Shows all of {@code content} (plus a margin), never zooming in past 100 %. */
    public void fit(Rect content, double width, double height, double margin) {
        if (width <= 0 || height <= 0) {
            return;
        }
        double s = Math.min(1.0, Math.min((width - 2 * margin) / Math.max(1, content.width()),
                (height - 2 * margin) / Math.max(1, content.height())));
        s = clamp(s);
        Point c = content.center();
        set(s, width / 2 - c.x() * s, height / 2 - c.y() * s);
    }

    /** Puts model point {@code p} at the centre of the canvas, zoom unchanged. */
    public void centerOn(Point p, double width, double height) {
        set(scale, width / 2 - p.x() * scale, height / 2 - p.y() * scale);
    }

    /** Scrolls the least needed to make {@code r} visible (with a margin), zoom unchanged. */
    public void reveal(Rect r, double width, double height, double margin) {
        Rect v = visible(width, height);
        Rect want = r.inflate(margin / scale);
        double dx = 0;
        double dy = 0;
        if (want.x() < v.x()) {
            dx = v.x() - want.x();
        } else if (want.maxX() > v.maxX()) {
            dx = Math.max(v.maxX() - want.maxX(), v.x() - want.x());
        }
        if (want.y() < v.y()) {
            dy = v.y() - want.y();
        } else if (want.maxY() > v.maxY()) {
            dy = Math.max(v.maxY() - want.maxY(), v.y() - want.y());
        }
        panBy(dx * scale, dy * scale);
    }

    public void addListener(Runnable listener) {
        listeners.add(listener);
    }

    private static double clamp(double s) {
        return Math.max(MIN_SCALE, Math.min(MAX_SCALE, s));
    }
}
