package io.caseflow.designer.drawio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.caseflow.definition.CaseDefinition;
import io.caseflow.definition.Layout;
import io.caseflow.definition.StageDefinition;
import io.caseflow.definition.StageKind;
import io.caseflow.definition.TransitionDefinition;
import io.caseflow.validation.DefinitionValidator;
import io.caseflow.validation.ValidationReport;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Realistic diagrams in draw.io's own file format (src/test/resources/drawio/corpus, made by
 * make-corpus.py there): what each imports to, and exactly which issues it reports.
 */
class DrawioCorpusTest {

    private static Path corpus(String name) throws Exception {
        return Path.of(DrawioCorpusTest.class.getResource("/drawio/corpus/" + name).toURI());
    }

    private static DrawioImport.Result page(String file, String pageName) throws Exception {
        DrawioFile drawio = DrawioFile.read(corpus(file));
        DrawioPage page = drawio.pages().stream().filter(p -> p.name().equals(pageName)).findFirst().orElseThrow();
        return DrawioImport.importPage(page, file);
    }

    private static List<String> names(CaseDefinition d) {
        return d.stages().stream().map(StageDefinition::name).toList();
    }

    private static List<String> ends(CaseDefinition d) {
        return d.stages().stream().filter(StageDefinition::isEnd).map(StageDefinition::name).toList();
    }

    private static void assertValid(CaseDefinition d) {
        ValidationReport report = DefinitionValidator.forSource("corpus").validate(d);
        assertThat(report.errors()).as("validator errors").isEmpty();
    }

    @Test
    void a_flowchart_reads_as_drawn_html_lines_decisions_and_free_text_outcomes() throws Exception {
        DrawioFile file = DrawioFile.read(corpus("flowchart-orders.drawio"));
        assertThat(file.pages()).extracting(DrawioPage::name).containsExactly("Order flow", "Legend", "Refunds");
        assertThat(file.problems()).isEmpty();

        DrawioImport.Result orders = page("flowchart-orders.drawio", "Order flow");
        CaseDefinition d = orders.definition();
        assertThat(names(d)).containsExactly("Order received", "Check stock", "In stock?", "Ship order", "Done",
                "Back-order & notify", "Cancelled");
        assertThat(d.startStage()).isEqualTo("Order received");
        assertThat(d.stage("Order received").orElseThrow().kind()).as("a start ellipse is not an end").isEqualTo(StageKind.TASK);
        assertThat(ends(d)).containsExactly("Done", "Cancelled");
        assertThat(d.transitions()).containsExactly(
                TransitionDefinition.of("Order received", "Check stock"),
                TransitionDefinition.of("Check stock", "In stock?"),
                new TransitionDefinition("In stock?", "Ship order", "yes"),
                new TransitionDefinition("In stock?", "Back-order & notify", "no"),
                TransitionDefinition.of("Ship order", "Done"),
                new TransitionDefinition("Back-order & notify", "Check stock", "restocked"),
                new TransitionDefinition("Back-order & notify", "Cancelled", "gave up"));
        assertThat(d.stage("Check stock").orElseThrow().layout()).isEqualTo(new Layout(200, 40));
        assertThat(orders.issues()).containsExactly(
                "page 'Order flow': text 'Owner: logistics team' is a note, neither a stage nor next to an arrow; it was not imported");
        assertThat(orders.pictures().get("In stock?").style()).startsWith("rhombus;");
        assertValid(d);
    }

    @Test
    void a_page_that_is_not_a_flow_is_refused_in_one_sentence_and_other_pages_still_import() throws Exception {
        DrawioImport.Result legend = page("flowchart-orders.drawio", "Legend");
        assertThat(legend.refused()).isTrue();
        assertThat(legend.issues()).containsExactly(
                "page 'Legend' does not look like a flow: its 2 shapes have no arrows between them; nothing was imported");
        assertThat(legend.definition().stages()).isEmpty();

        DrawioImport.Result refunds = page("flowchart-orders.drawio", "Refunds");
        assertThat(refunds.issues()).isEmpty();
        assertThat(refunds.definition().startStage()).isEqualTo("Refund requested");
        assertThat(ends(refunds.definition())).containsExactly("Refund paid", "Refund declined");
        assertThat(refunds.definition().transitionsFrom("Approve?")).extracting(TransitionDefinition::outcome)
                .containsExactly("approved", "rejected");
    }

