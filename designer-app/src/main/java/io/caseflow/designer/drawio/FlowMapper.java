package io.caseflow.designer.drawio;

import io.caseflow.definition.Layout;
import io.caseflow.definition.StageDefinition;
import io.caseflow.definition.StageKind;
import io.caseflow.definition.TransitionDefinition;
import io.caseflow.designer.editor.StagePicture;
import io.caseflow.validation.DefinitionValidator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Maps the picture to a case by the role each shape plays in the graph: a shape that arrows only
 * leave is where the case starts, a shape no arrow leaves is an end, everything else is a task
 * (a {@code kind} attribute says otherwise); connectors with an arrowhead are transitions in the
 * direction it points; pictures, notes and containers are not stages and are each reported once.
 * A page with shapes but no arrows between them, or mostly product icons, is not a flow: it is
 * refused in one sentence instead of imported as a graph of nonsense.
 */
final class FlowMapper {
    private final CellTree tree;
    private final Geometry geometry;
    private final LabelText labels;
    private final CellRoles roles;
    private final ImportIssues issues;

    private final List<RawCell> candidates = new ArrayList<>();
    private final Set<String> candidateIds = new HashSet<>();
    private final List<RawCell> edges = new ArrayList<>();
    private final List<RawCell> texts = new ArrayList<>();
    private final List<RawCell> lonelyIcons = new ArrayList<>();
    private final List<RawCell> containers = new ArrayList<>();
    private final List<Link> links = new ArrayList<>();
    private final Map<String, String> nameOf = new LinkedHashMap<>();
    private final UniqueNames taken = new UniqueNames();
    private int linesWithoutArrows;

    /** What the mapping gave: stages in file order, transitions, the start's name (or null), and why nothing was imported (or null). */
    record Mapped(List<StageDefinition> stages, List<TransitionDefinition> transitions, String start,
                  Map<String, String> lanes, Map<String, StagePicture> pictures, String refusal) {
    }

    FlowMapper(CellTree tree, Geometry geometry, LabelText labels, CellRoles roles, ImportIssues issues) {
        this.tree = tree;
        this.geometry = geometry;
        this.labels = labels;
        this.roles = roles;
        this.issues = issues;
    }

    Mapped map() {
        sort();
        readLinks();
        String refusal = refusal();
        if (refusal != null) {
            return new Mapped(List.of(), List.of(), null, Map.of(), Map.of(), refusal);
        }
        for (RawCell c : candidates) {
            nameOf.put(c.id(), name(c));
        }
        Map<String, Integer> in = new HashMap<>();
        Map<String, Integer> out = new HashMap<>();
        for (Link l : links) {
            out.merge(l.from().id(), 1, Integer::sum);
            in.merge(l.to().id(), 1, Integer::sum);
        }
        List<StageDefinition> stages = new ArrayList<>();
        Map<String, StagePicture> pictures = new LinkedHashMap<>();
        for (RawCell c : candidates) {
            String name = nameOf.get(c.id());
            int outgoing = out.getOrDefault(c.id(), 0);
            StageKind kind = StageProperties.kind(c.properties(), "stage '" + name + "'", issues);
            if (kind == null) {
                kind = outgoing == 0 ? StageKind.END : StageKind.TASK;
            }
            if (outgoing == 0 && in.getOrDefault(c.id(), 0) == 0 && !links.isEmpty()) {
                issues.page(ImportIssues.name(roles.role(c).word(), name, c.id())
                        + " has no arrows to or from it; it was imported as an end stage");
            }
            Geometry.Bounds b = geometry.bounds(c);
            stages.add(StageProperties.stage(name, kind, c.properties(), new Layout(b.x(), b.y()), issues));
            pictures.put(name, new StagePicture(c.style().text(), b.width(), b.height()));
            issues.account(c.id(), "stage '" + name + "'");
            RawCell carrier = roles.labelCarrier(c);
            if (carrier != null) {
                tree.children(c).forEach(child -> issues.account(child.id(), "the label of stage '" + name + "'"));
            }
        }
        String start = start(in, out);
        Map<String, String> lanes = ContainerReport.report(containers, candidates, nameOf, tree, labels, roles, issues);
        // The lane is part of where a stage is drawn, so it lives in the stage's layout (and goes back out on export).
        stages.replaceAll(s -> lanes.containsKey(s.name()) ? s.withLayout(s.layout().withLane(lanes.get(s.name()))) : s);
        List<TransitionDefinition> transitions = Outcomes.read(links, texts, tree, geometry, labels, nameOf, issues);
        for (RawCell icon : lonelyIcons) {
            issues.cell(icon.id(), ImportIssues.name("icon", labels.text(icon), icon.id())
                    + " is a picture with no arrows to or from it, not a stage; it was not imported");
        }
        return new Mapped(stages, transitions, start, lanes, pictures, null);
    }

