package io.caseflow.designer.drawio;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The text a cell shows, as draw.io renders it: {@code %name%} placeholders filled from the
 * attributes of the cell's {@code <object>} (then of its containers', then {@code %page%}) when the
 * cell has {@code placeholders="1"}; an HTML label ({@code html=1}) read by {@link HtmlText}; a plain
 * one split at its line breaks. A placeholder nothing fills is left as written and reported.
 */
final class LabelText {
    /** Containers searched for a placeholder's value; draw.io's own nesting is a handful. */
    static final int MAX_PLACEHOLDER_DEPTH = 50;
    private static final Pattern PLACEHOLDER = Pattern.compile("%([A-Za-z0-9_.\\-]+)%");

    private final CellTree tree;
    private final ImportIssues issues;
    private final Map<String, List<String>> lines = new HashMap<>();

    LabelText(CellTree tree, ImportIssues issues) {
        this.tree = tree;
        this.issues = issues;
    }

    /** The lines the cell shows. */
    List<String> lines(RawCell cell) {
        List<String> known = lines.get(cell.id());
        if (known != null) {
            return known;
        }
        String label = cell.label() == null ? "" : cell.label();
        if (cell.placeholders() && label.indexOf('%') >= 0) {
            label = substitute(cell, label);
        }
        List<String> result = List.copyOf(cell.style().html() ? HtmlText.lines(label) : HtmlText.plainLines(label));
        lines.put(cell.id(), result);
        return result;
    }

    /** The text on one line, as a person would name the thing: lines joined by a space. */
    String text(RawCell cell) {
        return String.join(" ", lines(cell));
    }

    /** How a sentence names the cell: {@code shape 'Check order'}, or its id when it shows no text. */
    String name(RawCell cell) {
        return ImportIssues.name(cell.isEdge() ? "connector" : "shape", text(cell), cell.id());
    }

    private String substitute(RawCell cell, String label) {
        Matcher m = PLACEHOLDER.matcher(label);
        StringBuilder out = new StringBuilder();
        List<String> missing = new ArrayList<>();
        while (m.find()) {
            String value = value(cell, m.group(1));
            if (value == null) {
                missing.add(m.group(1));
                value = m.group();
            } else if (cell.style().html()) {
                value = HtmlText.escape(value);
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        String result = out.toString().replace("%%", "%");
        if (!missing.isEmpty()) {
            issues.page(ImportIssues.name(cell.isEdge() ? "connector" : "shape", HtmlText.strip(result), cell.id())
                    + " shows placeholder(s) " + String.join(", ", missing.stream().map(n -> "%" + n + "%").toList())
                    + " that no attribute fills; they were kept as written");
        }
        return result;
    }

    private String value(RawCell cell, String name) {
        RawCell c = cell;
        for (int depth = 0; c != null && depth < MAX_PLACEHOLDER_DEPTH; depth++) {
            String v = "label".equals(name) || "id".equals(name) ? null : c.wrapper().get(name);
            if (v != null) {
                return v;
            }
            c = tree.container(c);
            if (c == null && tree.root() != null && tree.root() != cell) {
                String rootValue = tree.root().wrapper().get(name);
                if (rootValue != null) {
                    return rootValue;
                }
            }
        }
        if ("page".equals(name) || "pagename".equals(name)) {
            return issues.pageName();
        }
        if ("id".equals(name)) {
            return cell.id();
        }
        return null;
    }
}