    @Test
    void bpmn_pool_and_lanes_are_one_line_each_and_stages_keep_their_lane() throws Exception {
        DrawioImport.Result claims = page("bpmn-claims.drawio", "Claims");
        CaseDefinition d = claims.definition();
        assertThat(names(d)).containsExactly("Damage noticed", "File claim", "Assess claim", "Covered?", "Pay out",
                "Claim paid", "Claim rejected");
        assertThat(d.startStage()).isEqualTo("Damage noticed");
        assertThat(ends(d)).containsExactly("Claim paid", "Claim rejected");
        assertThat(d.transitionsFrom("Covered?")).containsExactly(new TransitionDefinition("Covered?", "Pay out", "yes"),
                new TransitionDefinition("Covered?", "Claim rejected", "no"));
        assertThat(d.stage("Damage noticed").orElseThrow().layout()).as("pool + lane + own offset")
                .isEqualTo(new Layout(40 + 20 + 40, 40 + 0 + 70, "Customer"));
        assertThat(d.stage("Assess claim").orElseThrow().layout()).isEqualTo(new Layout(40 + 20 + 140, 40 + 180 + 60, "Claims office"));
        assertThat(claims.lanes()).containsEntry("File claim", "Customer").containsEntry("Pay out", "Claims office").hasSize(7);
        assertThat(claims.issues()).containsExactly(
                "page 'Claims': a connector without a label (id a1) starts at text 'Within 30 days', which is not a stage;"
                        + " it is not a transition and was not imported",
                "page 'Claims': pool 'Insurance claim' is not a stage; its lanes are listed on their own",
                "page 'Claims': lane 'Customer' (pool 'Insurance claim') is not a stage; the 2 shapes in it became stages that"
                        + " keep it as their lane: 'Damage noticed', 'File claim'",
                "page 'Claims': lane 'Claims office' (pool 'Insurance claim') is not a stage; the 5 shapes in it became stages"
                        + " that keep it as their lane: 'Assess claim', 'Covered?', 'Pay out', 'Claim paid', 'Claim rejected'",
                "page 'Claims': text 'Within 30 days' is a note, neither a stage nor next to an arrow; it was not imported");
        assertValid(d);
    }

    @Test
    void an_epc_chain_reads_events_and_functions_and_tells_apart_unlabelled_branches() throws Exception {
        DrawioImport.Result epc = page("epc-invoice.drawio", "Invoice (EPC)");
        CaseDefinition d = epc.definition();
        assertThat(d.startStage()).isEqualTo("Invoice received");
        assertThat(ends(d)).containsExactly("Invoice paid", "Invoice returned");
        assertThat(d.transitionsFrom("XOR")).containsExactly(TransitionDefinition.of("XOR", "Invoice correct"),
                new TransitionDefinition("XOR", "Invoice incorrect", "Invoice incorrect"));
        assertThat(epc.issues()).containsExactly("page 'Invoice (EPC)': 'XOR' has more than one arrow without a label;"
                + " the one to 'Invoice incorrect' was given outcome 'Invoice incorrect'");
        assertValid(d);
    }

    @Test
    void an_architecture_picture_is_refused_and_zones_logos_and_child_labels_are_read_as_drawn() throws Exception {
        DrawioImport.Result cloud = page("architecture.drawio", "Cloud");
        assertThat(cloud.issues()).containsExactly("page 'Cloud' looks like an architecture picture (3 of its 3 shapes are"
                + " product icons or images), not a flow of stages; nothing was imported");

        DrawioImport.Result zones = page("architecture.drawio", "Zones");
        CaseDefinition d = zones.definition();
        assertThat(names(d)).as("the backdrop and the logo are not stages; the label on a child names its shape")
                .containsExactly("Web shop", "Billing API", "Ledger");
        assertThat(d.transitions()).containsExactly(new TransitionDefinition("Web shop", "Billing API", "charge"),
                TransitionDefinition.of("Billing API", "Ledger"));
        assertThat(d.stage("Ledger").orElseThrow().layout()).as("a group's child at the group's offset").isEqualTo(new Layout(300, 220));
        assertThat(zones.issues()).containsExactly(
                "page 'Zones': backdrop 'Zone A (internal)' is drawn behind other shapes and has no arrows, so it is a backdrop,"
                        + " not a stage; it was not imported",
                "page 'Zones': a group without a label (id grp) is not a stage; the 1 shape inside it became stages of their own: 'Ledger'",
                "page 'Zones': an icon without a label (id logo) is a picture with no arrows to or from it, not a stage; it was not imported");
    }

