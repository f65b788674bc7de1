package io.caseflow.designer.editor;

import io.caseflow.definition.CaseDefinition;
import io.caseflow.definition.Layout;
import io.caseflow.definition.StageDefinition;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The size of a stage node and where its parts are, in model units. Every stage is drawn
 * {@value #WIDTH} × {@value #HEIGHT} with its {@link Layout} as the top-left corner, so a layout
 * read from a file, from draw.io or from ELK means exactly one picture.
 */
public final class NodeGeometry {
    public static final double WIDTH = 168;
    public static final double HEIGHT = 60;
    /** Radius of the connection port drawn on the right side of a node. */
    public static final double PORT_RADIUS = 7;
    /** The inner band along a node's border from which a drag connects instead of moving. */
    public static final double BORDER_BAND = 5;

    private NodeGeometry() {
    }

    public static Rect bounds(StageDefinition stage) {
        Layout l = stage.layout();
        return new Rect(l.x(), l.y(), WIDTH, HEIGHT);
    }

    public static Rect bounds(Layout l) {
        return new Rect(l.x(), l.y(), WIDTH, HEIGHT);
    }

    public static Point port(StageDefinition stage) {
        Rect b = bounds(stage);
        return new Point(b.maxX(), b.y() + b.height() / 2);
    }

    /** The bounds of all stages, or empty when there are none. */
    public static Optional<Rect> bounds(Collection<StageDefinition> stages) {
        Rect all = null;
        for (StageDefinition s : stages) {
            all = all == null ? bounds(s) : all.union(bounds(s));
        }
        return Optional.ofNullable(all);
    }

    public static Optional<Rect> bounds(CaseDefinition definition) {
        return bounds(definition.stages());
    }

    /**
     * How many stages overlap another one as drawn here (every node the same size): what a diagram drawn
     * with smaller shapes elsewhere looks like on this canvas. A sweep along x, so a 2,000-stage case is
     * checked at once.
     */
    public static int overlapping(Collection<StageDefinition> stages) {
        List<StageDefinition> byX = stages.stream().sorted(Comparator.comparingDouble(s -> s.layout().x())).toList();
        Set<String> overlapping = new HashSet<>();
        for (int i = 0; i < byX.size(); i++) {
            StageDefinition a = byX.get(i);
            for (int j = i + 1; j < byX.size() && byX.get(j).layout().x() < a.layout().x() + WIDTH; j++) {
                StageDefinition b = byX.get(j);
                if (Math.abs(b.layout().y() - a.layout().y()) < HEIGHT) {
                    overlapping.add(a.name());
                    overlapping.add(b.name());
                }
            }
        }
        return overlapping.size();
    }
}
