package io.caseflow.designer.drawio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.caseflow.definition.CaseDefinition;
import io.caseflow.definition.Layout;
import io.caseflow.definition.StageDefinition;
import io.caseflow.definition.StageKind;
import io.caseflow.definition.TransitionDefinition;
import io.caseflow.designer.Samples;
import io.caseflow.samples.BusinessCase1;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DrawioCodecTest {

    private static Path resource(String name) throws Exception {
        return Path.of(DrawioCodecTest.class.getResource("/drawio/" + name).toURI());
    }

    private static CaseDefinition roundTrip(CaseDefinition d, boolean compressed) throws Exception {
        DrawioFile file = DrawioFile.parse(DrawioExport.toXml(d, compressed), "exported.drawio");
        assertThat(file.pages()).hasSize(1);
        DrawioImport.Result result = DrawioImport.importPage(file.pages().get(0), "exported.drawio");
        assertThat(result.issues()).isEmpty();
        return result.definition();
    }

    @Test
    void the_sample_exports_and_imports_back_identical_plain_and_compressed() throws Exception {
        CaseDefinition sample = BusinessCase1.definition();
        assertThat(roundTrip(sample, false)).isEqualTo(sample);
        assertThat(roundTrip(sample, true)).isEqualTo(sample);
    }

    @Test
    void odd_values_survive_the_round_trip() throws Exception {
        CaseDefinition odd = CaseDefinition.builder("odd", "v9").description("quotes \" and <tags> & ampersands\nsecond line")
                .stage(StageDefinition.task("a <b> & \"c\"", null).withLayout(new Layout(10.5, -20.25)))
                .stage(StageDefinition.service("π service", "h", "svc", "do").withReplyTimeout(Duration.ofMillis(1500)))
                .stage(StageDefinition.end("end"))
                .transition("a <b> & \"c\"", "π service", "approved & sent")
                .transition("π service", "end")
                .build().withVersion(7);
        assertThat(roundTrip(odd, false)).isEqualTo(odd);
        assertThat(roundTrip(odd, true)).isEqualTo(odd);
    }

    @Test
    void lanes_set_in_the_designer_export_as_swimlanes_and_read_back() throws Exception {
        CaseDefinition tiny = Samples.tiny();
        CaseDefinition laned = tiny.withStages(tiny.stages().stream()
                .map(s -> s.name().equals("done") ? s : s.withLayout(s.layout().withLane(s.name().equals("start") ? "Front desk" : "Back office")))
                .toList());
        for (boolean compressed : new boolean[] {false, true}) {
            String xml = DrawioExport.toXml(laned, compressed);
            DrawioImport.Result back = DrawioImport.importPage(DrawioFile.parse(xml, "laned.drawio").pages().get(0), "laned");
            assertThat(back.definition()).isEqualTo(laned);
            assertThat(back.lanes()).containsExactly(Map.entry("start", "Front desk"), Map.entry("call", "Back office"));
            assertThat(back.issues()).hasSize(2).allMatch(i -> i.contains("keep it as their lane"));
        }
    }

    @Test
    void a_plain_multi_page_file_imports_the_chosen_page() throws Exception {
        DrawioFile file = DrawioFile.read(resource("plain-two-pages.drawio"));
        assertThat(file.pages()).extracting(DrawioPage::name).containsExactly("Orders", "Refunds");

        DrawioImport.Result orders = DrawioImport.importPage(file.pages().get(0), "plain-two-pages.drawio");
        CaseDefinition d = orders.definition();
        assertThat(orders.issues()).isEmpty();
        assertThat(d.name()).isEqualTo("plain-two-pages");
        assertThat(d.stages()).extracting(StageDefinition::name).containsExactly("Check order", "Reserve stock", "Done");
        assertThat(d.stage("Done").orElseThrow().kind()).isEqualTo(StageKind.END);
        assertThat(d.stage("Reserve stock").orElseThrow().layout()).isEqualTo(new Layout(240, 80));
        assertThat(d.transitions()).containsExactly(TransitionDefinition.of("Check order", "Reserve stock"),
                new TransitionDefinition("Reserve stock", "Done", "ok"));
        assertThat(d.startStage()).isEqualTo("Check order");

        DrawioImport.Result refunds = DrawioImport.importPage(file.pages().get(1), "plain-two-pages.drawio");
        assertThat(refunds.definition().transitions()).containsExactly(TransitionDefinition.of("Refund", "Closed"),
                new TransitionDefinition("Closed", "Refund", "back"));
    }

    @Test
    void a_compressed_page_reads_the_same_as_the_plain_one() throws Exception {
        DrawioFile compressed = DrawioFile.read(resource("compressed.drawio"));
        DrawioFile plain = DrawioFile.read(resource("plain-two-pages.drawio"));
        assertThat(DrawioImport.importPage(compressed.pages().get(0), "x").definition())
                .isEqualTo(DrawioImport.importPage(plain.pages().get(0), "x").definition());
    }

    @Test
    void attributes_of_object_wrappers_become_stage_and_case_properties() throws Exception {
        DrawioImport.Result result = DrawioImport.importPage(DrawioFile.read(resource("user-objects.drawio")).pages().get(0), "u");
        CaseDefinition d = result.definition();
        assertThat(d.name()).isEqualTo("payments");
        assertThat(d.api()).isEqualTo("v2");
        assertThat(d.startStage()).isEqualTo("charge");
        StageDefinition charge = d.stage("charge").orElseThrow();
        assertThat(charge.kind()).isEqualTo(StageKind.SERVICE);
        assertThat(charge.handler()).isEqualTo("pay.charge");
        assertThat(charge.service()).isEqualTo("payments");
        assertThat(charge.command()).isEqualTo("charge");
        assertThat(charge.timeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(charge.replyTimeout()).isEqualTo(Duration.ofMinutes(1));
        assertThat(charge.retry().maxAttempts()).isEqualTo(5);
        assertThat(charge.retry().backoff()).isEqualTo(Duration.ofSeconds(2));
        assertThat(d.stage("receipt").orElseThrow().handler()).isEqualTo("pay.receipt");
        assertThat(d.stage("paid").orElseThrow().kind()).isEqualTo(StageKind.END);
        assertThat(d.transitions().get(0)).isEqualTo(new TransitionDefinition("charge", "receipt", "ok"));
        assertThat(result.issues()).singleElement().asString().contains("'receipt'", "attribute 'colour'", "ignored");
    }

    @Test
    void what_cannot_be_mapped_is_reported_not_dropped() throws Exception {
        DrawioImport.Result result = DrawioImport.importPage(DrawioFile.read(resource("edge-cases.drawio")).pages().get(0),
                "edge-cases.drawio");
        CaseDefinition d = result.definition();
        assertThat(d.name()).isEqualTo("edge-cases");
        assertThat(d.stages()).extracting(StageDefinition::name)
                .containsExactly("start & check it", "inside", "inside 2", "stage1");
        assertThat(d.stage("inside").orElseThrow().layout()).isEqualTo(new Layout(320, 230));
        assertThat(d.transitions()).containsExactly(TransitionDefinition.of("start & check it", "inside"));
        assertThat(d.startStage()).isEqualTo("start & check it");
        List<String> issues = result.issues();
        assertThat(issues).anyMatch(i -> i.contains("a group without a label (id g) is not a stage; the 1 shape inside it became"
                + " stages of their own: 'inside'"));
        assertThat(issues).anyMatch(i -> i.contains("two shapes are labelled 'inside'; the second one was named 'inside 2'"));
        assertThat(issues).anyMatch(i -> i.contains("text 'just a note' is a note"));
        assertThat(issues).anyMatch(i -> i.contains("(id nolabel) was named 'stage1'"));
        assertThat(issues).anyMatch(i -> i.contains("connector 'lost' has no target (that end is not connected to a shape); it is not a transition"));
        assertThat(issues).anyMatch(i -> i.contains("(id e3) has target cell missing, which is not in the page"));
        assertThat(issues).anyMatch(i -> i.contains("(id e4) leads to text 'just a note', which is not a stage"));
        assertThat(issues).allMatch(i -> i.startsWith("page 'Edge cases': "));
    }

    @Test
    void malformed_files_name_the_file_and_the_line() throws Exception {
        Path file = resource("malformed.drawio");
        assertThatThrownBy(() -> DrawioFile.read(file)).isInstanceOf(DrawioFormatException.class)
                .hasMessageStartingWith(file + ":4:").hasMessageContaining("not well-formed XML");
        assertThatThrownBy(() -> DrawioFile.parse("<mxfile><diagram name=\"P\">%%%notbase64</diagram></mxfile>", "bad.drawio"))
                .hasMessage("bad.drawio: no page can be read: page 'P' is compressed but its data is damaged"
                        + " (it is not Base64 text); the page cannot be read");
        assertThatThrownBy(() -> DrawioFile.parse("<html/>", "page.html")).hasMessageContaining("is an HTML page");
        assertThatThrownBy(() -> DrawioFile.parse("", "empty.drawio")).hasMessageContaining("empty.drawio: the file is empty");
    }

    @Test
    void doctype_declarations_are_refused() {
        assertThatThrownBy(() -> DrawioFile.parse("<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><mxfile>&e;</mxfile>", "x"))
                .isInstanceOf(DrawioFormatException.class);
    }

    @Test
    void export_writes_a_file_draw_io_reads_with_the_layout_and_labels(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("tiny.drawio");
        DrawioExport.write(Samples.tiny(), out, false);
        String xml = Files.readString(out);
        assertThat(xml).startsWith("<mxfile").contains("<diagram", "name=\"tiny\"", "label=\"call\"", "kind=\"service\"",
                "service=\"warehouse\"", "x=\"260\"", "y=\"100\"", "value=\"ok\"", "edge=\"1\"");
        assertThat(DrawioImport.importPage(DrawioFile.read(out).pages().get(0), "tiny.drawio").definition()).isEqualTo(Samples.tiny());
    }

    @Test
    void html_labels_become_plain_text() {
        assertThat(HtmlText.strip("<div><b>Reserve</b><br>stock&nbsp;&amp; more</div>")).isEqualTo("Reserve stock & more");
        assertThat(HtmlText.strip("&#x41;&#66;&unknown;")).isEqualTo("AB&unknown;");
    }
}
