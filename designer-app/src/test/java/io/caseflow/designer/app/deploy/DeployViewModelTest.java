package io.caseflow.designer.app.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.caseflow.definition.CaseDefinition;
import io.caseflow.definition.CaseKey;
import io.caseflow.definition.DeployedDefinition;
import io.caseflow.definition.Layout;
import io.caseflow.designer.Samples;
import io.caseflow.designer.concurrent.UiExecutor;
import io.caseflow.designer.deploy.DeployTarget;
import io.caseflow.designer.editor.Edits;
import io.caseflow.designer.problems.ProblemsViewModel;
import io.caseflow.validation.ValidationReport;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The deploy flow's states, without the toolkit: a same-thread executor and a target in memory. */
class DeployViewModelTest {
    private final ProblemsViewModel problems = new ProblemsViewModel();
    private final DeployViewModel vm = new DeployViewModel(UiExecutor.direct(), problems);
    private final List<DeployState> seen = new ArrayList<>();
    private final List<CaseDefinition> deployed = new ArrayList<>();
    private CaseDefinition latest = Samples.tiny().withVersion(4);
    private RuntimeException unreachable;

    @BeforeEach
    void watch() {
        vm.stateProperty().addListener((o, a, b) -> seen.add(b));
    }

    @Test
    void without_a_target_nothing_is_sent() {
        vm.deploy(valid(Samples.tiny()));
        assertThat(seen).last().isInstanceOf(DeployState.NoTarget.class);
    }

    @Test
    void an_invalid_case_is_refused_twice_in_a_row_and_nothing_is_sent() {
        vm.setTarget(target());
        CaseDefinition broken = Samples.tiny().withStartStage("nowhere");
        problems.validate(broken, "test", List.of());
        vm.deploy(broken);
        vm.deploy(broken);
        assertThat(seen).filteredOn(DeployState.Refused.class::isInstance).hasSize(2);
        assertThat(deployed).isEmpty();
    }

    @Test
    void a_changed_case_waits_for_confirmation_then_deploys_as_the_next_version() {
        vm.setTarget(target());
        vm.deploy(valid(moved()));
        assertThat(vm.stateProperty().get()).isInstanceOfSatisfying(DeployState.AwaitingConfirmation.class,
                awaiting -> assertThat(awaiting.plan().nextVersion()).isEqualTo(5));
        vm.confirm(true);
        assertThat(vm.stateProperty().get()).isEqualTo(new DeployState.Deployed(deployed.get(0).withVersion(5), 5, "test target"));
    }

    @Test
    void a_cancelled_plan_sends_nothing() {
        vm.setTarget(target());
        vm.deploy(valid(moved()));
        vm.confirm(false);
        assertThat(vm.stateProperty().get()).isInstanceOf(DeployState.Cancelled.class);
        assertThat(deployed).isEmpty();
    }

    @Test
    void the_same_case_again_is_unchanged_and_an_unreachable_target_fails_in_a_sentence() {
        vm.setTarget(target());
        vm.deploy(valid(Samples.tiny()));
        assertThat(vm.stateProperty().get()).isInstanceOf(DeployState.Unchanged.class);
        unreachable = new IllegalStateException("the runtime is not running");
        vm.deploy(valid(Samples.tiny()));
        assertThat(vm.stateProperty().get()).isEqualTo(new DeployState.Failed("Cannot deploy to the test target", "the runtime is not running"));
    }

    /** The sample with its end stage moved: a change, and still valid. */
    private static CaseDefinition moved() {
        return Edits.move(Map.of("done", new Layout(700, 100))).apply(Samples.tiny());
    }

    private CaseDefinition valid(CaseDefinition definition) {
        problems.validate(definition, "test", List.of());
        assertThat(problems.report().hasErrors()).isFalse();
        return definition;
    }

    private DeployTarget target() {
        return new DeployTarget() {
            @Override
            public String describe() {
                return "test target";
            }

            @Override
            public Optional<CaseDefinition> latest(CaseKey key) {
                if (unreachable != null) {
                    throw unreachable;
                }
                return Optional.of(latest);
            }

            @Override
            public ValidationReport validate(CaseDefinition definition) {
                return new ValidationReport(List.of());
            }

            @Override
            public DeployedDefinition deploy(CaseDefinition definition) {
                deployed.add(definition);
                return new DeployedDefinition(definition.withVersion(latest.version() + 1), Instant.now(), false);
            }
        };
    }
}
