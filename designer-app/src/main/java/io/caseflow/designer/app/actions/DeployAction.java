package io.caseflow.designer.app.actions;

import io.caseflow.designer.app.deploy.DeployViewModel;

/** Deploy: validates the case now (not at the next pulse), then hands it to the deploy flow. */
public final class DeployAction {
    private final ActionContext context;
    private final Runnable validateNow;
    private final DeployViewModel deploy;

    public DeployAction(ActionContext context, Runnable validateNow, DeployViewModel deploy) {
        this.context = context;
        this.validateNow = validateNow;
        this.deploy = deploy;
    }

    public void execute() {
        validateNow.run();
        deploy.deploy(context.document().definition());
    }
}
