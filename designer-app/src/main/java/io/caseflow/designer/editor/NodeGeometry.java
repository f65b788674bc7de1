package io.caseflow.designer.editor;

import io.caseflow.definition.CaseDefinition;
import io.caseflow.definition.Layout;
import io.caseflow.definition.StageDefinition;
import java.util.Collection;
import java.util.Optional;

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
}
