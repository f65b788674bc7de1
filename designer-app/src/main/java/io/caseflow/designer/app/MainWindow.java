package io.caseflow.designer.app;

import io.caseflow.definition.DeployedDefinition;
import io.caseflow.designer.app.actions.ActionContext;
import io.caseflow.designer.app.actions.DesignerActions;
import io.caseflow.designer.app.actions.DesignerDialogs;
import io.caseflow.designer.app.actions.ModuleFolderAction;
import io.caseflow.designer.app.actions.RecentFiles;
import io.caseflow.designer.app.deploy.DeployState;
import io.caseflow.designer.app.deploy.DeployTargetControls;
import io.caseflow.designer.app.deploy.DeployTargets;
import io.caseflow.designer.app.deploy.DeployView;
import io.caseflow.designer.app.deploy.DeployViewModel;
import io.caseflow.designer.app.deploy.LiveCoverageWatcher;
import io.caseflow.designer.app.deploy.TargetChoice;
import io.caseflow.designer.canvas.CaseCanvas;
import io.caseflow.designer.concurrent.UiExecutor;
import io.caseflow.designer.deploy.DeployTarget;
import io.caseflow.designer.deploy.EmbeddedRuntime;
import io.caseflow.designer.deploy.LiveCoverage;
import io.caseflow.designer.deploy.RemoteTarget;
import io.caseflow.designer.editor.CaseDocument;
import io.caseflow.designer.modules.ModuleFolderPreference;
import io.caseflow.designer.modules.ModulesView;
import io.caseflow.designer.modules.ModulesViewModel;
import io.caseflow.designer.monitor.MonitorSource;
import io.caseflow.designer.monitor.view.FxMonitorDialogs;
import io.caseflow.designer.monitor.view.MonitorView;
import io.caseflow.designer.play.PlayViewModel;
import io.caseflow.designer.play.view.PlayView;
import io.caseflow.designer.problems.ProblemsViewModel;
import io.caseflow.designer.properties.PropertiesPane;
import io.caseflow.designer.properties.PropertiesViewModel;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import javafx.application.Platform;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.layout.BorderPane;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;
import javafx.util.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The designer's main window: puts the menu bar, the Design, Monitor and Play tabs and the status bar
 * together and keeps them in step with the document and the runtime. What the menus do lives in
 * the actions ({@link DesignerActions}), how they are laid out in {@link DesignerMenus}, the deploy
 * flow in {@link DeployViewModel}. Slow work goes through the {@link UiExecutor}. FX thread only.
 *
 * <pre>{@code
 * CaseDocument document = CaseDocument.untitled(sample);
 * MainWindow window = new MainWindow(stage, ui, new FxDialogs(stage, prefs), recent, document, new ProblemsViewModel());
 * stage.show();
 * ui.run(() -> EmbeddedRuntime.start(home), window::runtimeReady, window::runtimeFailed);
 * }</pre>
 */
public final class MainWindow {
    private static final Logger LOG = LoggerFactory.getLogger(MainWindow.class);
    public static final String APP_NAME = "caseflow designer";

    private final Stage stage;
    private final CaseDocument document;
    private final ProblemsViewModel problems;
    private final PropertiesViewModel properties;
    private final CaseCanvas canvas;
    private final DesignView design;
    private final DesignerStatusBar statusBar = new DesignerStatusBar();
    private final ModeTabs modes = new ModeTabs();
    private final MonitorHost monitors;
    private final DeployViewModel deploy;
    private final DesignerActions actions;
    private final DesignerMenus menus;
    private final DeployTargets targets;
    private final LiveCoverageWatcher coverage;
    private final ModulesViewModel modules;
    private final PlayViewModel play;
    /** The app's home; plays keep their database in a folder of it. */
    private Path home = EmbeddedRuntime.defaultHome();
    private Set<String> handlerNames;

    /** A window whose deploy targets are the user's saved connections ({@link DeployTargets#forUser()}). */
    public MainWindow(Stage stage, UiExecutor ui, DesignerDialogs dialogs, RecentFiles recent, CaseDocument document,
                      ProblemsViewModel problems) {
        this(stage, ui, dialogs, recent, document, problems, DeployTargets.forUser());
    }

