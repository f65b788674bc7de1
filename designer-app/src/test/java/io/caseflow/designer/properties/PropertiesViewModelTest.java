package io.caseflow.designer.properties;

import static org.assertj.core.api.Assertions.assertThat;

import io.caseflow.definition.Layout;
import io.caseflow.definition.StageKind;
import io.caseflow.designer.Samples;
import io.caseflow.designer.editor.CaseDocument;
import io.caseflow.designer.editor.Edits;
import io.caseflow.designer.properties.PropertiesViewModel.Field;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PropertiesViewModelTest {
    private final CaseDocument document = CaseDocument.untitled(Samples.tiny());
    private final PropertiesViewModel vm = new PropertiesViewModel(document, () -> List.of("h.start", "h.call"));

    private String value(String key) {
        return vm.fields().stream().filter(f -> f.key().equals(key)).findFirst().map(Field::value).orElseThrow();
    }

    @Test
    void nothing_selected_shows_the_case() {
        assertThat(vm.title()).isEqualTo("Case");
        assertThat(value(PropertiesViewModel.CASE_NAME)).isEqualTo("tiny");
        assertThat(value(PropertiesViewModel.CASE_START)).isEqualTo("start");
        assertThat(vm.commit(PropertiesViewModel.CASE_API, "v2")).isEmpty();
        assertThat(document.definition().api()).isEqualTo("v2");
    }

    @Test
    void a_stage_shows_its_settings_and_edits_are_undoable() {
        document.selection().selectStage("call");
        assertThat(vm.title()).isEqualTo("Service stage");
        assertThat(value(PropertiesViewModel.SERVICE)).isEqualTo("warehouse");
        assertThat(value(PropertiesViewModel.TIMEOUT)).isEqualTo("30s");
        assertThat(value(PropertiesViewModel.REPLY_TIMEOUT)).isEqualTo("5m");

        assertThat(vm.commit(PropertiesViewModel.TIMEOUT, "45s")).isEmpty();
        assertThat(document.definition().stage("call").orElseThrow().timeout()).isEqualTo(Duration.ofSeconds(45));
        assertThat(document.stack().undoLabel()).contains("Set timeout of 'call'");
        document.stack().undo();
        assertThat(document.definition().stage("call").orElseThrow().timeout()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void a_bad_value_is_refused_with_a_sentence_and_changes_nothing() {
        document.selection().selectStage("call");
        assertThat(vm.commit(PropertiesViewModel.TIMEOUT, "soon")).hasValueSatisfying(m -> assertThat(m).contains("not a duration"));
        assertThat(vm.commit(PropertiesViewModel.RETRY_ATTEMPTS, "many")).hasValueSatisfying(m -> assertThat(m).contains("whole number"));
        assertThat(vm.commit(PropertiesViewModel.NAME, "done")).hasValueSatisfying(m -> assertThat(m).contains("already exists"));
        assertThat(document.stack().canUndo()).isFalse();
    }

    @Test
    void a_stage_lane_is_shown_picked_from_the_case_lanes_and_survives_a_move() {
        document.selection().selectStage("start");
        assertThat(value(PropertiesViewModel.LANE)).isEmpty();
        assertThat(vm.commit(PropertiesViewModel.LANE, " Front desk ")).isEmpty();
        assertThat(document.definition().stage("start").orElseThrow().layout().lane()).isEqualTo("Front desk");
        assertThat(document.stack().undoLabel()).contains("Put 'start' in lane 'Front desk'");

        document.selection().selectStage("call");
        Field lane = vm.fields().stream().filter(f -> f.key().equals(PropertiesViewModel.LANE)).findFirst().orElseThrow();
        assertThat(lane.type()).isEqualTo(PropertiesViewModel.Type.EDITABLE_CHOICE);
        assertThat(lane.choices()).containsExactly("Front desk");

        document.execute(Edits.move(Map.of("start", new Layout(500, 500))));
        assertThat(document.definition().stage("start").orElseThrow().layout())
                .isEqualTo(new Layout(500, 500, "Front desk"));
        document.selection().selectStage("start");
        assertThat(vm.commit(PropertiesViewModel.LANE, "")).isEmpty();
        assertThat(document.definition().stage("start").orElseThrow().layout().lane()).isNull();
    }

    @Test
    void renaming_keeps_the_stage_selected_under_its_new_name_via_the_editor() {
        document.selection().selectStage("start");
        assertThat(vm.commit(PropertiesViewModel.NAME, "begin")).isEmpty();
        assertThat(document.definition().startStage()).isEqualTo("begin");
    }

    @Test
    void making_a_service_stage_a_task_drops_the_service_settings() {
        document.selection().selectStage("call");
        assertThat(vm.commit(PropertiesViewModel.KIND, "task")).isEmpty();
        var stage = document.definition().stage("call").orElseThrow();
        assertThat(stage.kind()).isEqualTo(StageKind.TASK);
        assertThat(stage.service()).isNull();
        assertThat(stage.replyTimeout()).isNull();
        document.selection().selectStage("call");
        assertThat(vm.fields().stream().filter(f -> f.key().equals(PropertiesViewModel.SERVICE)).findFirst().orElseThrow().enabled()).isFalse();
    }

    @Test
    void retry_settings_are_edited_one_at_a_time() {
        document.selection().selectStage("start");
        assertThat(vm.commit(PropertiesViewModel.RETRY_ATTEMPTS, "5")).isEmpty();
        assertThat(vm.commit(PropertiesViewModel.RETRY_BACKOFF, "250ms")).isEmpty();
        var retry = document.definition().stage("start").orElseThrow().retry();
        assertThat(retry.maxAttempts()).isEqualTo(5);
        assertThat(retry.backoff()).isEqualTo(Duration.ofMillis(250));
    }

    @Test
    void a_transition_shows_its_ends_and_outcome() {
        document.selection().selectTransition(1);
        assertThat(vm.title()).isEqualTo("Transition");
        assertThat(value(PropertiesViewModel.FROM)).isEqualTo("call");
        assertThat(value(PropertiesViewModel.OUTCOME)).isEqualTo("ok");
        assertThat(vm.commit(PropertiesViewModel.OUTCOME, "reserved")).isEmpty();
        assertThat(document.definition().transitions().get(1).outcome()).isEqualTo("reserved");
        assertThat(vm.commit(PropertiesViewModel.TO, "start")).isEmpty();
        assertThat(document.definition().transitions().get(1).to()).isEqualTo("start");
    }

    @Test
    void handler_suggestions_come_from_the_runtime() {
        document.selection().selectStage("start");
        Field handler = vm.fields().stream().filter(f -> f.key().equals(PropertiesViewModel.HANDLER)).findFirst().orElseThrow();
        assertThat(handler.choices()).containsExactly("h.call", "h.start");
    }
}
