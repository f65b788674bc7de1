package io.caseflow.designer.drawio;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Where cells are on the page, as draw.io computes it: a child's position is relative to its
 * container's top-left corner (containers nest), a {@code relative="1"} child's position is a
 * fraction of its container's size plus its offset, an edge's label sits at a fraction of the edge's
 * path. Values that are not numbers are read as 0 and reported. Every position is computed once, so
 * reading is linear in the number of cells however deep they nest.
 */
final class Geometry {
    /** Waypoints read from one edge. */
    static final int MAX_POINTS = 1_000;

    record Point(double x, double y) {
        double distance(Point o) {
            return Math.hypot(x - o.x, y - o.y);
        }
    }

    record Bounds(double x, double y, double width, double height) {
        Point center() {
            return new Point(x + width / 2, y + height / 2);
        }

        boolean contains(Bounds o) {
            return o.x >= x && o.y >= y && o.x + o.width <= x + width && o.y + o.height <= y + height
                    && o.width * o.height < width * height;
        }

        /** Distance from a point to this rectangle (0 inside). */
        double distance(Point p) {
            double dx = Math.max(Math.max(x - p.x(), 0), p.x() - (x + width));
            double dy = Math.max(Math.max(y - p.y(), 0), p.y() - (y + height));
            return Math.hypot(dx, dy);
        }

        double area() {
            return width * height;
        }
    }

    private final CellTree tree;
    private final ImportIssues issues;
    private final Function<RawCell, String> namer;
    private final Map<String, Bounds> bounds = new HashMap<>();
    private final Map<String, List<Point>> paths = new HashMap<>();
    private final Set<String> computing = new HashSet<>();
    private final Map<String, Boolean> onEdge = new HashMap<>();
    private static final Bounds NOWHERE = new Bounds(0, 0, 0, 0);

    private Geometry(CellTree tree, ImportIssues issues, Function<RawCell, String> namer) {
        this.tree = tree;
        this.issues = issues;
        this.namer = namer;
    }

    static Geometry of(CellTree tree, ImportIssues issues, Function<RawCell, String> namer) {
        return new Geometry(tree, issues, namer);
    }

    /** The cell's rectangle on the page; for an edge's label, a zero-size rectangle at the label's place. */
    Bounds bounds(RawCell cell) {
        Bounds known = bounds.get(cell.id());
        if (known != null) {
            return known;
        }
        if (!computing.add(cell.id())) {
            // A label whose edge ends at the label itself, or the like: no place to go by.
            return NOWHERE;
        }
        // Walk up to the first container whose bounds are known, then compute downwards: no recursion along the chain.
        List<RawCell> chain = new ArrayList<>();
        for (RawCell c = cell; c != null && !bounds.containsKey(c.id()); c = tree.container(c)) {
            chain.add(c);
            computing.add(c.id());
        }
        for (int i = chain.size() - 1; i >= 0; i--) {
            RawCell c = chain.get(i);
            bounds.put(c.id(), compute(c, tree.container(c)));
        }
        chain.forEach(c -> computing.remove(c.id()));
        return bounds.get(cell.id());
    }

    private Bounds compute(RawCell c, RawCell container) {
        Element g = c.geometry();
        double x = number(c, g, "x");
        double y = number(c, g, "y");
        double w = Math.max(0, number(c, g, "width"));
        double h = Math.max(0, number(c, g, "height"));
        boolean relative = g != null && "1".equals(g.getAttribute("relative"));
        Point offset = point(c, g, "offset", new Point(0, 0));
        if (container == null) {
            return new Bounds(x + offset.x(), y + offset.y(), w, h);
        }
        if (container.isEdge()) {
            Point at = along(path(container), relative ? x : 0);
            return new Bounds(at.x() + offset.x() - w / 2, at.y() + offset.y() - h / 2, w, h);
        }
        Bounds p = bounds(container);
        if (relative) {
            return new Bounds(p.x() + p.width() * x + offset.x(), p.y() + p.height() * y + offset.y(), w, h);
        }
        return new Bounds(p.x() + x, p.y() + y, w, h);
    }

