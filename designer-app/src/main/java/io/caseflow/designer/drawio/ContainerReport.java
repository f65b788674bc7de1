package io.caseflow.designer.drawio;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One sentence per pool, lane, group or backdrop (never one per shape inside it), and the lane each
 * stage sits in (kept in the stage's {@code Layout.lane}, and in {@link DrawioImport.Result#lanes()}).
 */
final class ContainerReport {
    /** Containers looked through above a stage; deeper nesting is read as the top level. */
    static final int MAX_NESTING = 200;
    private static final int LISTED = 5;

    private ContainerReport() {
    }

    /** Reports the containers and returns stage name → lane (or pool) label, for stages inside one. */
    static Map<String, String> report(List<RawCell> containers, List<RawCell> stages, Map<String, String> nameOf, CellTree tree,
                                      LabelText labels, CellRoles roles, ImportIssues issues) {
        Map<String, List<String>> inside = new HashMap<>();
        Map<String, String> lanes = new LinkedHashMap<>();
        for (RawCell stage : stages) {
            String name = nameOf.get(stage.id());
            RawCell c = tree.container(stage);
            boolean laneFound = false;
            boolean direct = true;
            for (int depth = 0; c != null && depth < MAX_NESTING; depth++, c = tree.container(c)) {
                CellRole role = roles.role(c);
                if (role == null || !role.isContainer()) {
                    continue;
                }
                if (direct) {
                    inside.computeIfAbsent(c.id(), k -> new ArrayList<>()).add(name);
                    direct = false;
                }
                if (!laneFound && (role == CellRole.LANE || role == CellRole.POOL)) {
                    String text = labels.text(c);
                    lanes.put(name, text.isEmpty() ? "lane " + c.id() : text);
                    laneFound = true;
                }
            }
        }
        for (RawCell c : containers) {
            CellRole role = roles.role(c);
            String what = ImportIssues.name(role.word(), labels.text(c), c.id());
            RawCell parent = tree.container(c);
            if (role == CellRole.LANE && parent != null && roles.role(parent) == CellRole.POOL && !labels.text(parent).isEmpty()) {
                what += " (pool '" + labels.text(parent) + "')";
            }
            List<String> names = inside.getOrDefault(c.id(), List.of());
            String shapes = names.isEmpty() ? "" : ": " + String.join(", ", names.stream().limit(LISTED).map(n -> "'" + n + "'").toList())
                    + (names.size() > LISTED ? " and " + (names.size() - LISTED) + " more" : "");
            String sentence = switch (role) {
                case LANE -> what + " is not a stage; " + (names.isEmpty() ? "it holds no shapes"
                        : count(names.size()) + " in it became stages that keep it as their lane" + shapes);
                case POOL -> what + " is not a stage; " + (names.isEmpty() ? "its lanes are listed on their own"
                        : count(names.size()) + " directly in it became stages" + shapes);
                case BACKDROP -> what + " is drawn behind other shapes and has no arrows, so it is a backdrop, not a stage;"
                        + " it was not imported";
                default -> what + " is not a stage; " + (names.isEmpty() ? "it holds no shapes that became stages"
                        : count(names.size()) + " inside it became stages of their own" + shapes);
            };
            issues.cell(c.id(), sentence);
        }
        return lanes;
    }

    private static String count(int n) {
        return n == 1 ? "the 1 shape" : "the " + n + " shapes";
    }
}
