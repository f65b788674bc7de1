package io.caseflow.designer.drawio;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The labels of each connector, as a reader of the picture sees them: the connector's own text,
 * then its label children (the one nearest the middle first), then free text drawn next to it
 * (the nearest connector whose path passes within {@link #NEAR} px of the text's box).
 */
final class EdgeLabels {
    /** How close free text must be to a connector's path to be read as its label. */
    static final double NEAR = 40;
    /** Text-to-path distance checks made in all; past this, remaining free text stays a note. */
    static final long MAX_CHECKS = 3_000_000;

    /** One label: its text and the cell it came from. */
    record Label(String text, RawCell cell) {
    }

    private final Map<String, List<Label>> labels = new LinkedHashMap<>();

    private EdgeLabels() {
    }

    /**
     * @param edges the connectors that became transitions (free text attaches only to these)
     * @param texts free text cells; those read as a label are removed from this list
     */
    static EdgeLabels of(List<RawCell> edges, List<RawCell> texts, CellTree tree, Geometry geometry, LabelText labelText) {
        EdgeLabels result = new EdgeLabels();
        for (RawCell edge : edges) {
            List<Label> list = new ArrayList<>();
            String own = labelText.text(edge);
            if (!own.isEmpty()) {
                list.add(new Label(own, edge));
            }
            tree.children(edge).stream().filter(RawCell::isVertex)
                    .sorted(Comparator.comparingDouble(c -> Math.abs(relativeX(c))))
                    .forEach(c -> {
                        String text = labelText.text(c);
                        list.add(new Label(text, c));
                    });
            result.labels.put(edge.id(), list);
        }
        long checks = 0;
        Map<RawCell, RawCell> nearest = new LinkedHashMap<>();
        for (RawCell text : texts) {
            if (labelText.text(text).isEmpty()) {
                continue;
            }
            Geometry.Bounds box = geometry.bounds(text);
            RawCell best = null;
            double bestDistance = NEAR;
            for (RawCell edge : edges) {
                checks += geometry.path(edge).size();
                if (checks > MAX_CHECKS) {
                    break;
                }
                double d = Geometry.distance(box, geometry.path(edge));
                if (d <= bestDistance) {
                    bestDistance = d;
                    best = edge;
                }
            }
            if (best != null) {
                nearest.put(text, best);
            }
        }
        for (Map.Entry<RawCell, RawCell> e : nearest.entrySet()) {
            result.labels.get(e.getValue().id()).add(new Label(labelText.text(e.getKey()), e.getKey()));
        }
        texts.removeAll(nearest.keySet());
        return result;
    }

    /** The edge's labels in the order they count: the first non-empty one is the outcome. */
    List<Label> of(RawCell edge) {
        return labels.getOrDefault(edge.id(), List.of());
    }

    private static double relativeX(RawCell c) {
        if (c.geometry() == null) {
            return 0;
        }
        try {
            return Double.parseDouble(c.geometry().getAttribute("x"));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
