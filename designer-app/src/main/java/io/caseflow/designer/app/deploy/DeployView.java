package io.caseflow.designer.app.deploy;

import io.caseflow.designer.canvas.CaseCanvas;
import io.caseflow.designer.canvas.Decorations;
import java.util.function.Consumer;

/**
 * Shows the deploy flow: a status line per step, the dialogs, and the changes drawn on the canvas
 * while the user decides. Holds no state of its own; {@link DeployViewModel} does.
 */
public final class DeployView {
    private final DeployViewModel vm;
    private final DeployDialogs dialogs;
    private final CaseCanvas canvas;
    private final Consumer<String> status;
    private final Runnable onRefused;

    /**
     * @param status    the status line
     * @param onRefused what else happens when the case is refused for its errors (the problems list is shown afresh)
     */
    public DeployView(DeployViewModel vm, DeployDialogs dialogs, CaseCanvas canvas, Consumer<String> status, Runnable onRefused) {
        this.vm = vm;
        this.dialogs = dialogs;
        this.canvas = canvas;
        this.status = status;
        this.onRefused = onRefused;
        vm.stateProperty().addListener((o, before, now) -> show(now));
    }

    private void show(DeployState state) {
        // Java 17: no pattern switch over the sealed states yet.
        if (state instanceof DeployState.NoTarget) {
            dialogs.info("Deploy", "The embedded runtime is still starting; try again in a moment.");
        } else if (state instanceof DeployState.Refused refused) {
            onRefused.run();
            dialogs.error("Cannot deploy " + refused.definition().key(), "The case has " + refused.errors()
                    + " error(s); fix them first. They are listed under Problems and marked in red on the canvas.");
            status.accept("Deploy refused: " + refused.summary());
        } else if (state instanceof DeployState.Comparing) {
            status.accept("Comparing with the deployed version…");
        } else if (state instanceof DeployState.Unchanged unchanged) {
            dialogs.info("Nothing to deploy", unchanged.plan().headline() + ".");
            status.accept(unchanged.plan().headline());
        } else if (state instanceof DeployState.AwaitingConfirmation awaiting) {
            confirm(awaiting);
        } else if (state instanceof DeployState.Cancelled) {
            status.accept("Deploy cancelled");
        } else if (state instanceof DeployState.Deploying deploying) {
            status.accept("Deploying " + deploying.definition().key() + "…");
        } else if (state instanceof DeployState.Deployed deployed) {
            status.accept("Deployed " + deployed.definition().key() + " v" + deployed.version() + " to the " + deployed.target());
        } else if (state instanceof DeployState.Failed failed) {
            dialogs.error(failed.title(), failed.message());
            status.accept("Deploy failed");
        }
    }

    private void confirm(DeployState.AwaitingConfirmation awaiting) {
        canvas.setDecorations(canvas.decorations().withDiff(Decorations.Diff.of(awaiting.plan().diff(), awaiting.plan().edited())));
        canvas.paintNow();
        boolean confirmed = dialogs.confirmDeploy(awaiting.plan());
        canvas.setDecorations(canvas.decorations().withDiff(null));
        vm.confirm(confirmed);
    }
}