    private void sort() {
        for (RawCell c : tree.cells()) {
            CellRole role = roles.role(c);
            if (role == null) {
                continue;
            }
            switch (role) {
                case SHAPE, DECISION -> candidates.add(c);
                case ICON -> (roles.connected(c) ? candidates : lonelyIcons).add(c);
                case TEXT -> texts.add(c);
                case EDGE -> edges.add(c);
                case POOL, LANE, GROUP, BACKDROP -> containers.add(c);
                case OTHER -> issues.cell(c.id(), ImportIssues.name("cell", labels.text(c), c.id())
                        + " is neither a shape nor a connector (it has no vertex=\"1\" or edge=\"1\"); it was not imported");
                case EDGE_LABEL, PARENT_LABEL -> {
                    // accounted for with their edge or shape
                }
            }
        }
        candidates.forEach(c -> candidateIds.add(c.id()));
    }

    private void readLinks() {
        for (RawCell edge : edges) {
            RawCell source = resolve(edge.source());
            RawCell target = resolve(edge.target());
            String what = Outcomes.edgeName(edge, tree, labels);
            String problem = null;
            if (source == null && target == null) {
                problem = "is connected to no shape at either end";
            } else if (source == null || target == null) {
                String end = source == null ? "source" : "target";
                String id = source == null ? edge.source() : edge.target();
                problem = id == null ? "has no " + end + " (that end is not connected to a shape)"
                        : "has " + end + " cell " + id + ", which is not in the page";
            } else if (!candidateIds.contains(source.id()) || !candidateIds.contains(target.id())) {
                RawCell other = !candidateIds.contains(source.id()) ? source : target;
                problem = (other == source ? "starts at " : "leads to ") + describe(other) + ", which is not a stage";
            } else if (!edge.style().endArrow() && !edge.style().startArrow()) {
                linesWithoutArrows++;
                problem = "has no arrowhead, so the line between " + describe(source) + " and " + describe(target)
                        + " does not say which way the case goes";
            }
            if (problem != null) {
                String sentence = what + " " + problem + "; it is not a transition and was not imported";
                issues.cell(edge.id(), sentence);
                tree.children(edge).forEach(child -> issues.cell(child.id(), sentence));
                continue;
            }
            if (!edge.style().endArrow()) {
                links.add(new Link(edge, target, source));
            } else {
                if (edge.style().startArrow()) {
                    issues.page(what + " has arrowheads at both ends; it was imported as " + describe(source) + " → " + describe(target));
                }
                links.add(new Link(edge, source, target));
            }
        }
    }

    private String refusal() {
        int shapes = candidates.size() + lonelyIcons.size();
        long icons = lonelyIcons.size() + candidates.stream().filter(c -> roles.role(c) == CellRole.ICON).count();
        String page = "page '" + issues.pageName() + "'";
        if (icons >= 3 && icons * 2 > shapes) {
            return page + " looks like an architecture picture (" + icons + " of its " + shapes
                    + " shapes are product icons or images), not a flow of stages; nothing was imported";
        }
        if (shapes >= 2 && links.isEmpty()) {
            return page + " does not look like a flow: its " + shapes + " shapes have no arrows between them"
                    + (linesWithoutArrows > 0 ? " (" + linesWithoutArrows + " lines without arrowheads)" : "")
                    + "; nothing was imported";
        }
        return null;
    }

