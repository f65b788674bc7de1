package io.caseflow.designer.drawio;

import static io.caseflow.designer.drawio.DrawioAttributes.OUTCOME;

import io.caseflow.definition.TransitionDefinition;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns links into transitions with outcomes read from their labels ({@link EdgeLabels}): the
 * first label is the outcome, a second one is reported. Two arrows leaving one stage with the same
 * outcome would be ambiguous, so the later one gets its own (its label numbered, or the name of the
 * stage it leads to when it has no label), and the user is told.
 */
final class Outcomes {
    private Outcomes() {
    }

    static List<TransitionDefinition> read(List<Link> links, List<RawCell> texts, CellTree tree, Geometry geometry,
                                           LabelText labels, Map<String, String> nameOf, ImportIssues issues) {
        List<RawCell> free = new ArrayList<>(texts);
        EdgeLabels edgeLabels = EdgeLabels.of(links.stream().map(Link::edge).toList(), free, tree, geometry, labels);
        for (RawCell text : free) {
            issues.cell(text.id(), ImportIssues.name("text", labels.text(text), text.id())
                    + " is a note, neither a stage nor next to an arrow; it was not imported");
        }
        Map<String, UniqueNames> used = new HashMap<>();
        List<TransitionDefinition> transitions = new ArrayList<>();
        for (Link link : links) {
            RawCell edge = link.edge();
            String from = nameOf.get(link.from().id());
            String to = nameOf.get(link.to().id());
            String arrow = "the arrow from '" + from + "' to '" + to + "'";
            String outcome = edge.properties().get(OUTCOME);
            boolean fromAttribute = outcome != null;
            for (EdgeLabels.Label label : edgeLabels.of(edge)) {
                RawCell cell = label.cell();
                if (label.text().isEmpty()) {
                    issues.account(cell.id(), "an empty label of " + arrow);
                } else if (outcome == null) {
                    outcome = label.text();
                    issues.account(cell.id(), "the outcome of " + arrow);
                } else if (cell == edge && fromAttribute) {
                    issues.account(cell.id(), "the label of " + arrow);
                } else {
                    String sentence = arrow + " has a second label '" + label.text() + "'; only '" + outcome
                            + "' became its outcome";
                    if (cell == edge) {
                        issues.page(sentence);
                    } else {
                        issues.cell(cell.id(), sentence);
                    }
                }
            }
            for (String key : edge.properties().keySet()) {
                if (!OUTCOME.equals(key)) {
                    issues.page(arrow + ": attribute '" + key + "' is not a transition property; it was ignored");
                }
            }
            String chosen = new TransitionDefinition(from, to, outcome).outcome();
            UniqueNames taken = used.computeIfAbsent(from, k -> new UniqueNames());
            if (taken.isTaken(chosen)) {
                boolean unlabelled = TransitionDefinition.DEFAULT_OUTCOME.equals(chosen) && outcome == null;
                String fresh = taken.unique(unlabelled ? to : chosen);
                issues.page(unlabelled
                        ? "'" + from + "' has more than one arrow without a label; the one to '" + to + "' was given outcome '" + fresh + "'"
                        : "'" + from + "' has more than one arrow labelled '" + chosen + "'; the one to '" + to
                        + "' was given outcome '" + fresh + "'");
                chosen = fresh;
            }
            taken.unique(chosen);
            TransitionDefinition t = new TransitionDefinition(from, to, chosen);
            transitions.add(t);
            issues.account(edge.id(), "transition " + t.describe());
        }
        return transitions;
    }

    /** How a sentence names a connector: by its own label, else by its first label child's. */
    static String edgeName(RawCell edge, CellTree tree, LabelText labels) {
        String text = labels.text(edge);
        if (text.isEmpty()) {
            text = tree.children(edge).stream().map(labels::text).filter(t -> !t.isEmpty()).findFirst().orElse("");
        }
        return ImportIssues.name("connector", text, edge.id());
    }
}
