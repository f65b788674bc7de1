package io.caseflow.designer.app.actions;

import io.caseflow.definition.CaseDefinition;
import io.caseflow.definition.Layout;
import io.caseflow.definition.StageDefinition;
import io.caseflow.definition.StageKind;
import io.caseflow.designer.editor.Edits;
import io.caseflow.designer.editor.Grid;
import io.caseflow.designer.editor.Names;
import io.caseflow.designer.editor.NodeGeometry;
import io.caseflow.designer.editor.Point;
import io.caseflow.designer.editor.Rect;
import java.util.Set;
import java.util.stream.Collectors;

/** Adds a stage from the palette or the Stage menu: named after its kind, selected, in view. */
public final class AddStageAction {
    /** How far a stage added near the middle moves down and right while its spot is taken. */
    private static final double NUDGE = 40;
    private final ActionContext context;

    public AddStageAction(ActionContext context) {
        this.context = context;
    }

    /** Adds a stage of {@code kind} at {@code at} (its centre), or, when null, in a free spot near the middle of the view. */
    public void add(StageKind kind, Point at) {
        CaseDefinition d = context.document().definition();
        Set<String> taken = d.stages().stream().map(StageDefinition::name).collect(Collectors.toSet());
        String name = Names.numbered(switch (kind) {
            case TASK -> "task";
            case SERVICE -> "service";
            case END -> "end";
        }, taken);
        Point center = at != null ? at : context.canvas().visibleCenter();
        double x = Grid.snap(center.x() - NodeGeometry.WIDTH / 2, Grid.DEFAULT_SIZE);
        double y = Grid.snap(center.y() - NodeGeometry.HEIGHT / 2, Grid.DEFAULT_SIZE);
        if (at == null) {
            while (occupied(d, x, y)) {
                x += NUDGE;
                y += NUDGE;
            }
        }
        StageDefinition stage = switch (kind) {
            case TASK -> StageDefinition.task(name, null);
            case SERVICE -> StageDefinition.service(name, null, null, null);
            case END -> StageDefinition.end(name);
        };
        if (context.execute(Edits.addStage(stage.withLayout(new Layout(x, y))))) {
            context.document().selection().selectStage(name);
            context.canvas().reveal(NodeGeometry.bounds(new Layout(x, y)));
        }
    }

    private static boolean occupied(CaseDefinition d, double x, double y) {
        Rect r = NodeGeometry.bounds(new Layout(x, y)).inflate(10);
        return d.stages().stream().anyMatch(s -> NodeGeometry.bounds(s).intersects(r));
    }
}
