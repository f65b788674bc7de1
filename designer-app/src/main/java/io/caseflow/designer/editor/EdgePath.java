package io.caseflow.designer.editor;

/**
 * The drawn shape of one transition: a cubic Bézier from {@code start} to {@code end} through the
 * control points {@code c1} and {@code c2}, with the arrow head at {@code end}. Model coordinates.
 */
public record EdgePath(int index, Point start, Point c1, Point c2, Point end) {
    /** Segments used to approximate the curve for hit-testing and bounds. */
    public static final int SAMPLES = 16;

    public Point at(double t) {
        double u = 1 - t;
        double a = u * u * u;
        double b = 3 * u * u * t;
        double c = 3 * u * t * t;
        double d = t * t * t;
        return new Point(a * start.x() + b * c1.x() + c * c2.x() + d * end.x(),
                a * start.y() + b * c1.y() + c * c2.y() + d * end.y());
    }

    /** Where the outcome label sits: the middle of the curve. */
    public Point labelPoint() {
        return at(0.5);
    }

    /** Unit vector of the curve's direction where it ends (for the arrow head). */
    public Point endDirection() {
        Point before = at(0.97);
        double dx = end.x() - before.x();
        double dy = end.y() - before.y();
        double len = Math.hypot(dx, dy);
        return len == 0 ? new Point(1, 0) : new Point(dx / len, dy / len);
    }

    /** Shortest distance from {@code p} to the curve (approximated by {@link #SAMPLES} segments). */
    public double distanceTo(Point p) {
        double best = Double.MAX_VALUE;
        Point prev = start;
        for (int i = 1; i <= SAMPLES; i++) {
            Point next = at((double) i / SAMPLES);
            best = Math.min(best, segmentDistance(p, prev, next));
            prev = next;
        }
        return best;
    }

    /** A box that holds the whole curve (the control polygon's hull). */
    public Rect bounds() {
        double minX = Math.min(Math.min(start.x(), end.x()), Math.min(c1.x(), c2.x()));
        double minY = Math.min(Math.min(start.y(), end.y()), Math.min(c1.y(), c2.y()));
        double maxX = Math.max(Math.max(start.x(), end.x()), Math.max(c1.x(), c2.x()));
        double maxY = Math.max(Math.max(start.y(), end.y()), Math.max(c1.y(), c2.y()));
        return new Rect(minX, minY, maxX - minX, maxY - minY);
    }

    static double segmentDistance(Point p, Point a, Point b) {
        double dx = b.x() - a.x();
        double dy = b.y() - a.y();
        double len2 = dx * dx + dy * dy;
        double t = len2 == 0 ? 0 : ((p.x() - a.x()) * dx + (p.y() - a.y()) * dy) / len2;
        t = Math.max(0, Math.min(1, t));
        return Math.hypot(p.x() - (a.x() + t * dx), p.y() - (a.y() + t * dy));
    }
}
