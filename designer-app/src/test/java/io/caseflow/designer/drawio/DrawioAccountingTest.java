package io.caseflow.designer.drawio;

import static org.assertj.core.api.Assertions.assertThat;

import io.caseflow.definition.StageDefinition;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A property over generated diagrams (plain JUnit with a seeded Random, so a failure reproduces from
 * its seed): every cell of a page is accounted for, in the case or in an issue that names it by its
 * label and page; names are unique and trimmed; nothing throws.
 */
class DrawioAccountingTest {
    private static final String[] SHAPES = {"rounded=1;whiteSpace=wrap;html=1;", "ellipse;whiteSpace=wrap;html=1;",
            "rhombus;whiteSpace=wrap;html=1;", "text;html=1;strokeColor=none;fillColor=none;",
            "swimlane;html=1;startSize=20;horizontal=0;", "group", "shape=image;image=x.png;",
            "shape=mxgraph.aws4.resourceIcon;resIcon=mxgraph.aws4.lambda;", "strokeWidth=2;html=1;shape=mxgraph.flowchart.terminator;",
            "shape=mxgraph.bpmn.event;html=1;outline=standard;symbol=general;", "edgeLabel;html=1;"};
    private static final String[] EDGES = {"edgeStyle=orthogonalEdgeStyle;html=1;", "endArrow=none;html=1;",
            "endArrow=none;startArrow=classic;html=1;", "html=1;endArrow=block;startArrow=block;"};
    private static final String[] LABELS = {"", "Check", "Check", "&lt;div&gt;Two&lt;/div&gt;&lt;div&gt;lines&lt;/div&gt;",
            "yes", "no", "%name%", "a &amp;amp; b", "  spaced  ", "Ship&lt;br&gt;it"};

    @Test
    void every_cell_of_a_generated_diagram_is_in_the_case_or_in_the_issues() throws Exception {
        for (long seed = 1; seed <= 400; seed++) {
            Random random = new Random(seed);
            List<String> ids = new ArrayList<>();
            String xml = diagram(random, ids);
            DrawioImport.Result result;
            try {
                result = DrawioImport.importPage(DrawioFile.parse(xml, "gen.drawio").pages().get(0), "gen.drawio");
            } catch (RuntimeException e) {
                throw new AssertionError("seed " + seed + " threw on\n" + xml, e);
            }
            Map<String, String> cells = result.cells();
            for (String id : ids) {
                assertThat(cells).as("seed %d: cell %s in\n%s", seed, id, xml).containsKey(id);
                String fate = cells.get(id);
                if (fate.startsWith("issue: ")) {
                    String sentence = fate.substring("issue: ".length());
                    assertThat(result.issues()).as("seed %d", seed).contains("page 'Gen': " + sentence);
                } else if (fate.startsWith("stage '")) {
                    String name = fate.substring("stage '".length(), fate.length() - 1);
                    assertThat(result.definition().stage(name)).as("seed %d: %s", seed, fate).isPresent();
                } else if (fate.startsWith("not imported: ")) {
                    assertThat(result.refused()).isTrue();
                }
            }
            assertThat(result.issues()).as("seed %d", seed).allMatch(i -> i.startsWith("page 'Gen'"));
            Set<String> names = new HashSet<>();
            for (StageDefinition s : result.definition().stages()) {
                assertThat(names.add(s.name())).as("seed %d: unique %s", seed, s.name()).isTrue();
                assertThat(s.name()).isEqualTo(s.name().strip()).isNotEmpty();
                assertThat(Double.isFinite(s.layout().x()) && Double.isFinite(s.layout().y())).isTrue();
            }
            long stageCells = cells.values().stream().filter(f -> f.startsWith("stage '")).count();
            assertThat(stageCells).as("seed %d", seed).isEqualTo(result.definition().stages().size());
            long transitionCells = cells.values().stream().filter(f -> f.startsWith("transition ")).count();
            assertThat(transitionCells).as("seed %d", seed).isEqualTo(result.definition().transitions().size());
        }
    }

