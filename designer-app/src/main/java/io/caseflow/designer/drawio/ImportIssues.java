package io.caseflow.designer.drawio;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one page's import could not map as drawn, one sentence each ("page 'Orders': text 'see
 * note' is not a stage; ..."), and what became of every cell: a stage, a transition, a label of
 * one, the page's structure, or the issue that names it. A sentence names a cell by its label and
 * kind; the id is added only where there is no label to go by.
 */
final class ImportIssues {
    private final String pageName;
    private final List<String> issues = new ArrayList<>();
    private final Map<String, String> fates = new LinkedHashMap<>();

    ImportIssues(String pageName) {
        this.pageName = pageName;
    }

    String pageName() {
        return pageName;
    }

    /** An issue about the page as a whole, or about something that is not a cell. */
    void page(String sentence) {
        issues.add("page '" + pageName + "': " + sentence);
    }

    /** An issue about {@code cellId}; the cell counts as accounted for by it. */
    void cell(String cellId, String sentence) {
        page(sentence);
        fates.putIfAbsent(cellId, "issue: " + sentence);
    }

    /** Records what became of a cell that was imported ("stage 'Check order'", "transition a → b"). */
    void account(String cellId, String fate) {
        fates.put(cellId, fate);
    }

    boolean accounted(String cellId) {
        return fates.containsKey(cellId);
    }

    List<String> issues() {
        return List.copyOf(issues);
    }

    Map<String, String> fates() {
        return Map.copyOf(fates);
    }

    /** How a sentence names a cell: {@code shape 'Check order'}, or {@code a shape without a label (id 7)}. */
    static String name(String kind, String text, String id) {
        if (text == null || text.isBlank()) {
            return ("aeiou".indexOf(kind.charAt(0)) >= 0 ? "an " : "a ") + kind + " without a label (id " + id + ")";
        }
        String shown = text.length() > 60 ? text.substring(0, 57) + "..." : text;
        return kind + " '" + shown + "'";
    }
}
