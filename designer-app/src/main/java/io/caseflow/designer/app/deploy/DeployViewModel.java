package io.caseflow.designer.app.deploy;

import io.caseflow.definition.CaseDefinition;
import io.caseflow.designer.concurrent.UiExecutor;
import io.caseflow.designer.deploy.DeployPlan;
import io.caseflow.designer.deploy.DeployTarget;
import io.caseflow.designer.problems.ProblemsViewModel;
import io.caseflow.validation.InvalidDefinitionException;
import io.caseflow.validation.ValidationReport;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The deploy flow as observable state: refuse an invalid case, compare with the deployed version
 * off the FX thread, wait for the user's confirmation, deploy off the FX thread. Each step is a
 * {@link DeployState} in {@link #stateProperty()}; {@link DeployView} shows them. FX thread only;
 * tests drive it with {@link UiExecutor#direct()}.
 *
 * <pre>{@code
 * vm.deploy(document.definition());   // -> Comparing -> AwaitingConfirmation(plan)
 * vm.confirm(true);                   // -> Deploying -> Deployed(definition, version, target)
 * }</pre>
 */
public final class DeployViewModel {
    private static final Logger LOG = LoggerFactory.getLogger(DeployViewModel.class);

    private final UiExecutor ui;
    private final ProblemsViewModel problems;
    private final ReadOnlyObjectWrapper<DeployState> state = new ReadOnlyObjectWrapper<>(new DeployState.Idle());
    private DeployTarget target;

    public DeployViewModel(UiExecutor ui, ProblemsViewModel problems) {
        this.ui = ui;
        this.problems = problems;
    }

    /** Where deploys go from now on (the embedded runtime once it has started). */
    public void setTarget(DeployTarget value) {
        target = value;
    }

    public ReadOnlyObjectProperty<DeployState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    /** Starts a deploy of {@code definition}, validated beforehand by the problems view model. */
    public void deploy(CaseDefinition definition) {
        // A fresh start, so that a second refusal in a row is a change the view sees.
        state.set(new DeployState.Idle());
        if (target == null) {
            state.set(new DeployState.NoTarget());
            return;
        }
        if (problems.report().hasErrors()) {
            state.set(new DeployState.Refused(definition, problems.errorCount(), problems.summary()));
            return;
        }
        DeployTarget to = target;
        state.set(new DeployState.Comparing(definition));
        ui.run(() -> planAfterTargetValidation(to, definition), plan -> state.set(plan.unchanged()
                ? new DeployState.Unchanged(plan) : new DeployState.AwaitingConfirmation(plan)), e -> {
                    LOG.warn("cannot deploy to {}: {}", to.describe(), e.getMessage());
                    state.set(new DeployState.Failed("Cannot deploy to the " + to.describe(), message(e)));
                });
    }

    /** The user's answer to the plan in {@link DeployState.AwaitingConfirmation}. */
    public void confirm(boolean confirmed) {
        if (!(state.get() instanceof DeployState.AwaitingConfirmation awaiting)) {
            return;
        }
        if (!confirmed) {
            state.set(new DeployState.Cancelled());
            return;
        }
        DeployTarget to = target;
        CaseDefinition definition = awaiting.plan().edited();
        state.set(new DeployState.Deploying(definition));
        ui.run(() -> to.deploy(definition),
                deployed -> state.set(new DeployState.Deployed(deployed.definition(), deployed.version(), to.describe())), e -> {
                    LOG.warn("deploy of {} failed: {}", definition.key(), message(e));
                    state.set(new DeployState.Failed("Deploy failed", message(e)));
                });
    }

    /** The target's own validation first (a server knows its handlers), then the plan with the diff. */
    private static DeployPlan planAfterTargetValidation(DeployTarget to, CaseDefinition definition) {
        ValidationReport report = to.validate(definition);
        if (report.hasErrors()) {
            throw new InvalidDefinitionException("case " + definition.key() + " on the " + to.describe(), report);
        }
        return DeployPlan.create(to, definition);
    }

    private static String message(Throwable e) {
        return e instanceof InvalidDefinitionException invalid
                ? "The target refuses the case; nothing was deployed.\n" + invalid.report().describe() : e.getMessage();
    }
}