    private static String diagram(Random r, List<String> ids) {
        StringBuilder b = new StringBuilder("<mxfile><diagram id=\"g\" name=\"Gen\"><mxGraphModel><root>");
        b.append("<mxCell id=\"0\"/><mxCell id=\"1\" parent=\"0\"/>");
        List<String> vertices = new ArrayList<>();
        List<String> edges = new ArrayList<>();
        int n = 2 + r.nextInt(14);
        for (int i = 0; i < n; i++) {
            String id = "v" + i;
            String parent = vertices.isEmpty() || r.nextInt(4) > 0 ? "1" : vertices.get(r.nextInt(vertices.size()));
            if (r.nextInt(30) == 0) {
                parent = "nowhere";
            }
            String label = LABELS[r.nextInt(LABELS.length)];
            String x = r.nextInt(25) == 0 ? "abc" : Integer.toString(r.nextInt(800));
            if (r.nextInt(5) == 0) {
                b.append("<UserObject label=\"").append(label).append("\" placeholders=\"1\" name=\"N").append(i)
                        .append("\" id=\"").append(id).append("\"><mxCell style=\"").append(SHAPES[r.nextInt(SHAPES.length)])
                        .append("\" vertex=\"1\" parent=\"").append(parent).append("\"><mxGeometry x=\"").append(x).append("\" y=\"")
                        .append(r.nextInt(600)).append("\" width=\"120\" height=\"60\" as=\"geometry\"/></mxCell></UserObject>");
            } else {
                b.append("<mxCell id=\"").append(id).append("\" value=\"").append(label).append("\" style=\"")
                        .append(SHAPES[r.nextInt(SHAPES.length)]).append("\" vertex=\"1\" parent=\"").append(parent)
                        .append("\"><mxGeometry x=\"").append(x).append("\" y=\"").append(r.nextInt(600))
                        .append("\" width=\"").append(40 + r.nextInt(400)).append("\" height=\"60\" as=\"geometry\"/></mxCell>");
            }
            vertices.add(id);
            ids.add(id);
        }
        int m = r.nextInt(2 * n + 1);
        for (int i = 0; i < m; i++) {
            String id = "e" + i;
            String source = r.nextInt(15) == 0 ? "" : " source=\"" + vertices.get(r.nextInt(n)) + "\"";
            String target = r.nextInt(15) == 0 ? " target=\"ghost\"" : " target=\"" + vertices.get(r.nextInt(n)) + "\"";
            String label = r.nextInt(3) == 0 ? LABELS[r.nextInt(LABELS.length)] : "";
            b.append("<mxCell id=\"").append(id).append("\" value=\"").append(label).append("\" style=\"")
                    .append(EDGES[r.nextInt(EDGES.length)]).append("\" edge=\"1\" parent=\"1\"").append(source).append(target)
                    .append("><mxGeometry relative=\"1\" as=\"geometry\"/></mxCell>");
            edges.add(id);
            ids.add(id);
            for (int k = r.nextInt(3) == 0 ? 1 + r.nextInt(2) : 0; k > 0; k--) {
                String labelId = id + "l" + k;
                b.append("<mxCell id=\"").append(labelId).append("\" value=\"").append(LABELS[r.nextInt(LABELS.length)])
                        .append("\" style=\"edgeLabel;html=1;\" vertex=\"1\" connectable=\"0\" parent=\"").append(id)
                        .append("\"><mxGeometry x=\"").append(r.nextDouble() * 2 - 1).append("\" relative=\"1\" as=\"geometry\"/></mxCell>");
                ids.add(labelId);
            }
        }
        if (r.nextInt(6) == 0) {
            b.append("<mxCell id=\"stray\" value=\"stray\" parent=\"1\"/>");
            ids.add("stray");
        }
        if (r.nextInt(8) == 0) {
            b.append("<mxCell id=\"cy1\" value=\"C1\" vertex=\"1\" parent=\"cy2\"><mxGeometry as=\"geometry\"/></mxCell>")
                    .append("<mxCell id=\"cy2\" value=\"C2\" vertex=\"1\" parent=\"cy1\"><mxGeometry as=\"geometry\"/></mxCell>");
            ids.add("cy1");
            ids.add("cy2");
        }
        return b.append("</root></mxGraphModel></diagram></mxfile>").toString();
    }
}
