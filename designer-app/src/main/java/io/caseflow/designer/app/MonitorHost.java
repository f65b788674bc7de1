package io.caseflow.designer.app;

import io.caseflow.definition.CaseKey;
import io.caseflow.designer.concurrent.UiExecutor;
import io.caseflow.designer.deploy.ConnectionProfile;
import io.caseflow.designer.deploy.EmbeddedRuntime;
import io.caseflow.designer.monitor.ConnectionState;
import io.caseflow.designer.monitor.MonitorSource;
import io.caseflow.designer.monitor.MonitorViewModel;
import io.caseflow.designer.monitor.source.EmbeddedMonitorSource;
import io.caseflow.designer.monitor.source.RemoteMonitorSource;
import io.caseflow.designer.monitor.view.FxMonitorDialogs;
import io.caseflow.designer.monitor.view.MonitorView;
import java.time.Clock;
import java.util.function.Consumer;
import java.util.prefs.Preferences;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

/**
 * The Monitor tab's content: one monitor view on whichever source is watched (the embedded runtime
 * or a remote one), replaced when another is chosen, its connection shown in the status bar.
 * FX thread only.
 */
final class MonitorHost extends StackPane {
    private final Stage stage;
    private final UiExecutor ui;
    private final DesignerStatusBar statusBar;
    private final Runnable showTab;
    private MonitorView monitor;
    private EmbeddedRuntime embedded;

    /** @param showTab brings the Monitor tab to the front */
    MonitorHost(Stage stage, UiExecutor ui, DesignerStatusBar statusBar, Runnable showTab) {
        this.stage = stage;
        this.ui = ui;
        this.statusBar = statusBar;
        this.showTab = showTab;
        Label waiting = new Label("The monitor appears once the embedded runtime has started…");
        waiting.getStyleClass().add("placeholder");
        getChildren().add(waiting);
    }

    /** The embedded runtime is up: "Monitor the Embedded Runtime" can go back to it. */
    void runtimeReady(EmbeddedRuntime runtime) {
        embedded = runtime;
    }

    /** Watches {@code source} from now on; the monitor before is closed, with its source. */
    MonitorView monitorOn(MonitorSource source) {
        close();
        MonitorViewModel vm = new MonitorViewModel(source, ui, Clock.systemUTC());
        MonitorView view = new MonitorView(vm, new FxMonitorDialogs(stage));
        vm.start();
        show(view);
        return view;
    }

    private void show(MonitorView view) {
        monitor = view;
        getChildren().setAll(view);
        view.viewModel().connectionProperty().addListener((o, a, b) -> {
            if (monitor == view) {
                showConnection(b);
            }
        });
        showConnection(view.viewModel().connectionProperty().get());
        view.viewModel().actions().lastProperty().addListener((o, a, b) -> {
            if (b != null && monitor == view) {
                statusBar.setText(b.text());
            }
        });
    }

    private void showConnection(ConnectionState state) {
        if (state != null) {
            statusBar.showConnection(state, monitor == null ? "" : " · " + monitor.viewModel().source().describe());
        }
    }

    /** Closes the monitor and its source (when the app stops, or before watching another source). */
    void close() {
        if (monitor != null) {
            monitor.close();
            monitor.viewModel().source().close();
            monitor = null;
        }
    }

    /** Shows the Monitor tab and runs {@code action} on the monitor, or says that there is none yet. */
    void withMonitor(Consumer<MonitorView> action) {
        if (monitor == null) {
            statusBar.setText("The monitor is not ready yet: the embedded runtime is starting");
            return;
        }
        showTab.run();
        action.accept(monitor);
    }

    /**
     * Watches the shared runtime of {@code profile} (its token reads and acts; its broker, if any,
     * brings live events), unless the monitor already does.
     */
    void monitorProfile(ConnectionProfile profile) {
        if (monitor != null && monitor.viewModel().source().describe().equals(profile.toString())) {
            return;
        }
        MonitorSource remote = RemoteMonitorSource.builder(profile.url(), profile.token()).name(profile.toString())
                .actionToken(profile.token()).broker(profile.brokerUri() == null ? "" : profile.brokerUri().toString())
                .executor(ui.background()).build();
        monitorOn(remote);
        statusBar.setText("Monitoring " + profile);
    }

    /** A case was deployed: the monitor reads the definitions again and watches that case. */
    void deployed(CaseKey key) {
        if (monitor != null) {
            monitor.viewModel().loadDefinitions();
            monitor.viewModel().monitor(key);
        }
    }

    void monitorRemote() {
        RemoteMonitorDialog.ask(stage, Preferences.userNodeForPackage(MainWindow.class)).ifPresent(s -> {
            MonitorSource remote = RemoteMonitorSource.builder(s.server(), s.readToken()).actionToken(s.apiToken()).broker(s.broker())
                    .executor(ui.background()).build();
            monitorOn(remote);
            showTab.run();
            statusBar.setText("Monitoring " + s.server() + (s.apiToken().isEmpty() ? " (read-only)" : ""));
        });
    }

    void monitorEmbedded() {
        if (embedded == null) {
            statusBar.setText("The embedded runtime is not running");
            return;
        }
        monitorOn(EmbeddedMonitorSource.builder(embedded).executor(ui.background()).build());
        showTab.run();
        statusBar.setText("Monitoring the embedded runtime");
    }
}
