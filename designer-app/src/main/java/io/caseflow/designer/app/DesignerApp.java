package io.caseflow.designer.app;

import io.caseflow.designer.deploy.EmbeddedRuntime;
import io.caseflow.designer.layout.AutoLayout;
import io.caseflow.samples.BusinessCase1;
import java.util.prefs.Preferences;
import javafx.application.Application;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The designer application: opens the main window on the sample businessCase1 (or the file given
 * on the command line) and starts the embedded runtime in the background.
 */
public final class DesignerApp extends Application {
    private static final Logger LOG = LoggerFactory.getLogger(DesignerApp.class);
    private FxUiExecutor ui;
    private EmbeddedRuntime runtime;

    @Override
    public void start(Stage stage) {
        DesignerOptions options = DesignerOptions.parse(getParameters().getRaw());
        ui = new FxUiExecutor();
        MainWindow window = new MainWindow(stage, ui, new RecentFiles(Preferences.userNodeForPackage(DesignerApp.class).node("recent")),
                BusinessCase1.definition(), "businessCase1.case.json");
        stage.setMinWidth(900);
        stage.setMinHeight(600);
        stage.show();
        if (options.file() != null) {
            String name = options.file().getFileName().toString().toLowerCase(java.util.Locale.ROOT);
            if (name.endsWith(".drawio") || name.endsWith(".xml")) {
                window.importDrawioFile(options.file());
            } else {
                window.openFile(options.file());
            }
        }
        // Warm the layout engine so the first Auto-Layout is quick.
        ui.run(() -> AutoLayout.compute(BusinessCase1.definition()), r -> { }, e -> LOG.debug("layout warm-up failed", e));
        if (options.startRuntime()) {
            ui.run(() -> EmbeddedRuntime.start(options.home()), rt -> {
                runtime = rt;
                window.runtimeReady(rt);
            }, window::runtimeFailed);
        } else {
            window.runtimeFailed(new IllegalStateException("started with --no-runtime"));
        }
    }

    @Override
    public void stop() {
        if (runtime != null) {
            runtime.close();
        }
        if (ui != null) {
            ui.close();
        }
    }
}
