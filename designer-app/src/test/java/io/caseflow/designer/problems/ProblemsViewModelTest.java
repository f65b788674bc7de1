package io.caseflow.designer.problems;

import static org.assertj.core.api.Assertions.assertThat;

import io.caseflow.definition.CaseDefinition;
import io.caseflow.designer.Samples;
import io.caseflow.designer.editor.Edits;
import io.caseflow.designer.editor.Hit;
import io.caseflow.validation.Severity;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ProblemsViewModelTest {
    private final ProblemsViewModel vm = new ProblemsViewModel();

    @Test
    void a_valid_case_has_no_problems() {
        vm.validate(Samples.tiny(), "tiny.case.json", List.of());
        assertThat(vm.rows()).isEmpty();
        assertThat(vm.summary()).isEqualTo("No problems");
    }

    @Test
    void problems_become_rows_markers_and_tooltips() {
        CaseDefinition broken = Edits.delete(Set.of(), Set.of(1)).apply(Samples.tiny());
        vm.validate(broken, "tiny.case.json", List.of());
        assertThat(vm.stageMarks()).containsEntry("call", Severity.ERROR);
        assertThat(vm.rows()).anyMatch(r -> r.element().equals("stage 'call'") && r.message().contains("no outgoing transition"));
        assertThat(vm.tooltip(new Hit.StageBody("call"))).startsWith("Stage 'call'").contains("Error: ");
        assertThat(vm.tooltip(new Hit.Edge(0))).isNull();
        assertThat(vm.summary()).contains("error");
    }

    @Test
    void unknown_handlers_are_errors_once_the_runtime_is_known() {
        vm.setKnownHandlers(h -> h.equals("h.start"));
        vm.validate(Samples.tiny(), "tiny.case.json", List.of());
        assertThat(vm.stageMarks()).containsEntry("call", Severity.ERROR);
        assertThat(vm.rows()).anyMatch(r -> r.message().contains("handler 'h.call' is not registered"));
    }

    @Test
    void import_issues_are_listed_as_warnings_without_a_target() {
        vm.validate(Samples.tiny(), "x", List.of("page 'P': edge (id e1) has no target"));
        assertThat(vm.rows()).singleElement().satisfies(r -> {
            assertThat(r.severity()).isEqualTo(Severity.WARNING);
            assertThat(r.target()).isNull();
        });
        assertThat(vm.summary()).isEqualTo("1 warning");
    }

    @Test
    void transition_problems_mark_the_transition() {
        CaseDefinition dup = Edits.connect("start", "done", "next").apply(Samples.tiny());
        vm.validate(dup, "x", List.of());
        assertThat(vm.transitionMarks()).containsEntry(2, Severity.ERROR);
        assertThat(vm.tooltip(new Hit.Edge(2))).contains("already has a transition for outcome 'next'");
    }
}
