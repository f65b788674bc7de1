package io.caseflow.designer.editor;

import io.caseflow.definition.CaseDefinition;
import io.caseflow.definition.StageDefinition;
import io.caseflow.definition.TransitionDefinition;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns transitions into curves from the stages' positions alone (a case stores no bend points):
 * forward edges leave a node on the right and enter the next on the left, edges going back run
 * below the nodes, mostly vertical edges use top and bottom, self loops arc over the node, and
 * parallel edges between the same two stages are spread apart. Pure: used by the renderer, the
 * hit tester and the draw.io export alike.
 */
public final class EdgeRouter {
    private static final double PARALLEL_SPREAD = 14;

    private EdgeRouter() {
    }

    /** One path per transition, by index; {@code null} where an end is not a stage. */
    public static List<EdgePath> route(CaseDefinition definition) {
        Map<String, StageDefinition> byName = new HashMap<>();
        for (StageDefinition s : definition.stages()) {
            byName.putIfAbsent(s.name(), s);
        }
        List<TransitionDefinition> transitions = definition.transitions();
        Map<String, List<Integer>> bundles = new HashMap<>();
        for (int i = 0; i < transitions.size(); i++) {
            TransitionDefinition t = transitions.get(i);
            bundles.computeIfAbsent(pairKey(t.from(), t.to()), k -> new ArrayList<>()).add(i);
        }
        List<EdgePath> paths = new ArrayList<>(transitions.size());
        for (int i = 0; i < transitions.size(); i++) {
            TransitionDefinition t = transitions.get(i);
            StageDefinition from = byName.get(t.from());
            StageDefinition to = byName.get(t.to());
            if (from == null || to == null) {
                paths.add(null);
                continue;
            }
            List<Integer> bundle = bundles.get(pairKey(t.from(), t.to()));
            int slot = bundle.indexOf(i);
            double offset = (slot - (bundle.size() - 1) / 2.0) * PARALLEL_SPREAD;
            if (bundle.size() > 1 && t.from().compareTo(t.to()) > 0) {
                offset = -offset;
            }
            paths.add(route(i, NodeGeometry.bounds(from), NodeGeometry.bounds(to), from == to, offset));
        }
        return paths;
    }

    /** The path of an edge from box {@code a} to box {@code b}; also used for the live preview while connecting. */
    public static EdgePath route(int index, Rect a, Rect b, boolean selfLoop, double offset) {
        if (selfLoop) {
            Point s = new Point(a.x() + a.width() * 0.65, a.y());
            Point e = new Point(a.x() + a.width() * 0.35, a.y());
            return new EdgePath(index, s, s.plus(30, -55), e.plus(-30, -55), e);
        }
        Point ca = a.center();
        Point cb = b.center();
        double dx = cb.x() - ca.x();
        double dy = cb.y() - ca.y();
        if (b.x() >= a.maxX() + 10) {
            Point s = new Point(a.maxX(), ca.y() + offset);
            Point e = new Point(b.x(), cb.y() + offset);
            double k = Math.max(30, (e.x() - s.x()) * 0.5);
            return new EdgePath(index, s, s.plus(k, 0), e.plus(-k, 0), e);
        }
        if (Math.abs(dy) > a.height() + 10 && Math.abs(dx) < Math.abs(dy) * 1.5) {
            boolean down = dy > 0;
            Point s = new Point(ca.x() + offset, down ? a.maxY() : a.y());
            Point e = new Point(cb.x() + offset, down ? b.y() : b.maxY());
            double k = Math.max(25, Math.abs(e.y() - s.y()) * 0.45) * (down ? 1 : -1);
            return new EdgePath(index, s, s.plus(0, k), e.plus(0, -k), e);
        }
        // Going back (or overlapping horizontally): run below both nodes.
        Point s = new Point(ca.x() + offset, a.maxY());
        Point e = new Point(cb.x() + offset, b.maxY());
        double depth = 45 + Math.min(120, Math.abs(dx) * 0.15);
        double low = Math.max(s.y(), e.y()) + depth;
        return new EdgePath(index, s, new Point(s.x(), low), new Point(e.x(), low), e);
    }

    /** A path from a node to a free point (the rubber band while connecting). */
    public static EdgePath toPoint(Rect a, Point target) {
        Point s = new Point(a.maxX(), a.center().y());
        double k = Math.max(20, Math.abs(target.x() - s.x()) * 0.4);
        return new EdgePath(-1, s, s.plus(k, 0), target.plus(-k, 0), target);
    }

    private static String pairKey(String from, String to) {
        String a = String.valueOf(from);
        String b = String.valueOf(to);
        return a.compareTo(b) <= 0 ? a + "\u0000" + b : b + "\u0000" + a;
    }
}