    /** The edge's path on the page: source, waypoints, target (ends without a shape at their drawn point). */
    List<Point> path(RawCell edge) {
        List<Point> known = paths.get(edge.id());
        if (known != null) {
            return known;
        }
        if (!computing.add(edge.id())) {
            return List.of(new Point(0, 0));
        }
        RawCell container = tree.container(edge);
        Bounds origin = container == null || container.isEdge() ? new Bounds(0, 0, 0, 0) : bounds(container);
        List<Point> path = new ArrayList<>();
        Element g = edge.geometry();
        path.add(end(edge, edge.source(), g, "sourcePoint", origin));
        Element array = g == null ? null : child(g, "Array", "points");
        if (array != null) {
            int n = 0;
            for (Node node = array.getFirstChild(); node != null && n < MAX_POINTS; node = node.getNextSibling()) {
                if (node instanceof Element p && "mxPoint".equals(p.getTagName())) {
                    path.add(new Point(origin.x() + number(edge, p, "x"), origin.y() + number(edge, p, "y")));
                    n++;
                }
            }
        }
        path.add(end(edge, edge.target(), g, "targetPoint", origin));
        paths.put(edge.id(), List.copyOf(path));
        computing.remove(edge.id());
        return paths.get(edge.id());
    }

    private Point end(RawCell edge, String terminalId, Element g, String as, Bounds origin) {
        RawCell terminal = tree.byId(terminalId);
        if (terminal != null && terminal.isVertex() && !underEdge(terminal)) {
            return bounds(terminal).center();
        }
        Point p = point(edge, g, as, null);
        return p == null ? new Point(origin.x(), origin.y()) : new Point(origin.x() + p.x(), origin.y() + p.y());
    }

    /** Whether the cell sits on an edge (a label, or inside one): such an end is placed at its drawn point. */
    private boolean underEdge(RawCell cell) {
        List<RawCell> chain = new ArrayList<>();
        Boolean answer = null;
        for (RawCell c = cell; c != null; c = tree.container(c)) {
            answer = onEdge.get(c.id());
            if (answer != null) {
                break;
            }
            if (c.isEdge()) {
                answer = true;
                break;
            }
            chain.add(c);
        }
        boolean result = answer != null && answer;
        chain.forEach(c -> onEdge.put(c.id(), result));
        return result;
    }

    /** The point at {@code position} (-1 = source, 0 = middle, 1 = target) along a path. */
    static Point along(List<Point> path, double position) {
        double total = 0;
        for (int i = 1; i < path.size(); i++) {
            total += path.get(i - 1).distance(path.get(i));
        }
        double wanted = total * (Math.max(-1, Math.min(1, position)) + 1) / 2;
        for (int i = 1; i < path.size(); i++) {
            double d = path.get(i - 1).distance(path.get(i));
            if (wanted <= d && d > 0) {
                Point a = path.get(i - 1);
                Point b = path.get(i);
                return new Point(a.x() + (b.x() - a.x()) * wanted / d, a.y() + (b.y() - a.y()) * wanted / d);
            }
            wanted -= d;
        }
        return path.get(path.size() - 1);
    }

    /** Shortest distance from a rectangle to a path. */
    static double distance(Bounds box, List<Point> path) {
        double best = Double.MAX_VALUE;
        for (int i = 1; i < path.size(); i++) {
            best = Math.min(best, distance(box, path.get(i - 1), path.get(i)));
        }
        return path.size() == 1 ? box.distance(path.get(0)) : best;
    }

    private static double distance(Bounds box, Point a, Point b) {
        // Sample the segment finely enough for a 40 px threshold; at most 200 samples per segment.
        double length = a.distance(b);
        int steps = (int) Math.min(200, Math.max(1, Math.ceil(length / 5)));
        double best = Double.MAX_VALUE;
        for (int s = 0; s <= steps; s++) {
            double t = (double) s / steps;
            best = Math.min(best, box.distance(new Point(a.x() + (b.x() - a.x()) * t, a.y() + (b.y() - a.y()) * t)));
        }
        return best;
    }

    private Point point(RawCell c, Element g, String as, Point fallback) {
        Element p = g == null ? null : child(g, "mxPoint", as);
        return p == null ? fallback : new Point(number(c, p, "x"), number(c, p, "y"));
    }

    private double number(RawCell c, Element e, String attribute) {
        if (e == null || e.getAttribute(attribute).isBlank()) {
            return 0;
        }
        String text = e.getAttribute(attribute).strip();
        try {
            double value = Double.parseDouble(text);
            if (Double.isFinite(value) && Math.abs(value) < 1e9) {
                return value;
            }
        } catch (NumberFormatException e1) {
            // reported below
        }
        issues.page(namer.apply(c) + " has " + attribute + "=\"" + (text.length() > 20 ? text.substring(0, 20) + "..." : text)
                + "\", which is not a usable number; 0 was used");
        return 0;
    }

    private static Element child(Element parent, String tag, String as) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && tag.equals(e.getTagName()) && as.equals(e.getAttribute("as"))) {
                return e;
            }
        }
        return null;
    }
}
