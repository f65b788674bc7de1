package io.caseflow.designer.drawio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

/** Malformed structures are read in bounded time: each test fails if the import takes longer than its timeout. */
class DrawioRobustnessTest {
    private static final Duration QUICK = Duration.ofSeconds(5);
    private static final Duration BIG = Duration.ofSeconds(30);

    static String page(String cells) {
        return "<mxfile host=\"test\"><diagram id=\"d\" name=\"P\"><mxGraphModel><root>" + cells
                + "</root></mxGraphModel></diagram></mxfile>";
    }

    static DrawioImport.Result importXml(String xml) throws DrawioFormatException {
        return DrawioImport.importPage(DrawioFile.parse(xml, "t.drawio").pages().get(0), "t.drawio");
    }

    private static String cells(int n, IntFunction<String> cell) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) {
            b.append(cell.apply(i));
        }
        return b.toString();
    }

    private static String vertex(String id, String label, String parent, int x, int y) {
        return "<mxCell id=\"" + id + "\" value=\"" + label + "\" style=\"rounded=1;html=1;\" vertex=\"1\" parent=\"" + parent
                + "\"><mxGeometry x=\"" + x + "\" y=\"" + y + "\" width=\"120\" height=\"60\" as=\"geometry\"/></mxCell>";
    }

    private static String edge(String id, String source, String target) {
        return "<mxCell id=\"" + id + "\" edge=\"1\" parent=\"1\" source=\"" + source + "\" target=\"" + target
                + "\"><mxGeometry relative=\"1\" as=\"geometry\"/></mxCell>";
    }

    @Test
    void cells_whose_parents_form_a_cycle_are_read() {
        DrawioImport.Result r = assertTimeoutPreemptively(QUICK, () -> importXml(page("<mxCell id=\"0\"/><mxCell id=\"1\" parent=\"0\"/>"
                + vertex("a", "A", "b", 0, 0) + vertex("b", "B", "c", 200, 0) + vertex("c", "C", "a", 400, 0)
                + vertex("d", "D", "1", 0, 200) + vertex("e", "E", "1", 200, 200) + edge("x", "d", "e"))));
        assertThat(r.issues()).anyMatch(i -> i.contains("are each other's parents in a circle"));
        assertThat(r.definition().stage("D")).isPresent();
    }

    @Test
    void a_page_where_every_cell_has_a_parent_is_read() {
        DrawioImport.Result r = assertTimeoutPreemptively(QUICK, () -> importXml(page(
                "<mxCell id=\"0\" parent=\"1\"/><mxCell id=\"1\" parent=\"0\"/>" + vertex("a", "A", "1", 0, 0)
                        + vertex("b", "B", "1", 200, 0) + edge("x", "a", "b"))));
        assertThat(r.definition().transitions()).hasSize(1);
        assertThat(r.definition().startStage()).isEqualTo("A");

        DrawioImport.Result noRoot = assertTimeoutPreemptively(QUICK, () -> importXml(page(
                vertex("a", "A", "missing", 0, 0) + vertex("b", "B", "missing", 200, 0) + edge("x", "a", "b"))));
        assertThat(noRoot.issues()).anyMatch(i -> i.contains("no cell is the page's root"));
        assertThat(noRoot.definition().stages()).hasSize(2);
    }

    @Test
    void deep_nesting_is_read_without_recursion() {
        int depth = 100_000;
        DrawioImport.Result r = assertTimeoutPreemptively(BIG, () -> importXml(page("<mxCell id=\"0\"/><mxCell id=\"1\" parent=\"0\"/>"
                + cells(depth, i -> vertex("n" + i, "N" + i, i == 0 ? "1" : "n" + (i - 1), 1, 1))
                + vertex("z", "Z", "1", 0, 0) + edge("x", "n" + (depth - 1), "z"))));
        assertThat(r.definition().stage("N" + (depth - 1)).orElseThrow().layout().x()).isEqualTo(depth);
    }

    @Test
    void a_hundred_thousand_cells_are_read_in_bounded_time() {
        int n = 50_000;
        DrawioImport.Result r = assertTimeoutPreemptively(BIG, () -> importXml(page("<mxCell id=\"0\"/><mxCell id=\"1\" parent=\"0\"/>"
                + cells(n, i -> vertex("v" + i, "Stage " + (i % 1000), "1", (i % 100) * 150, (i / 100) * 100))
                + cells(n - 1, i -> edge("e" + i, "v" + i, "v" + (i + 1))))));
        assertThat(r.definition().stages()).hasSize(n);
        assertThat(r.definition().transitions()).hasSize(n - 1);
    }

    @Test
    void many_free_texts_and_edges_are_matched_within_the_budget() {
        int n = 5_000;
        DrawioImport.Result r = assertTimeoutPreemptively(BIG, () -> importXml(page("<mxCell id=\"0\"/><mxCell id=\"1\" parent=\"0\"/>"
                + cells(n, i -> vertex("v" + i, "S" + i, "1", i * 200, 0))
                + cells(n - 1, i -> edge("e" + i, "v" + i, "v" + (i + 1)))
                + cells(n, i -> "<mxCell id=\"t" + i + "\" value=\"note " + i + "\" style=\"text;html=1;\" vertex=\"1\" parent=\"1\">"
                        + "<mxGeometry x=\"" + (i * 200 + 130) + "\" y=\"-500\" width=\"40\" height=\"20\" as=\"geometry\"/></mxCell>"))));
        assertThat(r.definition().stages()).hasSize(n);
    }

    @Test
    void a_label_on_an_edge_that_ends_at_the_label_itself_is_read() {
        DrawioImport.Result r = assertTimeoutPreemptively(QUICK, () -> importXml(page("<mxCell id=\"0\"/><mxCell id=\"1\" parent=\"0\"/>"
                + vertex("a", "A", "1", 0, 0) + edge("x", "a", "l")
                + "<mxCell id=\"l\" value=\"self\" style=\"edgeLabel;html=1;\" vertex=\"1\" parent=\"x\"><mxGeometry x=\"0.5\" relative=\"1\""
                + " as=\"geometry\"/></mxCell>")));
        assertThat(r.definition().stages()).extracting(s -> s.name()).containsExactly("A");
    }

    @Test
    void huge_html_labels_and_style_strings_are_read_in_linear_time() {
        String label = "&lt;div&gt;".repeat(20_000) + "x" + "&lt;/div&gt;".repeat(20_000) + "&lt;".repeat(20_000);
        DrawioImport.Result r = assertTimeoutPreemptively(QUICK, () -> importXml(page("<mxCell id=\"0\"/><mxCell id=\"1\" parent=\"0\"/>"
                + vertex("a", label, "1", 0, 0) + vertex("b", "B", "1", 200, 0) + edge("x", "a", "b"))));
        assertThat(r.definition().stages()).hasSize(2);
    }

    @Test
    void relative_children_and_offsets_are_placed_as_draw_io_places_them() throws Exception {
        DrawioImport.Result r = importXml(page("<mxCell id=\"0\"/><mxCell id=\"1\" parent=\"0\"/>"
                + "<mxCell id=\"c\" value=\"\" style=\"group\" vertex=\"1\" parent=\"1\"><mxGeometry x=\"100\" y=\"100\" width=\"400\""
                + " height=\"200\" as=\"geometry\"/></mxCell>"
                + "<mxCell id=\"a\" value=\"A\" style=\"rounded=1;\" vertex=\"1\" parent=\"c\"><mxGeometry x=\"0.5\" y=\"0.5\" width=\"40\""
                + " height=\"40\" relative=\"1\" as=\"geometry\"><mxPoint x=\"-20\" y=\"-20\" as=\"offset\"/></mxGeometry></mxCell>"
                + vertex("b", "B", "1", 700, 0) + edge("x", "a", "b")));
        assertThat(r.definition().stage("A").orElseThrow().layout().x()).isEqualTo(100 + 200 - 20);
        assertThat(r.definition().stage("A").orElseThrow().layout().y()).isEqualTo(100 + 100 - 20);
    }
}
