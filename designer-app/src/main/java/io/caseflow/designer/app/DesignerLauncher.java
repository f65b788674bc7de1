package io.caseflow.designer.app;

import javafx.application.Application;

/**
 * The designer's {@code main}: a plain class, so the app also starts from a classpath jar where
 * JavaFX is not on the module path.
 *
 * <pre>mvn -q -pl designer-app javafx:run</pre>
 */
public final class DesignerLauncher {
    private DesignerLauncher() {
    }

    public static void main(String[] args) {
        Application.launch(DesignerApp.class, args);
    }
}
