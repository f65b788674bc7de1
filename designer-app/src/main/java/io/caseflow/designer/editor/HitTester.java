package io.caseflow.designer.editor;

import io.caseflow.definition.CaseDefinition;
import io.caseflow.definition.StageDefinition;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Finds what is under a point, and what a selection box covers, in model coordinates. No toolkit:
 * the canvas converts screen points with its viewport and asks this class. {@code tolerance} is how
 * far (in model units) a point may miss a thin thing such as an edge; the canvas passes a few screen
 * pixels divided by the zoom.
 */
public final class HitTester {
    public static final double HANDLE_RADIUS = 7;

    private final CaseDefinition definition;
    private final List<EdgePath> paths;

    public HitTester(CaseDefinition definition, List<EdgePath> paths) {
        this.definition = definition;
        this.paths = paths;
    }

    public static HitTester of(CaseDefinition definition) {
        return new HitTester(definition, EdgeRouter.route(definition));
    }

    public List<EdgePath> paths() {
        return paths;
    }

    /**
     * The topmost thing at {@code p}: end handles of selected transitions first, then stages
     * (the last drawn is on top; the port and border band before the body), then transitions.
     */
    public Hit hit(Point p, double tolerance, Selection selection) {
        for (int index : selection.transitions()) {
            EdgePath path = index < paths.size() ? paths.get(index) : null;
            if (path != null) {
                if (path.end().distance(p) <= HANDLE_RADIUS + tolerance) {
                    return new Hit.EdgeEnd(index, false);
                }
                if (path.start().distance(p) <= HANDLE_RADIUS + tolerance) {
                    return new Hit.EdgeEnd(index, true);
                }
            }
        }
        List<StageDefinition> stages = definition.stages();
        for (int i = stages.size() - 1; i >= 0; i--) {
            StageDefinition stage = stages.get(i);
            Rect b = NodeGeometry.bounds(stage);
            if (!stage.isEnd() && NodeGeometry.port(stage).distance(p) <= NodeGeometry.PORT_RADIUS + tolerance) {
                return new Hit.StagePort(stage.name());
            }
            if (b.inflate(tolerance).contains(p)) {
                Rect inner = b.inflate(-NodeGeometry.BORDER_BAND);
                if (!stage.isEnd() && !inner.contains(p)) {
                    return new Hit.StagePort(stage.name());
                }
                return new Hit.StageBody(stage.name());
            }
        }
        int best = -1;
        double bestDistance = Double.MAX_VALUE;
        for (EdgePath path : paths) {
            if (path == null || !path.bounds().inflate(tolerance + 20).contains(p)) {
                continue;
            }
            double d = Math.min(path.distanceTo(p), path.labelPoint().distance(p) - 12);
            if (d <= tolerance + 2 && d < bestDistance) {
                best = path.index();
                bestDistance = d;
            }
        }
        return best >= 0 ? new Hit.Edge(best) : Hit.NONE;
    }

    /** The stage under {@code p}, ports and borders included (a drop target while connecting). */
    public Optional<String> stageAt(Point p, double tolerance) {
        List<StageDefinition> stages = definition.stages();
        for (int i = stages.size() - 1; i >= 0; i--) {
            if (NodeGeometry.bounds(stages.get(i)).inflate(tolerance).contains(p)) {
                return Optional.of(stages.get(i).name());
            }
        }
        return Optional.empty();
    }

    /** Stages whose node touches {@code box}. */
    public Set<String> stagesIn(Rect box) {
        Set<String> found = new LinkedHashSet<>();
        for (StageDefinition stage : definition.stages()) {
            if (box.intersects(NodeGeometry.bounds(stage))) {
                found.add(stage.name());
            }
        }
        return found;
    }

    /** Transitions whose two ends are both among {@code stages}. */
    public List<Integer> transitionsWithin(Set<String> stages) {
        List<Integer> found = new ArrayList<>();
        for (int i = 0; i < definition.transitions().size(); i++) {
            var t = definition.transitions().get(i);
            if (stages.contains(t.from()) && stages.contains(t.to())) {
                found.add(i);
            }
        }
        return found;
    }
}
