package io.caseflow.designer.drawio;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Who contains whom on a page, however the file is made: the root (the cell without a parent,
 * whatever its id), its layers, and each cell's parent. Parents that form a cycle are cut where the
 * cycle's first cell in the file points back (that cell then sits on the top level); a parent that
 * is not in the page leaves its child on the top level. Built in one pass over the cells, linear in
 * their number whatever the nesting.
 */
final class CellTree {
    private final Map<String, RawCell> byId = new LinkedHashMap<>();
    private final Map<String, RawCell> parents = new HashMap<>();
    private final Map<String, List<RawCell>> children = new HashMap<>();
    private final Set<String> layers = new HashSet<>();
    private final List<RawCell> cells = new ArrayList<>();
    private RawCell root;

    private CellTree() {
    }

    static CellTree of(List<RawCell> all, ImportIssues issues) {
        CellTree tree = new CellTree();
        for (RawCell c : all) {
            if (tree.byId.putIfAbsent(c.id(), c) == null) {
                tree.cells.add(c);
            } else {
                issues.page("two cells have id " + c.id() + "; the second one ("
                        + ImportIssues.name(c.isEdge() ? "connector" : "shape", HtmlText.strip(c.label()), c.id())
                        + ") was not imported");
            }
        }
        tree.linkParents(issues);
        List<RawCell> parentless = tree.cells.stream().filter(c -> tree.parents.get(c.id()) == null).toList();
        List<RawCell> rootLike = parentless.stream().filter(c -> !c.vertex() && !c.edge()).toList();
        tree.root = rootLike.isEmpty() ? null : rootLike.get(0);
        if (tree.root == null) {
            issues.page("no cell is the page's root (every cell names a parent); the shapes were read as if on one layer");
        } else {
            issues.account(tree.root.id(), "the page's root");
            for (RawCell other : rootLike.subList(1, rootLike.size())) {
                issues.account(other.id(), "a second root");
            }
            if (rootLike.size() > 1) {
                issues.page(rootLike.size() + " cells have no parent; cell " + tree.root.id() + " was taken as the root");
            }
            for (RawCell c : tree.children(tree.root)) {
                if (!c.vertex() && !c.edge()) {
                    tree.layers.add(c.id());
                    issues.account(c.id(), "a layer of the page");
                }
            }
        }
        return tree;
    }

    private void linkParents(ImportIssues issues) {
        Map<String, Integer> state = new HashMap<>();
        for (RawCell start : cells) {
            List<RawCell> path = new ArrayList<>();
            RawCell c = start;
            while (c != null && !state.containsKey(c.id())) {
                state.put(c.id(), 1);
                path.add(c);
                RawCell parent = c.parent() == null ? null : byId.get(c.parent());
                if (parent != null && state.getOrDefault(parent.id(), 0) == 1) {
                    breakCycle(path, parent, issues);
                    break;
                }
                if (parent != null) {
                    parents.put(c.id(), parent);
                } else if (c.parent() != null) {
                    issues.page(ImportIssues.name(c.isEdge() ? "connector" : "shape", HtmlText.strip(c.label()), c.id())
                            + " names parent " + c.parent() + ", which is not in the page; it was read on the top level");
                }
                c = parent;
            }
            for (RawCell done : path) {
                state.put(done.id(), 2);
            }
        }
        for (RawCell c : cells) {
            RawCell parent = parents.get(c.id());
            if (parent != null) {
                children.computeIfAbsent(parent.id(), k -> new ArrayList<>()).add(c);
            }
        }
    }

    /** {@code path} ends with a cell whose parent {@code back} is earlier on the path: the cycle is back .. end. */
    private void breakCycle(List<RawCell> path, RawCell back, ImportIssues issues) {
        int from = path.indexOf(back);
        List<RawCell> cycle = path.subList(from, path.size());
        RawCell first = cycle.stream().min((a, b) -> Integer.compare(a.index(), b.index())).orElse(back);
        RawCell last = path.get(path.size() - 1);
        parents.put(last.id(), back);
        parents.remove(first.id());
        List<String> ids = cycle.stream().map(RawCell::id).limit(10).toList();
        issues.page("cells " + String.join(", ", ids) + (cycle.size() > 10 ? ", ..." : "")
                + " are each other's parents in a circle; cell " + first.id() + " was read on the top level");
    }

    List<RawCell> cells() {
        return cells;
    }

    RawCell byId(String id) {
        return id == null ? null : byId.get(id);
    }

    RawCell root() {
        return root;
    }

    boolean isStructure(RawCell c) {
        return c == root || layers.contains(c.id());
    }

    /** The parent cell, or null on the top level (root, layer, missing parent or a cut cycle). */
    RawCell container(RawCell c) {
        RawCell parent = parents.get(c.id());
        return parent == null || isStructure(parent) ? null : parent;
    }

    List<RawCell> children(RawCell c) {
        return children.getOrDefault(c.id(), List.of());
    }
}