    @Test
    void labels_placeholders_second_labels_stray_cells_and_bad_numbers_are_read_or_reported() throws Exception {
        DrawioImport.Result loan = page("labels-and-placeholders.drawio", "Loan");
        CaseDefinition d = loan.definition();
        assertThat(names(d)).containsExactly("Approve loan Credit", "Send offer", "Closed", "Review %reviewer%");
        assertThat(d.stage("Review %reviewer%").orElseThrow().layout()).isEqualTo(new Layout(0, 160));
        assertThat(d.transitionsFrom("Approve loan Credit")).extracting(TransitionDefinition::outcome).containsExactly("accepted", "unsure");
        assertThat(loan.issues()).containsExactly(
                "page 'Loan': cell 'stray note' is neither a shape nor a connector (it has no vertex=\"1\" or edge=\"1\"); it was not imported",
                "page 'Loan': shape 'Review %reviewer%' shows placeholder(s) %reviewer% that no attribute fills; they were kept as written",
                "page 'Loan': shape 'Review %reviewer%' has x=\"abc\", which is not a usable number; 0 was used",
                "page 'Loan': the arrow from 'Approve loan Credit' to 'Send offer' has a second label '1..n'; only 'accepted' became its outcome");
    }

    @Test
    void a_byte_order_mark_and_a_declared_encoding_are_honoured() throws Exception {
        assertThat(page("bom-utf8.drawio", "Prüfung").definition().stages()).hasSize(4);
        assertThat(names(page("iso-8859-1.drawio", "Prüfung").definition())).contains("Rückzahlung erledigt");
    }

    @Test
    void files_that_are_not_diagrams_are_one_sentence_each() throws Exception {
        Path binary = corpus("binary.drawio");
        assertThatThrownBy(() -> DrawioFile.read(binary)).hasMessage(binary + ": the file is binary (it holds NUL bytes),"
                + " not a draw.io diagram; open it in draw.io and save it as a .drawio file");
        Path html = corpus("saved-page.html");
        assertThatThrownBy(() -> DrawioFile.read(html)).hasMessage(html + ": the file is an HTML page, not a draw.io diagram"
                + " (saved from a browser?); in draw.io use File > Save as to get a .drawio file");
        Path latin = corpus("latin1-undeclared.drawio");
        assertThatThrownBy(() -> DrawioFile.read(latin)).hasMessageStartingWith(latin + ":2:")
                .hasMessageContaining("the file is not valid UTF-8 text and declares no other encoding")
                .hasMessageNotContaining("Input length");
    }

    @Test
    void a_cut_short_or_empty_page_is_reported_and_the_good_pages_still_import() throws Exception {
        DrawioFile truncated = DrawioFile.read(corpus("truncated-page.drawio"));
        assertThat(truncated.pages()).extracting(DrawioPage::name).containsExactly("Refunds");
        assertThat(truncated.problems()).containsExactly("page 'Orders' is compressed and its data is cut short"
                + " (the file was truncated or only partly saved); the page cannot be read");

        DrawioFile empty = DrawioFile.read(corpus("empty-page.drawio"));
        assertThat(empty.pages()).extracting(DrawioPage::name).containsExactly("Refunds");
        assertThat(empty.problems()).containsExactly("page 'Draft' is empty (it holds no diagram)",
                "page 'Garbage' is compressed but its data is damaged (the compressed stream is corrupt); the page cannot be read");
        assertThat(DrawioImport.importPage(empty.pages().get(0), "x").definition().stages()).hasSize(4);
    }

    @Test
    void an_export_with_the_imported_pictures_draws_the_stages_as_their_author_did() throws Exception {
        DrawioImport.Result claims = page("bpmn-claims.drawio", "Claims");
        String xml = DrawioExport.toXml(claims.definition(), claims.pictures(), false);
        assertThat(xml).contains("shape=mxgraph.bpmn.gateway2", "outline=end;symbol=terminate2", "width=\"40\"");
        assertThat(xml).as("each lane is a swimlane holding its stages")
                .contains("id=\"lane-1\" parent=\"1\" style=\"swimlane;", "value=\"Customer\"", "value=\"Claims office\"", "parent=\"lane-2\"");
        DrawioImport.Result again = DrawioImport.importPage(DrawioFile.parse(xml, "again.drawio").pages().get(0), "again");
        assertThat(again.definition()).as("positions and lanes come back as they were").isEqualTo(claims.definition());
        assertThat(again.issues()).containsExactly(
                "page 'bpmn-claims': lane 'Customer' is not a stage; the 2 shapes in it became stages that keep it as their lane:"
                        + " 'Damage noticed', 'File claim'",
                "page 'bpmn-claims': lane 'Claims office' is not a stage; the 5 shapes in it became stages that keep it as their lane:"
                        + " 'Assess claim', 'Covered?', 'Pay out', 'Claim paid', 'Claim rejected'");
    }
}
