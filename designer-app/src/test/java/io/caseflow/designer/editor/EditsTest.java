package io.caseflow.designer.editor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.caseflow.definition.CaseDefinition;
import io.caseflow.definition.Layout;
import io.caseflow.definition.StageDefinition;
import io.caseflow.definition.TransitionDefinition;
import io.caseflow.designer.Samples;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EditsTest {
    private final CaseDefinition tiny = Samples.tiny();

    @Test
    void rename_follows_into_transitions_and_the_start_stage() {
        CaseDefinition after = Edits.rename("start", "validate").apply(tiny);
        assertThat(after.startStage()).isEqualTo("validate");
        assertThat(after.transitions().get(0)).isEqualTo(TransitionDefinition.of("validate", "call"));
        assertThat(after.stage("validate")).isPresent();
    }

    @Test
    void moving_pasting_and_renaming_keep_a_stage_lane() {
        CaseDefinition laned = Edits.setLane("call", "Warehouse").apply(tiny);
        assertThat(Edits.move(Map.of("call", new Layout(1, 2))).apply(laned).stage("call").orElseThrow().layout())
                .isEqualTo(new Layout(1, 2, "Warehouse"));
        assertThat(Edits.rename("call", "reserve").apply(laned).stage("reserve").orElseThrow().layout().lane()).isEqualTo("Warehouse");
        CaseDefinition pasted = Edits.paste(laned, 10, 10).apply(laned);
        assertThat(pasted.stage("call2").orElseThrow().layout()).isEqualTo(new Layout(270, 110, "Warehouse"));
    }

    @Test
    void a_document_keeps_imported_pictures_under_a_renamed_stage_and_through_undo() {
        CaseDocument document = CaseDocument.untitled(tiny);
        document.load(tiny, null, "tiny.drawio", List.of(), Map.of("call", new StagePicture("rhombus;", 80, 80)));
        document.execute(Edits.rename("call", "reserve"));
        assertThat(document.pictures()).containsOnlyKeys("reserve");
        document.stack().undo();
        assertThat(document.pictures()).containsOnlyKeys("call");
        document.load(tiny, null, "other", List.of());
        assertThat(document.pictures()).as("another case has no pictures").isEmpty();
    }

    @Test
    void rename_refuses_blank_names() {
        assertThatThrownBy(() -> Edits.rename("start", "  ").apply(tiny)).hasMessage("A stage needs a name.");
    }

    @Test
    void deleting_a_stage_deletes_its_transitions_and_clears_the_start() {
        CaseDefinition after = Edits.delete(Set.of("start"), Set.of()).apply(tiny);
        assertThat(after.stages()).extracting(StageDefinition::name).containsExactly("call", "done");
        assertThat(after.transitions()).containsExactly(new TransitionDefinition("call", "done", "ok"));
        assertThat(after.startStage()).isNull();
    }

    @Test
    void deleting_a_transition_by_index() {
        CaseDefinition after = Edits.delete(Set.of(), Set.of(1)).apply(tiny);
        assertThat(after.transitions()).containsExactly(TransitionDefinition.of("start", "call"));
    }

    @Test
    void connect_uses_next_first_then_free_branch_names() {
        CaseDefinition a = Edits.connect("call", "start", null).apply(tiny);
        assertThat(a.transitions().get(2).outcome()).isEqualTo("next");
        CaseDefinition b = Edits.connect("call", "call", null).apply(a);
        assertThat(b.transitions().get(3).outcome()).isEqualTo("branch1");
    }

    @Test
    void nothing_follows_an_end_stage() {
        assertThatThrownBy(() -> Edits.connect("done", "start", null).apply(tiny)).hasMessageContaining("is an end stage");
    }

    @Test
    void reconnect_keeps_the_outcome() {
        CaseDefinition after = Edits.reconnect(1, "call", "start").apply(tiny);
        assertThat(after.transitions().get(1)).isEqualTo(new TransitionDefinition("call", "start", "ok"));
    }

    @Test
    void first_stage_of_an_empty_case_becomes_the_start() {
        CaseDefinition empty = CaseDefinition.builder("e", "v1").build();
        CaseDefinition after = Edits.addStage(StageDefinition.task("first", null)).apply(empty);
        assertThat(after.startStage()).isEqualTo("first");
    }

    @Test
    void paste_renames_clashes_moves_and_keeps_inner_transitions() {
        Selection sel = new Selection();
        sel.set(List.of("start", "call"), List.of());
        CaseDefinition fragment = Edits.copy(tiny, sel);
        assertThat(fragment.transitions()).containsExactly(TransitionDefinition.of("start", "call"));
        CaseDefinition after = Edits.paste(fragment, 40, 40).apply(tiny);
        assertThat(after.stage("start2").orElseThrow().layout()).isEqualTo(new Layout(80, 140));
        assertThat(after.stage("call2")).isPresent();
        assertThat(after.transitions()).contains(TransitionDefinition.of("start2", "call2"));
        assertThat(after.startStage()).isEqualTo("start");
    }

    @Test
    void update_stage_never_renames() {
        CaseDefinition after = Edits.updateStage("call", "x", s -> s.withName("other").withHandler("h.other")).apply(tiny);
        assertThat(after.stage("call").orElseThrow().handler()).isEqualTo("h.other");
    }

    @Test
    void durations_read_short_and_iso_forms() {
        assertThat(Durations.parse("30s")).hasSeconds(30);
        assertThat(Durations.parse("500ms").toMillis()).isEqualTo(500);
        assertThat(Durations.parse("PT5M")).hasMinutes(5);
        assertThat(Durations.format(Durations.parse("PT0.5S"))).isEqualTo("500ms");
        assertThat(Durations.format(Durations.parse("90s"))).isEqualTo("90s");
        assertThat(Durations.format(Durations.parse("2h"))).isEqualTo("2h");
        assertThatThrownBy(() -> Durations.parse("soon")).hasMessageContaining("not a duration");
    }
}
