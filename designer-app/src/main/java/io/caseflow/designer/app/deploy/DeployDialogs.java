package io.caseflow.designer.app.deploy;

import io.caseflow.designer.deploy.ConnectionProfile;
import io.caseflow.designer.deploy.DeployPlan;
import java.util.Optional;

/** What the deploy flow asks and tells the user. Called on the FX thread; every method blocks until the user answers. */
public interface DeployDialogs {
    /** Shows the deploy plan (changes, new version); true to deploy. */
    boolean confirmDeploy(DeployPlan plan);

    /** Asks for a new connection profile ({@code existing} null) or changes to one; empty if cancelled. */
    Optional<ConnectionProfile> editConnection(ConnectionProfile existing);

    void error(String title, String message);

    void info(String title, String message);
}
