package io.caseflow.designer.drawio;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Tells what each cell of a page is ({@link CellRole}) from its style, its place in the tree and
 * the picture: swimlanes are pools and lanes, groups and frames hold shapes, a shape drawn around
 * others with no arrow attached is a backdrop, cloud icons and images are pictures, a text child
 * that carries its empty parent's label is that label.
 */
final class CellRoles {
    /** Containment checks made when looking for backdrops; past this a page is too big to look at that closely. */
    static final long MAX_BACKDROP_CHECKS = 5_000_000;
    private static final List<String> ICON_LIBRARIES = List.of("mxgraph.aws", "mxgraph.azure", "mxgraph.gcp", "mxgraph.cisco",
            "mxgraph.kubernetes", "mxgraph.office", "mxgraph.network", "mxgraph.veeam", "mxgraph.alibaba", "mxgraph.ibm",
            "mxgraph.openstack", "mxgraph.citrix", "mxgraph.vvd", "mxgraph.salesforce", "mxgraph.webicons", "mxgraph.signs",
            "mxgraph.cumulus", "mxgraph.mscae", "mxgraph.rack");

    private final Map<String, CellRole> roles = new HashMap<>();
    private final Map<String, RawCell> labelCarrier = new HashMap<>();
    private final Set<String> connected;

    private CellRoles(Set<String> connected) {
        this.connected = connected;
    }

    static CellRoles of(CellTree tree, Geometry geometry, LabelText labels) {
        Set<String> connected = new HashSet<>();
        for (RawCell c : tree.cells()) {
            if (c.isEdge()) {
                if (c.source() != null) {
                    connected.add(c.source());
                }
                if (c.target() != null) {
                    connected.add(c.target());
                }
            }
        }
        CellRoles r = new CellRoles(connected);
        for (RawCell c : tree.cells()) {
            if (!tree.isStructure(c)) {
                r.roles.put(c.id(), r.classify(c, tree, labels));
            }
        }
        r.findBackdrops(tree, geometry);
        return r;
    }

    CellRole role(RawCell c) {
        return roles.get(c.id());
    }

    boolean connected(RawCell c) {
        return connected.contains(c.id());
    }

    /** The child whose text is this shape's label, if the shape's label sits on a child. */
    RawCell labelCarrier(RawCell c) {
        return labelCarrier.get(c.id());
    }

    private CellRole classify(RawCell c, CellTree tree, LabelText labels) {
        if (c.isEdge()) {
            return CellRole.EDGE;
        }
        if (!c.vertex()) {
            return CellRole.OTHER;
        }
        RawCell container = tree.container(c);
        if (container != null && container.isEdge()) {
            return CellRole.EDGE_LABEL;
        }
        if (roles.get(c.id()) == CellRole.PARENT_LABEL) {
            return CellRole.PARENT_LABEL;
        }
        DrawioStyle style = c.style();
        String shape = style.shape();
        if (isSwimlane(style)) {
            boolean pool = "stackLayout".equals(style.get("childLayout")) || shape.contains("pool")
                    || tree.children(c).stream().anyMatch(child -> isSwimlane(child.style()));
            return pool ? CellRole.POOL : CellRole.LANE;
        }
        if (style.has("group") || shape.equals("umlframe") || shape.contains(".group")
                || shape.equals("mxgraph.sysml.package")) {
            return CellRole.GROUP;
        }
        if (isText(style)) {
            return CellRole.TEXT;
        }
        List<RawCell> shapes = tree.children(c).stream().filter(RawCell::isVertex).toList();
        if (!shapes.isEmpty()) {
            if (labels.text(c).isEmpty() && shapes.stream().allMatch(s -> (isText(s.style()) || isIcon(s.style()))
                    && tree.children(s).isEmpty())) {
                RawCell carrier = shapes.stream().filter(s -> !labels.text(s).isEmpty()).findFirst().orElse(null);
                if (carrier != null) {
                    labelCarrier.put(c.id(), carrier);
                    shapes.forEach(s -> roles.put(s.id(), CellRole.PARENT_LABEL));
                    return role(style);
                }
            }
            return CellRole.GROUP;
        }
        return role(style);
    }

    private static CellRole role(DrawioStyle style) {
        if (isIcon(style)) {
            return CellRole.ICON;
        }
        String shape = style.shape();
        if (shape.equals("rhombus") || shape.equals("mxgraph.flowchart.decision") || shape.startsWith("mxgraph.bpmn.gateway")
                || "gateway".equals(style.get("symbol")) || shape.equals("mxgraph.flowchart.or")
                || shape.equals("mxgraph.flowchart.summing_function")) {
            return CellRole.DECISION;
        }
        return CellRole.SHAPE;
    }

    static boolean isSwimlane(DrawioStyle style) {
        return style.has("swimlane") || style.shape().equals("swimlane") || style.shape().equals("mxgraph.bpmn.pool")
                || style.shape().equals("mxgraph.bpmn.lane");
    }

    static boolean isText(DrawioStyle style) {
        return style.has("text") || style.shape().equals("text") || style.has("edgeLabel")
                || style.shape().startsWith("mxgraph.flowchart.annotation") || style.shape().equals("note");
    }

    static boolean isIcon(DrawioStyle style) {
        String shape = style.shape();
        if (shape.equals("image") || style.has("image") || style.get("image") != null && style.get("shape") == null) {
            return true;
        }
        return ICON_LIBRARIES.stream().anyMatch(shape::startsWith) && !shape.contains("group");
    }

    /** A shape or icon with no arrow attached that holds other shapes inside its outline is a backdrop. */
    private void findBackdrops(CellTree tree, Geometry geometry) {
        List<RawCell> candidates = new ArrayList<>();
        List<RawCell> others = new ArrayList<>();
        for (RawCell c : tree.cells()) {
            CellRole role = roles.get(c.id());
            if (role == CellRole.SHAPE || role == CellRole.ICON || role == CellRole.TEXT || role == CellRole.DECISION) {
                others.add(c);
                if (role != CellRole.TEXT && !connected.contains(c.id())) {
                    candidates.add(c);
                }
            }
        }
        if (candidates.isEmpty() || others.size() < 2) {
            return;
        }
        long checks = 0;
        for (RawCell b : candidates) {
            Geometry.Bounds outer = geometry.bounds(b);
            for (RawCell o : others) {
                if (++checks > MAX_BACKDROP_CHECKS) {
                    return;
                }
                if (o != b && outer.contains(geometry.bounds(o))) {
                    roles.put(b.id(), CellRole.BACKDROP);
                    break;
                }
            }
        }
    }
}
