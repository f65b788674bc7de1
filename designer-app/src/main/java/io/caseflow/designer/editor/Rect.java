package io.caseflow.designer.editor;

/** An axis-aligned rectangle in model coordinates; {@code x, y} is the top-left corner. */
public record Rect(double x, double y, double width, double height) {

    public static Rect between(Point a, Point b) {
        return new Rect(Math.min(a.x(), b.x()), Math.min(a.y(), b.y()), Math.abs(a.x() - b.x()), Math.abs(a.y() - b.y()));
    }

    public double maxX() {
        return x + width;
    }

    public double maxY() {
        return y + height;
    }

    public Point center() {
        return new Point(x + width / 2, y + height / 2);
    }

    public boolean contains(Point p) {
        return p.x() >= x && p.x() <= maxX() && p.y() >= y && p.y() <= maxY();
    }

    public boolean contains(Rect r) {
        return r.x >= x && r.maxX() <= maxX() && r.y >= y && r.maxY() <= maxY();
    }

    public boolean intersects(Rect r) {
        return r.x <= maxX() && r.maxX() >= x && r.y <= maxY() && r.maxY() >= y;
    }

    public Rect union(Rect r) {
        double nx = Math.min(x, r.x);
        double ny = Math.min(y, r.y);
        return new Rect(nx, ny, Math.max(maxX(), r.maxX()) - nx, Math.max(maxY(), r.maxY()) - ny);
    }

    public Rect inflate(double by) {
        return new Rect(x - by, y - by, width + 2 * by, height + 2 * by);
    }
}