    public MainWindow(Stage stage, UiExecutor ui, DesignerDialogs dialogs, RecentFiles recent, CaseDocument document,
                      ProblemsViewModel problems, DeployTargets targets) {
        this.stage = stage;
        this.document = document;
        this.problems = problems;
        this.canvas = new CaseCanvas(document);
        this.properties = new PropertiesViewModel(document, () -> handlerNames == null ? Set.of() : handlerNames);
        this.design = new DesignView(document, canvas, problems, new PropertiesPane(properties));
        this.monitors = new MonitorHost(stage, ui, statusBar, modes::showMonitor);
        this.deploy = new DeployViewModel(ui, problems);
        this.targets = targets;
        this.coverage = new LiveCoverageWatcher(ui, document, Duration.seconds(10), this::coverageRead);
        this.modules = new ModulesViewModel(ui, ModuleFolderPreference.forUser());
        this.play = new PlayViewModel(ui, () -> home.resolve("play"), Clock.systemUTC());
        ActionContext context = new ActionContext(document, canvas, dialogs, this::status);
        this.actions = DesignerActions.create(context, stage, ui, recent, design::validateNow, deploy, play, modes::showPlay,
                APP_NAME);
        this.menus = new DesignerMenus(actions, canvas, design, monitors, modes, new DeployTargetControls(targets, dialogs, this::status,
                coverage::readNow));
        new DeployView(deploy, dialogs, canvas, this::status, design::clearProblemSelection);

        design.setTop(menus.toolBar());
        modes.setContents(design, monitors);
        PlayView playView = new PlayView(play, new FxMonitorDialogs(stage), actions.play()::execute);
        modes.setPlay(playView);
        stage.addEventHandler(WindowEvent.WINDOW_HIDDEN, e -> {
            playView.close();
            play.close();
        });
        BorderPane root = new BorderPane(modes);
        ModulesView modulesView = new ModulesView(modules, stage, this::status, new ModuleFolderAction(stage, modules)::execute);
        root.setTop(menus.menuBar(recent, modulesView.menu()));
        root.setBottom(statusBar);
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        Scene scene = new Scene(root, Math.min(1440, screen.getWidth()), Math.min(900, screen.getHeight()));
        scene.getStylesheets().add(MainWindow.class.getResource("/io/caseflow/designer/designer.css").toExternalForm());
        stage.setScene(scene);
        Icons.apply(stage);

        wire();
        changed("Load");
        Platform.runLater(canvas::fitToWindow);
        targetChanged();
    }

    private void wire() {
        design.setOnAddStage(kind -> actions.addStage().add(kind, null));
        design.setOnValidated(statusBar::showValidation);
        design.setMessages(this::status);
        canvas.setDropHandler(actions.addStage()::add);
        canvas.viewport().addListener(() -> statusBar.showZoom(canvas.viewport().scale()));
        statusBar.onValidationClicked(design::showProblemsTab);
        statusBar.onMonitorClicked(modes::showMonitor);
        document.stack().addListener((d, reason) -> changed(reason));
        document.addFileListener(this::updateTitle);
        deploy.stateProperty().addListener((o, a, state) -> {
            if (state instanceof DeployState.Deployed deployed) {
                deployed(deployed);
            }
        });
        targets.chosenProperty().addListener((o, a, b) -> targetChanged());
        play.statusProperty().addListener((o, a, b) -> status(b));
        modules.addListener(this::modulesLoaded);
        stage.setOnCloseRequest(e -> {
            if (!actions.discard().confirm()) {
                e.consume();
            }
        });
    }

    /** Where Deploy goes changed: validation follows the target (its handlers, or its live workers). */
    private void targetChanged() {
        TargetChoice choice = targets.chosen();
        DeployTarget target = targets.target(); // one client for deploys and the live-worker reads
        deploy.setTarget(target);
        problems.setTargetCheck(definition -> List.of());
        if (choice.isEmbedded()) {
            coverage.watch(null);
            problems.setKnownHandlers(handlerNames == null ? null : handlerNames::contains);
            statusBar.showRuntime(handlerNames == null ? "Embedded runtime: starting…" : "Embedded runtime: ready");
        } else {
            problems.setKnownHandlers(null); // the server validates handlers; live workers are checked below
            statusBar.showRuntime("Target: " + choice.label() + " · reading its live workers…");
            coverage.watch((RemoteTarget) target);
        }
        design.scheduleValidation();
    }