    private RawCell resolve(String id) {
        RawCell c = tree.byId(id);
        if (c != null && roles.role(c) == CellRole.PARENT_LABEL) {
            return tree.container(c);
        }
        return c;
    }

    private String describe(RawCell c) {
        CellRole role = roles.role(c);
        return ImportIssues.name(role == null ? "cell" : role.word(), labels.text(c), c.id());
    }

    private String name(RawCell c) {
        RawCell carrier = roles.labelCarrier(c);
        String text = labels.text(carrier != null ? carrier : c);
        if (text.length() > DefinitionValidator.MAX_STAGE_NAME_LENGTH) {
            issues.page("the label '" + text.substring(0, 40) + "...' is longer than " + DefinitionValidator.MAX_STAGE_NAME_LENGTH
                    + " characters; the stage name was cut to that length");
            text = text.substring(0, DefinitionValidator.MAX_STAGE_NAME_LENGTH).strip();
        }
        if (text.isEmpty()) {
            String base = roles.role(c) == CellRole.DECISION ? "decision" : looksLikeStart(c) ? "start" : "stage";
            String name = taken.numbered(base);
            issues.page(ImportIssues.name(roles.role(c).word(), "", c.id()) + " was named '" + name + "'");
            return name;
        }
        if (taken.isTaken(text)) {
            String name = taken.unique(text);
            issues.page("two shapes are labelled '" + text + "'; the second one was named '" + name + "'");
            return name;
        }
        return taken.unique(text);
    }

    private String start(Map<String, Integer> in, Map<String, Integer> out) {
        if (candidates.isEmpty()) {
            return null;
        }
        List<RawCell> sources = candidates.stream()
                .filter(c -> in.getOrDefault(c.id(), 0) == 0 && out.getOrDefault(c.id(), 0) > 0).toList();
        Comparator<RawCell> preferred = Comparator.<RawCell, Boolean>comparing(c -> !looksLikeStart(c))
                .thenComparingDouble(c -> geometry.bounds(c).y()).thenComparingDouble(c -> geometry.bounds(c).x());
        if (sources.size() == 1) {
            return nameOf.get(sources.get(0).id());
        }
        if (sources.size() > 1) {
            RawCell start = sources.stream().min(preferred).orElseThrow();
            List<String> names = sources.stream().map(c -> "'" + nameOf.get(c.id()) + "'").limit(5).toList();
            issues.page(String.join(", ", names) + (sources.size() > 5 ? " and others" : "")
                    + " have no arrows coming in; '" + nameOf.get(start.id()) + "' was taken as the start");
            return nameOf.get(start.id());
        }
        List<RawCell> leaving = candidates.stream().filter(c -> out.getOrDefault(c.id(), 0) > 0).toList();
        RawCell start = (leaving.isEmpty() ? candidates : leaving).stream()
                .min(Comparator.<RawCell, Boolean>comparing(c -> !looksLikeStart(c)).thenComparingInt(RawCell::index)).orElseThrow();
        if (!links.isEmpty()) {
            issues.page("every shape has an arrow coming in, so none is clearly the start; '" + nameOf.get(start.id())
                    + "' was taken as the start");
        }
        return nameOf.get(start.id());
    }

    /** Start-like shapes: ellipses, terminators, flowchart and BPMN start events. */
    static boolean looksLikeStart(RawCell c) {
        String shape = c.style().shape();
        return shape.equals("ellipse") || shape.contains("terminator") || shape.startsWith("mxgraph.flowchart.start")
                || (shape.equals("mxgraph.bpmn.event") || shape.equals("mxgraph.bpmn.shape"))
                && "standard".equals(c.style().get("outline"));
    }
}
