package io.caseflow.designer.layout;

import io.caseflow.definition.CaseDefinition;
import io.caseflow.definition.Layout;
import io.caseflow.definition.StageDefinition;
import io.caseflow.definition.TransitionDefinition;
import io.caseflow.designer.editor.Grid;
import io.caseflow.designer.editor.NodeGeometry;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.elk.alg.layered.options.GreedySwitchType;
import org.eclipse.elk.alg.layered.options.LayerConstraint;
import org.eclipse.elk.alg.layered.options.LayeredMetaDataProvider;
import org.eclipse.elk.alg.layered.options.LayeredOptions;
import org.eclipse.elk.alg.layered.options.WrappingStrategy;
import org.eclipse.elk.core.RecursiveGraphLayoutEngine;
import org.eclipse.elk.core.data.LayoutMetaDataService;
import org.eclipse.elk.core.math.ElkPadding;
import org.eclipse.elk.core.options.CoreOptions;
import org.eclipse.elk.core.options.Direction;
import org.eclipse.elk.core.options.EdgeRouting;
import org.eclipse.elk.core.util.BasicProgressMonitor;
import org.eclipse.elk.graph.ElkNode;
import org.eclipse.elk.graph.util.ElkGraphUtil;

/**
 * Auto-layout with Eclipse ELK's layered (Sugiyama) algorithm, left to right, the way cases are
 * read. Returns new top-left corners (snapped to the grid) for an {@code Edits.layout} command, so
 * a layout is undoable like any edit. Pure computation: safe to run off the FX thread.
 *
 * <pre>{@code
 * stack.execute(Edits.layout(AutoLayout.compute(stack.current())));
 * }</pre>
 */
public final class AutoLayout {
    public static final String ALGORITHM = "org.eclipse.elk.layered";
    public static final double NODE_SPACING = 40;
    public static final double LAYER_SPACING = 90;
    public static final double MARGIN = 40;
    /** Above this many stages the crossing minimisation is made cheaper so layout stays well under a second. */
    public static final int LARGE_GRAPH = 150;
    /** Above this many stages long rows are wrapped. */
    public static final int WRAP_ABOVE = 40;
    public static final double ASPECT_RATIO = 1.6;

    private static volatile boolean registered;

    private AutoLayout() {
    }

    private static void register() {
        if (!registered) {
            synchronized (AutoLayout.class) {
                if (!registered) {
                    LayoutMetaDataService.getInstance().registerLayoutMetaDataProviders(new LayeredMetaDataProvider());
                    registered = true;
                }
            }
        }
    }

    /** New positions for every stage of {@code definition}, by stage name. */
    public static Map<String, Layout> compute(CaseDefinition definition) {
        register();
        ElkNode root = ElkGraphUtil.createGraph();
        root.setProperty(CoreOptions.ALGORITHM, ALGORITHM);
        root.setProperty(CoreOptions.DIRECTION, Direction.RIGHT);
        root.setProperty(CoreOptions.EDGE_ROUTING, EdgeRouting.POLYLINE);
        root.setProperty(CoreOptions.SPACING_NODE_NODE, NODE_SPACING);
        root.setProperty(LayeredOptions.SPACING_NODE_NODE_BETWEEN_LAYERS, LAYER_SPACING);
        root.setProperty(LayeredOptions.SPACING_EDGE_NODE_BETWEEN_LAYERS, 20.0);
        root.setProperty(CoreOptions.SPACING_COMPONENT_COMPONENT, 60.0);
        root.setProperty(CoreOptions.PADDING, new ElkPadding(0));
        if (definition.stages().size() > LARGE_GRAPH) {
            root.setProperty(LayeredOptions.THOROUGHNESS, 1);
            root.setProperty(LayeredOptions.CROSSING_MINIMIZATION_GREEDY_SWITCH_TYPE, GreedySwitchType.OFF);
        }
        if (definition.stages().size() > WRAP_ABOVE) {
            // A long process would be one endless row; wrap it into rows that fill a screen-shaped area.
            root.setProperty(LayeredOptions.WRAPPING_STRATEGY, WrappingStrategy.MULTI_EDGE);
            root.setProperty(CoreOptions.ASPECT_RATIO, ASPECT_RATIO);
        }
        Map<String, ElkNode> nodes = new LinkedHashMap<>();
        for (StageDefinition stage : definition.stages()) {
            if (stage.name() == null || nodes.containsKey(stage.name())) {
                continue;
            }
            ElkNode node = ElkGraphUtil.createNode(root);
            node.setIdentifier(stage.name());
            node.setDimensions(NodeGeometry.WIDTH, NodeGeometry.HEIGHT);
            nodes.put(stage.name(), node);
        }
        if (definition.startStage() != null && nodes.containsKey(definition.startStage())) {
            nodes.get(definition.startStage()).setProperty(LayeredOptions.LAYERING_LAYER_CONSTRAINT,
                    LayerConstraint.FIRST);
        }
        Map<String, Integer> seen = new HashMap<>();
        for (TransitionDefinition t : definition.transitions()) {
            ElkNode from = nodes.get(t.from());
            ElkNode to = nodes.get(t.to());
            if (from == null || to == null || from == to || seen.merge(t.from() + "\u0000" + t.to(), 1, Integer::sum) > 1) {
                continue;
            }
            ElkGraphUtil.createSimpleEdge(from, to);
        }
        new RecursiveGraphLayoutEngine().layout(root, new BasicProgressMonitor());
        Map<String, Layout> result = new LinkedHashMap<>();
        for (Map.Entry<String, ElkNode> e : nodes.entrySet()) {
            ElkNode n = e.getValue();
            result.put(e.getKey(), new Layout(Grid.snap(MARGIN + n.getX(), Grid.DEFAULT_SIZE), Grid.snap(MARGIN + n.getY(), Grid.DEFAULT_SIZE)));
        }
        return result;
    }
}
