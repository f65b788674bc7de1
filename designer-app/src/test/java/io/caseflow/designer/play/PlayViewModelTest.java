package io.caseflow.designer.play;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.caseflow.definition.CaseDefinition;
import io.caseflow.designer.concurrent.UiExecutor;
import io.caseflow.designer.play.PlayViewModel.Phase;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Play flow on a same-thread executor: no toolkit, a real play runtime. */
class PlayViewModelTest {
    @TempDir
    Path home;
    private PlayViewModel vm;

    @AfterEach
    void stop() {
        vm.close();
    }

    @Test
    void a_case_with_errors_is_refused_with_the_validators_first_problem_and_nothing_starts() {
        vm = new PlayViewModel(UiExecutor.direct(), () -> home.resolve("play"), Clock.systemUTC());
        CaseDefinition broken = PlayCases.approval().withStartStage("nowhere");

        vm.play(broken);

        assertThat(vm.phaseProperty().get()).isEqualTo(Phase.REFUSED);
        assertThat(vm.statusProperty().get()).startsWith("Cannot play approval/v1: 1 problem to fix first").contains("nowhere");
        assertThat(vm.monitorProperty().get()).isNull();
        assertThat(home.resolve("play")).doesNotExist();
    }

    @Test
    void a_play_starts_the_counted_processes_with_the_input_and_its_monitor_counts_them() {
        vm = new PlayViewModel(UiExecutor.direct(), () -> home.resolve("play"), Clock.systemUTC());
        vm.play(PlayCases.approval());
        assertThat(vm.phaseProperty().get()).isEqualTo(Phase.PLAYING);
        assertThat(vm.stageSettings().stages()).containsExactly("review", "charge");

        vm.inputTextProperty().set("{\"amount\": }");
        assertThat(vm.inputErrorProperty().get()).startsWith("Line 1, column");
        vm.startProcesses();
        assertThat(vm.statusProperty().get()).startsWith("Line 1, column");

        vm.inputTextProperty().set("{\"amount\": 40}");
        vm.countProperty().set(5);
        vm.startProcesses();

        assertThat(vm.statusProperty().get()).isEqualTo("Started 5 simulated processes of approval/v1.");
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            vm.monitorProperty().get().tick();
            return vm.monitorProperty().get().counts().load("shipped").completed() == 5;
        });
    }
}
