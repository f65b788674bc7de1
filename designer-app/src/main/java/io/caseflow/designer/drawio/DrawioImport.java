package io.caseflow.designer.drawio;

import static io.caseflow.designer.drawio.DrawioAttributes.*;

import io.caseflow.definition.CaseDefinition;
import io.caseflow.definition.Layout;
import io.caseflow.definition.RetryPolicy;
import io.caseflow.definition.StageDefinition;
import io.caseflow.definition.StageKind;
import io.caseflow.definition.TransitionDefinition;
import io.caseflow.designer.editor.Durations;
import io.caseflow.designer.editor.Names;
import io.caseflow.validation.DefinitionValidator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * Turns one draw.io page into a case: vertices become stages (label → name, HTML stripped;
 * attributes of an {@code <object>} wrapper → stage properties), edges become transitions (label →
 * outcome). The root is the cell without a parent, whatever its id. Whatever cannot be mapped — an
 * edge with a missing end, a shape inside a group, an unknown attribute, a bad value — is listed in
 * {@link Result#issues()}, never silently dropped.
 */
public final class DrawioImport {

    /** The case read from the page, and one sentence per thing that could not be mapped as drawn. */
    public record Result(CaseDefinition definition, List<String> issues) {
    }

    private record Cell(String id, String parent, boolean vertex, boolean edge, String source, String target,
                        String style, String label, Map<String, String> attributes, Element geometry) {
        String describe() {
            String text = HtmlText.strip(label);
            return (edge ? "edge" : "shape") + (text.isEmpty() ? "" : " '" + text + "'") + " (id " + id + ")";
        }

        double x() {
            return number(geometry, "x");
        }

        double y() {
            return number(geometry, "y");
        }
    }

    private final List<String> issues = new ArrayList<>();
    private final String pageName;

    private DrawioImport(String pageName) {
        this.pageName = pageName;
    }

    /** Imports {@code page}; {@code fallbackName} names the case when the page does not say (usually the file name). */
    public static Result importPage(DrawioPage page, String fallbackName) {
        return new DrawioImport(page.name()).run(page.graphModel(), fallbackName);
    }

    private Result run(Element model, String fallbackName) {
        List<Cell> cells = cells(model);
        Map<String, Cell> byId = new LinkedHashMap<>();
        for (Cell c : cells) {
            if (byId.putIfAbsent(c.id, c) != null) {
                issue("two cells have id " + c.id + "; the second one was ignored");
            }
        }
        List<Cell> roots = cells.stream().filter(c -> c.parent == null).toList();
        Cell root = roots.isEmpty() ? null : roots.get(0);
        if (roots.size() > 1) {
            issue(roots.size() + " cells have no parent; cell " + root.id + " was taken as the root");
        }
        Set<String> layers = new HashSet<>();
        for (Cell c : cells) {
            if (root != null && root.id.equals(c.parent) && !c.vertex && !c.edge) {
                layers.add(c.id);
            }
        }
        Set<String> containers = new HashSet<>();
        for (Cell c : cells) {
            Cell parent = c.parent == null ? null : byId.get(c.parent);
            if ((c.vertex || c.edge) && parent != null && parent.vertex) {
                containers.add(parent.id);
            }
        }

        Map<String, String> stageByCell = new HashMap<>();
        Set<String> taken = new HashSet<>();
        List<StageDefinition> stages = new ArrayList<>();
        Map<String, List<String>> edgeLabels = new HashMap<>();
        for (Cell c : cells) {
            if (!c.vertex || c == root) {
                continue;
            }
            Cell parent = c.parent == null ? null : byId.get(c.parent);
            if (parent != null && parent.edge) {
                edgeLabels.computeIfAbsent(parent.id, k -> new ArrayList<>()).add(HtmlText.strip(c.label));
                continue;
            }
            if (containers.contains(c.id)) {
                issue("group " + c.describe() + " is not a stage; the shapes inside it were imported on their own");
                continue;
            }
            if (isText(c)) {
                issue("text " + c.describe() + " is not a stage; it was not imported");
                continue;
            }
            double x = c.x();
            double y = c.y();
            if (parent == null && c.parent != null) {
                issue(c.describe() + " names parent " + c.parent + ", which is not in the page; it was imported on the top level");
            } else if (parent != null && !layers.contains(parent.id) && parent != root) {
                Cell group = parent;
                while (group != null && !layers.contains(group.id) && group != root) {
                    x += group.x();
                    y += group.y();
                    group = group.parent == null ? null : byId.get(group.parent);
                }
                issue(c.describe() + " is inside group " + parent.describe() + "; it was imported at its place on the page, without the group");
            }
            StageDefinition stage = stage(c, x, y, taken);
            taken.add(stage.name());
            stageByCell.put(c.id, stage.name());
            stages.add(stage);
        }

        List<TransitionDefinition> transitions = new ArrayList<>();
        for (Cell c : cells) {
            if (!c.edge) {
                continue;
            }
            String from = endpoint(c, c.source, "source", stageByCell, byId);
            String to = endpoint(c, c.target, "target", stageByCell, byId);
            if (from == null || to == null) {
                continue;
            }
            String outcome = c.attributes.getOrDefault(OUTCOME, HtmlText.strip(c.label));
            if (outcome.isBlank() && edgeLabels.containsKey(c.id)) {
                outcome = String.join(" ", edgeLabels.get(c.id)).strip();
            }
            transitions.add(new TransitionDefinition(from, to, outcome));
            c.attributes.keySet().stream().filter(k -> !OUTCOME.equals(k))
                    .forEach(k -> issue(c.describe() + ": attribute '" + k + "' is not a transition property; it was ignored"));
        }

        Map<String, String> caseAttributes = root == null ? Map.of() : root.attributes;
        String name = caseAttributes.getOrDefault(CASE_NAME, identifier(fallbackName));
        String api = caseAttributes.getOrDefault(CASE_API, "v1");
        String description = caseAttributes.get(CASE_DESCRIPTION);
        int version = 0;
        if (caseAttributes.containsKey(CASE_VERSION)) {
            try {
                version = Integer.parseInt(caseAttributes.get(CASE_VERSION).strip());
            } catch (NumberFormatException e) {
                issue("the page's version '" + caseAttributes.get(CASE_VERSION) + "' is not a whole number; it was ignored");
            }
        }
        String start = caseAttributes.get(START_STAGE);
        if (start == null) {
            start = guessStart(stages, transitions);
        }
        for (String key : caseAttributes.keySet()) {
            if (!Set.of(CASE_NAME, CASE_API, CASE_DESCRIPTION, CASE_VERSION, START_STAGE).contains(key)) {
                issue("the page's attribute '" + key + "' is not a case property; it was ignored");
            }
        }
        return new Result(new CaseDefinition(name, api, version, description, start, stages, transitions), List.copyOf(issues));
    }

    private String endpoint(Cell edge, String id, String end, Map<String, String> stageByCell, Map<String, Cell> byId) {
        if (id == null) {
            issue(edge.describe() + " has no " + end + "; it was not imported as a transition");
            return null;
        }
        String stage = stageByCell.get(id);
        if (stage == null) {
            Cell other = byId.get(id);
            issue(edge.describe() + ": its " + end + " " + (other == null ? "(id " + id + ") is not in the page"
                    : other.describe() + " is not a stage") + "; it was not imported as a transition");
        }
        return stage;
    }

    private StageDefinition stage(Cell c, double x, double y, Set<String> taken) {
        String label = HtmlText.strip(c.label);
        String name = label;
        if (name.isEmpty()) {
            name = Names.numbered("stage", taken);
            issue("shape (id " + c.id + ") has no label; it was named '" + name + "'");
        } else if (taken.contains(name)) {
            name = Names.unique(name, taken);
            issue("two shapes are labelled '" + label + "'; the one with id " + c.id + " was named '" + name + "'");
        }
        String what = "stage '" + name + "'";
        Map<String, String> a = c.attributes;
        StageKind kind = null;
        if (a.containsKey(KIND)) {
            try {
                kind = StageKind.fromJson(a.get(KIND));
            } catch (IllegalArgumentException e) {
                issue(what + ": " + e.getMessage());
            }
        }
        if (kind == null) {
            String style = c.style == null ? "" : c.style.toLowerCase(Locale.ROOT);
            if (style.startsWith("ellipse") || style.contains("shape=ellipse") || style.contains("doubleellipse")
                    || style.contains("terminator") || style.contains("endstate")) {
                kind = StageKind.END;
            } else if (a.containsKey(SERVICE)) {
                kind = StageKind.SERVICE;
            } else {
                kind = StageKind.TASK;
            }
        }
        Duration timeout = duration(a, TIMEOUT, what);
        Duration replyTimeout = duration(a, REPLY_TIMEOUT, what);
        RetryPolicy retry = null;
        if (a.keySet().stream().anyMatch(k -> k.startsWith("retry."))) {
            Integer attempts = null;
            Double multiplier = null;
            try {
                attempts = a.containsKey(RETRY_ATTEMPTS) ? Integer.valueOf(a.get(RETRY_ATTEMPTS).strip()) : null;
            } catch (NumberFormatException e) {
                issue(what + ": " + RETRY_ATTEMPTS + " '" + a.get(RETRY_ATTEMPTS) + "' is not a whole number; the default was used");
            }
            try {
                multiplier = a.containsKey(RETRY_MULTIPLIER) ? Double.valueOf(a.get(RETRY_MULTIPLIER).strip()) : null;
            } catch (NumberFormatException e) {
                issue(what + ": " + RETRY_MULTIPLIER + " '" + a.get(RETRY_MULTIPLIER) + "' is not a number; the default was used");
            }
            retry = new RetryPolicy(attempts, duration(a, RETRY_BACKOFF, what), multiplier, duration(a, RETRY_MAX_BACKOFF, what));
        }
        for (String key : a.keySet()) {
            if (!STAGE.contains(key)) {
                issue(what + ": attribute '" + key + "' is not a stage property; it was ignored");
            }
        }
        return new StageDefinition(name, kind, a.get(HANDLER), a.get(SERVICE), a.get(COMMAND), timeout, replyTimeout, retry,
                new Layout(x, y));
    }

    private Duration duration(Map<String, String> a, String key, String what) {
        String value = a.get(key);
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Durations.parse(value);
        } catch (IllegalArgumentException e) {
            issue(what + ": " + key + ": " + e.getMessage() + "; the default was used");
            return null;
        }
    }

    private static boolean isText(Cell c) {
        String style = c.style == null ? "" : c.style;
        return (style.startsWith("text;") || style.equals("text") || style.contains(";text;")) && !c.attributes.containsKey(KIND);
    }

    private static String guessStart(List<StageDefinition> stages, List<TransitionDefinition> transitions) {
        Set<String> targets = new HashSet<>();
        transitions.forEach(t -> targets.add(t.to()));
        return stages.stream().map(StageDefinition::name).filter(n -> !targets.contains(n)).findFirst()
                .orElse(stages.isEmpty() ? null : stages.get(0).name());
    }

    /** A case name from a file or page name: {@code "Order flow.drawio"} → {@code "Order-flow"}. */
    static String identifier(String text) {
        String base = text == null ? "" : text.replaceFirst("(?i)\\.drawio$", "").replaceFirst("(?i)\\.xml$", "");
        String cleaned = base.strip().replaceAll("[^A-Za-z0-9_.-]+", "-").replaceAll("^[^A-Za-z0-9]+", "");
        cleaned = cleaned.length() > 100 ? cleaned.substring(0, 100) : cleaned;
        return cleaned.isEmpty() || !DefinitionValidator.IDENTIFIER.matcher(cleaned).matches() ? "imported" : cleaned;
    }

    private void issue(String text) {
        issues.add("page '" + pageName + "': " + text);
    }

    private List<Cell> cells(Element model) {
        Element rootElement = null;
        for (Node n = model.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && "root".equals(e.getTagName())) {
                rootElement = e;
            }
        }
        List<Cell> cells = new ArrayList<>();
        if (rootElement == null) {
            issue("the page has no <root> element, so it holds no shapes");
            return cells;
        }
        int synthetic = 0;
        for (Node n = rootElement.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (!(n instanceof Element e)) {
                continue;
            }
            Element cell;
            String label;
            Map<String, String> attributes = new LinkedHashMap<>();
            String id;
            if ("mxCell".equals(e.getTagName())) {
                cell = e;
                id = e.getAttribute("id");
                label = e.getAttribute("value");
            } else if ("object".equals(e.getTagName()) || "UserObject".equals(e.getTagName())) {
                cell = child(e, "mxCell");
                id = e.getAttribute("id");
                label = e.getAttribute("label");
                NamedNodeMap map = e.getAttributes();
                for (int i = 0; i < map.getLength(); i++) {
                    Node attr = map.item(i);
                    if (!DrawioAttributes.DRAWIO_OWN.contains(attr.getNodeName())) {
                        attributes.put(attr.getNodeName(), attr.getNodeValue());
                    }
                }
                if (cell == null) {
                    issue("<" + e.getTagName() + "> with id " + id + " has no <mxCell>; it was not imported");
                    continue;
                }
            } else {
                issue("<" + e.getTagName() + "> is not a draw.io cell; it was not imported");
                continue;
            }
            if (id.isBlank()) {
                id = "#" + (++synthetic);
            }
            cells.add(new Cell(id, blankToNull(cell.getAttribute("parent")), "1".equals(cell.getAttribute("vertex")),
                    "1".equals(cell.getAttribute("edge")), blankToNull(cell.getAttribute("source")),
                    blankToNull(cell.getAttribute("target")), cell.getAttribute("style"), label, attributes,
                    child(cell, "mxGeometry")));
        }
        return cells;
    }

    private static Element child(Element parent, String tag) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && tag.equals(e.getTagName())) {
                return e;
            }
        }
        return null;
    }

    private static double number(Element geometry, String attribute) {
        if (geometry == null || geometry.getAttribute(attribute).isBlank()) {
            return 0;
        }
        try {
            return Double.parseDouble(geometry.getAttribute(attribute));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
