package io.caseflow.designer.app;

import io.caseflow.designer.app.actions.RecentFiles;
import io.caseflow.designer.deploy.EmbeddedRuntime;
import io.caseflow.designer.editor.CaseDocument;
import io.caseflow.designer.layout.AutoLayout;
import io.caseflow.designer.modules.ModuleFolderPreference;
import io.caseflow.designer.monitor.source.EmbeddedMonitorSource;
import io.caseflow.designer.monitor.view.MonitorCommands;
import io.caseflow.designer.monitor.view.MonitorView;
import io.caseflow.designer.problems.ProblemsViewModel;
import io.caseflow.samples.BusinessCase1;
import java.util.List;
import java.util.Locale;
import java.util.prefs.Preferences;
import javafx.application.Application;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The designer application: opens the main window on the sample businessCase1 (or the file given
 * on the command line), starts the embedded runtime in the background, then the monitor on it. On
 * a fresh folder it starts a batch of sample orders and opens on the monitor, so there is live
 * traffic and a failure to retry at once.
 */
public final class DesignerApp extends Application {
    private static final Logger LOG = LoggerFactory.getLogger(DesignerApp.class);
    private static final String MODE_PREF = "mode";
    private final Preferences prefs = Preferences.userNodeForPackage(DesignerApp.class);
    private FxUiExecutor ui;
    private EmbeddedRuntime runtime;
    private MainWindow window;

    @Override
    public void start(Stage stage) {
        DesignerOptions options = DesignerOptions.parse(getParameters().getRaw());
        ui = new FxUiExecutor();
        CaseDocument document = CaseDocument.untitled(BusinessCase1.definition());
        document.load(BusinessCase1.definition(), null, "businessCase1.case.json", List.of());
        window = new MainWindow(stage, ui, new FxDialogs(stage, prefs),
                new RecentFiles(prefs.node("recent")), document, new ProblemsViewModel());
        stage.setMinWidth(900);
        stage.setMinHeight(600);
        if (options.mode() == DesignerOptions.Mode.MONITOR
                || options.mode() == DesignerOptions.Mode.AUTO && "monitor".equals(prefs.get(MODE_PREF, "design"))) {
            window.showMonitor();
        }
        stage.show();
        if (options.file() != null) {
            String name = options.file().getFileName().toString().toLowerCase(Locale.ROOT);
            if (name.endsWith(".drawio") || name.endsWith(".xml") || name.endsWith(".png") || name.endsWith(".svg")) {
                window.importDrawioFile(options.file());
            } else {
                window.openFile(options.file());
            }
        }
        // Warm the layout engine so the first Auto-Layout is quick.
        ui.run(() -> AutoLayout.compute(BusinessCase1.definition()), r -> { }, e -> LOG.debug("layout warm-up failed", e));
        if (options.startRuntime()) {
            // The module folder chosen before loads with the runtime (Runtime ▸ Module Folder…).
            ui.run(() -> EmbeddedRuntime.start(options.home(), ModuleFolderPreference.forUser().folder().orElse(null)), rt -> {
                runtime = rt;
                window.runtimeReady(rt);
                startMonitor(rt, options);
            }, window::runtimeFailed);
        } else {
            window.runtimeFailed(new IllegalStateException("started with --no-runtime"));
        }
    }

    private void startMonitor(EmbeddedRuntime rt, DesignerOptions options) {
        MonitorView monitor = window.monitorOn(EmbeddedMonitorSource.builder(rt).executor(ui.background()).build());
        if (rt.wasEmpty() && options.demo()) {
            LOG.info("fresh folder {}: starting {} sample orders for the monitor", rt.home(), MonitorCommands.DEFAULT_DEMO_COUNT);
            monitor.commands().startDemo(MonitorCommands.DEFAULT_DEMO_COUNT);
            if (options.mode() != DesignerOptions.Mode.DESIGN) {
                window.showMonitor();
            }
        }
    }

    @Override
    public void stop() {
        if (window != null) {
            prefs.put(MODE_PREF, window.isMonitorShown() ? "monitor" : "design");
            window.closeMonitor();
        }
        if (runtime != null) {
            runtime.close();
        }
        if (ui != null) {
            ui.close();
        }
    }
}
