package io.caseflow.designer.play;

import static org.assertj.core.api.Assertions.assertThat;

import io.caseflow.definition.StageKind;
import io.caseflow.designer.play.StageSettingsViewModel.TaskMode;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class StageSettingsViewModelTest {
    private final PlaySettings settings = new PlaySettings();
    private final StageSettingsViewModel vm = new StageSettingsViewModel(settings);

    @BeforeEach
    void play() {
        vm.setDefinition(PlayCases.approval());
    }

    @Test
    void the_first_stage_is_chosen_with_its_outcomes_and_ends_cannot_be_chosen() {
        assertThat(vm.stages()).containsExactly("review", "charge");
        assertThat(vm.stageProperty().get()).isEqualTo("review");
        assertThat(vm.kindProperty().get()).isEqualTo(StageKind.TASK);
        assertThat(vm.outcomes()).containsExactly("approve", "reject");
        assertThat(vm.taskModeProperty().get()).isEqualTo(TaskMode.DEFAULT);

        vm.select("shipped");

        assertThat(vm.stageProperty().get()).isEqualTo("review");
    }

    @Test
    void weights_apply_as_they_are_changed_and_all_zero_is_refused_in_a_sentence() {
        vm.taskModeProperty().set(TaskMode.WEIGHTED);
        vm.weights().get(0).weightProperty().set(80);
        vm.weights().get(1).weightProperty().set(20);

        assertThat(settings.task("review")).isEqualTo(new TaskBehaviour.Weighted(Map.of("approve", 80, "reject", 20)));

        vm.weights().forEach(w -> w.weightProperty().set(0));

        assertThat(vm.problemProperty().get()).isEqualTo("At least one outcome needs a weight above 0.");
        assertThat(settings.task("review")).isEqualTo(new TaskBehaviour.Weighted(Map.of("approve", 0, "reject", 20)));
    }

    @Test
    void a_service_reply_with_a_bad_payload_is_not_applied_and_an_error_reply_is() {
        vm.select("charge");
        assertThat(vm.replyOutcomeProperty().get()).isEqualTo("ok");
        assertThat(vm.delayMillisProperty().get()).isEqualTo(50);

        vm.payloadTextProperty().set("{\"receipt\": \"R-1\" \"extra\": 1}");

        assertThat(vm.problemProperty().get()).startsWith("Line 1, column").contains("comma is missing");
        assertThat(settings.explicitService("charge")).isEmpty();

        vm.payloadTextProperty().set("{\"receipt\": \"R-1\"}");
        vm.delayMillisProperty().set(5);
        vm.errorMessageProperty().set("card issuer did not answer");
        vm.replyErrorProperty().set(true);

        ServiceBehaviour reply = settings.service(PlayCases.approval(), "charge");
        assertThat(reply.error()).isEqualTo("card issuer did not answer");
        assertThat(reply.payload().path("receipt").asText()).isEqualTo("R-1");
        assertThat(reply.delay()).isEqualTo(Duration.ofMillis(5));
        assertThat(vm.problemProperty().get()).isEmpty();
    }

    @Test
    void choosing_a_stage_again_shows_what_was_set_and_reset_goes_back_to_the_default() {
        vm.taskModeProperty().set(TaskMode.FAIL);
        vm.failMessageProperty().set("reviewer is on holiday");
        vm.select("charge");
        vm.select("review");

        assertThat(vm.taskModeProperty().get()).isEqualTo(TaskMode.FAIL);
        assertThat(vm.failMessageProperty().get()).isEqualTo("reviewer is on holiday");

        vm.resetStage();

        assertThat(vm.taskModeProperty().get()).isEqualTo(TaskMode.DEFAULT);
        assertThat(settings.task("review")).isInstanceOf(TaskBehaviour.TakeDefault.class);
    }
}
