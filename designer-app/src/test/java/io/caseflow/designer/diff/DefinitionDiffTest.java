package io.caseflow.designer.diff;

import static org.assertj.core.api.Assertions.assertThat;

import io.caseflow.definition.CaseDefinition;
import io.caseflow.definition.Layout;
import io.caseflow.definition.StageDefinition;
import io.caseflow.definition.TransitionDefinition;
import io.caseflow.designer.Samples;
import io.caseflow.designer.editor.Edits;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DefinitionDiffTest {
    private final CaseDefinition deployed = Samples.tiny().withVersion(3);

    @Test
    void the_same_case_with_another_version_number_is_no_change() {
        assertThat(DefinitionDiff.between(deployed, Samples.tiny()).isEmpty()).isTrue();
    }

    @Test
    void added_removed_and_changed_stages_and_transitions_are_listed() {
        CaseDefinition edited = Edits.addStage(StageDefinition.task("audit", "h.audit").withLayout(new Layout(40, 300))).apply(Samples.tiny());
        edited = Edits.updateStage("call", "t", s -> s.withTimeout(Duration.ofSeconds(45))).apply(edited);
        edited = Edits.move(Map.of("start", new Layout(60, 100))).apply(edited);
        edited = Edits.setOutcome(1, "reserved").apply(edited);
        edited = Edits.connect("start", "audit", "audit").apply(edited);

        DefinitionDiff diff = DefinitionDiff.between(deployed, edited);
        assertThat(diff.addedStages()).containsExactly("audit");
        assertThat(diff.changedStages()).containsOnlyKeys("call", "start");
        assertThat(diff.changedStages().get("call")).containsExactly("timeout 30s → 45s");
        assertThat(diff.onlyMoved("start")).isTrue();
        assertThat(diff.addedTransitions()).containsExactly(new TransitionDefinition("start", "audit", "audit"));
        assertThat(diff.changedTransitions()).containsExactly("call → done: outcome ok → reserved");
        assertThat(diff.highlightedTransitions(edited)).containsExactlyInAnyOrder(
                new TransitionDefinition("start", "audit", "audit"), new TransitionDefinition("call", "done", "reserved"));
        assertThat(diff.describe()).contains("+ stage audit", "~ stage call: timeout 30s → 45s");
    }

    @Test
    void a_deleted_stage_and_its_transitions_show_as_removed() {
        CaseDefinition edited = Edits.delete(Set.of("call"), Set.of()).apply(Samples.tiny());
        DefinitionDiff diff = DefinitionDiff.between(deployed, edited);
        assertThat(diff.removedStages()).extracting(StageDefinition::name).containsExactly("call");
        assertThat(diff.removedTransitions()).hasSize(2);
        assertThat(diff.describe()).contains("− stage call");
    }

    @Test
    void against_nothing_deployed_everything_is_new() {
        DefinitionDiff diff = DefinitionDiff.between(null, Samples.tiny());
        assertThat(diff.addedStages()).containsExactly("start", "call", "done");
        assertThat(diff.addedTransitions()).hasSize(2);
    }
}
