package io.caseflow.designer.bench;

import io.caseflow.definition.CaseDefinition;
import io.caseflow.designer.editor.NodeGeometry;
import io.caseflow.designer.editor.Point;
import io.caseflow.designer.editor.Rect;

/**
 * Where the benchmark's view looks at each moment: across the whole case, from the top-left corner
 * of its stages to the bottom-right one, at a steady speed, so that a run of any length crosses the
 * graph (a pan over a fixed patch near the origin measured a corner of a big case only).
 */
final class PanRoute {
    private final Point from;
    private final Point to;

    PanRoute(CaseDefinition definition) {
        Rect bounds = NodeGeometry.bounds(definition).orElse(new Rect(0, 0, 1, 1));
        from = new Point(bounds.x(), bounds.y());
        to = new Point(bounds.maxX(), bounds.maxY());
    }

    /** The model point at the centre of the view after {@code fraction} (0 to 1) of the way. */
    Point at(double fraction) {
        double f = Math.max(0, Math.min(1, fraction));
        return new Point(from.x() + (to.x() - from.x()) * f, from.y() + (to.y() - from.y()) * f);
    }

    /** Model units the route covers. */
    double length() {
        return Math.hypot(to.x() - from.x(), to.y() - from.y());
    }
}