    private void coverageRead(LiveCoverageWatcher.Result result) {
        if (result instanceof LiveCoverageWatcher.Result.Read read) {
            LiveCoverage live = read.coverage();
            problems.setTargetCheck(definition -> live.problems(definition, read.target().profile().name()));
            statusBar.showRuntime("Target: " + read.target().describe() + " · " + live.aliveWorkers() + " live worker(s)");
        } else if (result instanceof LiveCoverageWatcher.Result.Failed failed) {
            problems.setTargetCheck(definition -> List.of());
            statusBar.showRuntimeFailure("Target: " + failed.target().describe() + " · live workers unknown", failed.message());
        }
        design.scheduleValidation();
    }

    private void deployed(DeployState.Deployed deployed) {
        TargetChoice choice = targets.chosen();
        String where = choice.isEmbedded() ? "Embedded runtime" : choice.label();
        statusBar.showRuntime(where + ": " + deployed.definition().key() + " v" + deployed.version());
        monitors.deployed(deployed.definition().key());
        if (!choice.isEmbedded()) {
            monitors.monitorProfile(choice.profile());
            monitors.deployed(deployed.definition().key());
            status("Deployed " + deployed.definition().key() + " v" + deployed.version() + " to " + choice.label()
                    + "; the Monitor tab now watches it");
        }
    }

    /** The document changed (an edit, undo, load or save): validate, refresh, and say what happened. */
    private void changed(String reason) {
        design.scheduleValidation();
        design.refreshProperties();
        updateTitle();
        menus.updateHistory();
        if (!"Load".equals(reason) && !"Save".equals(reason)) {
            status(reason);
        }
    }

    private void updateTitle() {
        stage.setTitle(document.displayName() + (document.isDirty() ? "*" : "") + " — " + APP_NAME);
    }

    private void status(String message) {
        statusBar.setText(message);
    }

    // ---------------------------------------------------------------- what the app asks of the window

    /** Opens a case file; a malformed file is reported and the current document is left as it was. */
    public void openFile(Path file) {
        actions.open().open(file);
    }

    /** Imports one page of a draw.io file as a new, unsaved case. */
    public void importDrawioFile(Path file) {
        actions.importDrawio().importFile(file);
    }

    /** The embedded runtime is up: deploy goes there and handler names are checked against it. */
    public void runtimeReady(EmbeddedRuntime runtime) {
        monitors.runtimeReady(runtime);
        home = runtime.home();
        targets.embeddedReady(runtime.target());
        handlerNames = runtime.handlerNames();
        targetChanged();
        DeployedDefinition sample = runtime.sampleDeployedNow();
        if (targets.chosen().isEmbedded()) {
            statusBar.showRuntime("Embedded runtime: ready"
                    + (sample != null ? " (deployed " + sample.definition().key() + " v" + sample.version() + ")" : ""));
        }
        design.refreshProperties();
        modules.runtimeReady(runtime);
    }

    /** The embedded runtime (re)started with a module folder: validation and suggestions know its handlers, the monitor its cases. */
    private void modulesLoaded(ModulesViewModel.Loaded loaded) {
        handlerNames = loaded.handlerNames();
        targetChanged();
        design.refreshProperties();
        if (loaded.asked() && !loaded.report().deployed().isEmpty()) {
            monitors.deployed(loaded.report().deployed().get(0).definition().key());
        }
    }

    public void runtimeFailed(Throwable error) {
        LOG.error("the embedded runtime did not start", error);
        statusBar.showRuntimeFailure("Embedded runtime: not running", String.valueOf(error.getMessage()));
        status("The embedded runtime did not start: " + error.getMessage());
    }

    /**
     * Watches {@code source} from now on: a monitor view on it fills the Monitor tab (the one before
     * is closed, with its source) and its connection shows in the status bar.
     */
    public MonitorView monitorOn(MonitorSource source) {
        return monitors.monitorOn(source);
    }

    /** Closes the monitor and its source (when the app stops, or before watching another source). */
    public void closeMonitor() {
        monitors.close();
    }

    public void showMonitor() {
        modes.showMonitor();
    }

    public boolean isMonitorShown() {
        return modes.isMonitorShown();
    }
}
