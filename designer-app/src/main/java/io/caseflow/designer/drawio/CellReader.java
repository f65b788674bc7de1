package io.caseflow.designer.drawio;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/** Reads the cells of one page's {@code <mxGraphModel>}, at most {@link #MAX_CELLS}; what is not a cell is an issue. */
final class CellReader {
    /** Cells read from one page; draw.io itself becomes unusable long before. */
    static final int MAX_CELLS = 250_000;

    private CellReader() {
    }

    static List<RawCell> read(Element model, ImportIssues issues) {
        Element rootElement = child(model, "root");
        List<RawCell> cells = new ArrayList<>();
        if (rootElement == null) {
            issues.page("the page has no <root> element, so it holds no shapes");
            return cells;
        }
        int synthetic = 0;
        int skipped = 0;
        for (Node n = rootElement.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (!(n instanceof Element e)) {
                continue;
            }
            if (cells.size() >= MAX_CELLS) {
                skipped++;
                continue;
            }
            Element cell;
            String label;
            Map<String, String> wrapper = new LinkedHashMap<>();
            Map<String, String> properties = new LinkedHashMap<>();
            String id;
            switch (e.getTagName()) {
                case "mxCell" -> {
                    cell = e;
                    id = e.getAttribute("id");
                    label = e.getAttribute("value");
                }
                case "object", "UserObject" -> {
                    cell = child(e, "mxCell");
                    id = e.getAttribute("id");
                    label = e.getAttribute("label");
                    NamedNodeMap map = e.getAttributes();
                    for (int i = 0; i < map.getLength(); i++) {
                        Node attr = map.item(i);
                        wrapper.put(attr.getNodeName(), attr.getNodeValue());
                        boolean shown = "1".equals(e.getAttribute("placeholders")) && label.contains("%" + attr.getNodeName() + "%");
                        if (!DrawioAttributes.DRAWIO_OWN.contains(attr.getNodeName()) && !shown) {
                            properties.put(attr.getNodeName(), attr.getNodeValue());
                        }
                    }
                    if (cell == null) {
                        String text = HtmlText.strip(label);
                        issues.page("<" + e.getTagName() + ">" + (text.isEmpty() ? "" : " '" + text + "'") + " (id " + id
                                + ") has no <mxCell> inside, so it is neither a shape nor a connector; it was not imported");
                        continue;
                    }
                }
                default -> {
                    issues.page("<" + e.getTagName() + "> is not a draw.io cell; it was not imported");
                    continue;
                }
            }
            if (id.isBlank()) {
                id = "#" + (++synthetic);
            }
            cells.add(new RawCell(cells.size(), id, blankToNull(cell.getAttribute("parent")), "1".equals(cell.getAttribute("vertex")),
                    "1".equals(cell.getAttribute("edge")), blankToNull(cell.getAttribute("source")),
                    blankToNull(cell.getAttribute("target")), DrawioStyle.parse(cell.getAttribute("style")), label,
                    "1".equals(wrapper.get("placeholders")), Map.copyOf(wrapper), properties, child(cell, "mxGeometry")));
        }
        if (skipped > 0) {
            issues.page("the page has " + (cells.size() + skipped) + " cells; only the first " + MAX_CELLS + " were read and "
                    + skipped + " were not imported");
        }
        return cells;
    }

    static Element child(Element parent, String tag) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && tag.equals(e.getTagName())) {
                return e;
            }
        }
        return null;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
