package io.caseflow.designer.app;

import io.caseflow.designer.concurrent.UiExecutor;
import io.caseflow.definition.CaseDefinition;
import io.caseflow.definition.DefinitionFormatException;
import io.caseflow.definition.DefinitionJson;
import io.caseflow.definition.Layout;
import io.caseflow.definition.StageDefinition;
import io.caseflow.definition.StageKind;
import io.caseflow.designer.canvas.CaseCanvas;
import io.caseflow.designer.canvas.Decorations;
import io.caseflow.designer.canvas.Palette;
import io.caseflow.designer.deploy.DeployPlan;
import io.caseflow.designer.deploy.DeployTarget;
import io.caseflow.designer.deploy.EmbeddedRuntime;
import io.caseflow.designer.drawio.DrawioExport;
import io.caseflow.designer.drawio.DrawioFile;
import io.caseflow.designer.drawio.DrawioFormatException;
import io.caseflow.designer.drawio.DrawioImport;
import io.caseflow.designer.drawio.DrawioPage;
import io.caseflow.designer.editor.CaseDocument;
import io.caseflow.designer.editor.EditCommand;
import io.caseflow.designer.editor.EditRejectedException;
import io.caseflow.designer.editor.Edits;
import io.caseflow.designer.editor.Grid;
import io.caseflow.designer.editor.Hit;
import io.caseflow.designer.editor.Names;
import io.caseflow.designer.editor.NodeGeometry;
import io.caseflow.designer.editor.Point;
import io.caseflow.designer.editor.Rect;
import io.caseflow.designer.layout.AutoLayout;
import io.caseflow.designer.monitor.MonitorSource;
import io.caseflow.designer.monitor.MonitorViewModel;
import io.caseflow.designer.monitor.source.EmbeddedMonitorSource;
import io.caseflow.designer.monitor.source.RemoteMonitorSource;
import io.caseflow.designer.monitor.view.FxMonitorDialogs;
import io.caseflow.designer.monitor.view.MonitorView;
import io.caseflow.designer.problems.ProblemsPane;
import io.caseflow.designer.problems.ProblemsViewModel;
import io.caseflow.designer.properties.PropertiesPane;
import io.caseflow.designer.properties.PropertiesViewModel;
import io.caseflow.store.DeployedDefinition;
import io.caseflow.validation.InvalidDefinitionException;
import io.caseflow.validation.ProblemTarget;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import javafx.application.Platform;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.DataFormat;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import javafx.scene.shape.Circle;
import javafx.stage.Stage;
import org.controlsfx.control.StatusBar;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The designer's main window: menu bar and toolbar, palette, canvas, property sheet, problems
 * panel and status bar, and the actions behind them (files, draw.io, clipboard, layout, deploy).
 * Slow work (runtime start, layout of big cases, deploy) goes through the {@link UiExecutor}.
 */
public final class MainWindow {
    private static final Logger LOG = LoggerFactory.getLogger(MainWindow.class);
    public static final String APP_NAME = "caseflow designer";
    static final DataFormat CASE_FRAGMENT = new DataFormat("application/x-caseflow-case-fragment");

    private final Stage stage;
    private final UiExecutor ui;
    private final RecentFiles recent;
    private DesignerDialogs dialogs;
    private final CaseDocument document;
    private final CaseCanvas canvas;
    private final Palette palette = new Palette();
    private final ProblemsViewModel problems = new ProblemsViewModel();
    private final ProblemsPane problemsPane = new ProblemsPane();
    private final PropertiesViewModel propertiesVm;
    private final PropertiesPane propertiesPane;
    private final StatusBar statusBar = new StatusBar();
    private final Label validationLabel = new Label();
    private final Circle validationDot = new Circle(5);
    private final Label runtimeLabel = new Label("Embedded runtime: starting…");
    private final Label zoomLabel = new Label("100 %");
    private final Label monitorLabel = new Label("Monitor: starting…");
    private final Circle monitorDot = new Circle(4.5, Color.web("#9ca3af"));
    private final TabPane modes = new TabPane();
    private final Tab designTab = new Tab("Design");
    private final Tab monitorTab = new Tab("Monitor");
    private final StackPane monitorHolder = new StackPane();
    private MonitorView monitor;
    private final Tab problemsTab = new Tab("Problems");
    private final Menu recentMenu = new Menu("Open Recent");
    private final MenuItem undoItem = new MenuItem("Undo");
    private final MenuItem redoItem = new MenuItem("Redo");
    private final Scene scene;
    private Set<String> handlerNames = Set.of();
    private DeployTarget target;
    private EmbeddedRuntime embedded;
    private String clipboardFallback;
    private boolean validationPending;
    private int pasteCount;

    public MainWindow(Stage stage, UiExecutor ui, RecentFiles recent, CaseDefinition initial, String initialOrigin) {
        this.stage = stage;
        this.ui = ui;
        this.recent = recent;
        this.document = CaseDocument.untitled(initial);
        document.load(initial, null, initialOrigin, List.of());
        this.canvas = new CaseCanvas(document);
        this.propertiesVm = new PropertiesViewModel(document, () -> handlerNames);
        this.propertiesPane = new PropertiesPane(propertiesVm);
        this.dialogs = new FxDialogs(stage, java.util.prefs.Preferences.userNodeForPackage(MainWindow.class));

        BorderPane root = new BorderPane();
        root.setTop(menuBar());
        BorderPane design = new BorderPane();
        design.setTop(toolBar());
        SplitPane center = new SplitPane();
        center.setOrientation(Orientation.VERTICAL);
        TabPane bottom = new TabPane(problemsTab);
        bottom.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        problemsTab.setContent(problemsPane);
        center.getItems().addAll(canvas, bottom);
        center.setDividerPositions(0.78);
        SplitPane.setResizableWithParent(bottom, false);
        palette.setMinWidth(170);
        palette.setPrefWidth(190);
        palette.setMaxWidth(260);
        propertiesPane.setMinWidth(260);
        propertiesPane.setPrefWidth(300);
        SplitPane main = new SplitPane(palette, center, propertiesPane);
        main.setDividerPositions(0.14, 0.79);
        SplitPane.setResizableWithParent(palette, false);
        SplitPane.setResizableWithParent(propertiesPane, false);
        design.setCenter(main);
        designTab.setContent(design);
        designTab.setId("designTab");
        monitorTab.setId("monitorTab");
        Label waiting = new Label("The monitor appears once the embedded runtime has started…");
        waiting.getStyleClass().add("placeholder");
        monitorHolder.getChildren().add(waiting);
        monitorTab.setContent(monitorHolder);
        modes.getTabs().addAll(designTab, monitorTab);
        modes.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        modes.getStyleClass().add("mode-tabs");
        modes.setId("modeTabs");
        root.setCenter(modes);
        root.setBottom(statusBar);
        statusBar.setId("statusBar");
        statusBar.setText("Ready");
        HBox validation = new HBox(6, validationDot, validationLabel);
        validation.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        validation.setId("validationStatus");
        validation.setOnMouseClicked(e -> bottom.getSelectionModel().select(problemsTab));
        runtimeLabel.setId("runtimeStatus");
        zoomLabel.setId("zoomLabel");
        HBox monitorStatus = new HBox(6, monitorDot, monitorLabel);
        monitorStatus.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        monitorStatus.setId("monitorStatus");
        monitorStatus.setOnMouseClicked(e -> showMonitor());
        statusBar.getRightItems().addAll(validation, separator(), runtimeLabel, separator(), monitorStatus, separator(), zoomLabel);

        javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getPrimary().getVisualBounds();
        scene = new Scene(root, Math.min(1440, screen.getWidth()), Math.min(900, screen.getHeight()));
        scene.getStylesheets().add(MainWindow.class.getResource("/io/caseflow/designer/designer.css").toExternalForm());
        stage.setScene(scene);
        Icons.apply(stage);

        palette.setOnAdd(kind -> addStage(kind, null));
        canvas.setDropHandler(this::addStage);
        canvas.setTooltipText(problems::tooltip);
        canvas.setMessages(this::status);
        propertiesPane.setMessages(this::status);
        problemsPane.setOnOpen(this::openProblem);
        canvas.viewport().addListener(() -> zoomLabel.setText(Math.round(canvas.viewport().scale() * 100) + " %"));
        document.stack().addListener((d, reason) -> changed(reason));
        document.selection().addListener(s -> propertiesPane.refresh());
        document.addFileListener(this::updateTitle);
        stage.setOnCloseRequest(e -> {
            if (!confirmDiscard()) {
                e.consume();
            }
        });
        changed("Load");
        rebuildRecent();
        Platform.runLater(canvas::fitToWindow);
    }

    private static Node separator() {
        Region r = new Region();
        r.getStyleClass().add("status-separator");
        return r;
    }

    // ---------------------------------------------------------------- menus

    private MenuBar menuBar() {
        Menu file = new Menu("_File");
        file.getItems().addAll(
                item("_New", "Shortcut+N", this::newCase),
                item("_Open…", "Shortcut+O", this::open),
                recentMenu,
                new SeparatorMenuItem(),
                item("_Save", "Shortcut+S", this::save),
                item("Save _As…", "Shortcut+Shift+S", this::saveAs),
                new SeparatorMenuItem(),
                item("_Import draw.io…", "Shortcut+I", this::importDrawio),
                item("_Export draw.io…", "Shortcut+E", this::exportDrawio),
                new SeparatorMenuItem(),
                item("E_xit", "Shortcut+Q", this::exit));
        undoItem.setAccelerator(KeyCombination.keyCombination("Shortcut+Z"));
        undoItem.setOnAction(e -> undo());
        redoItem.setAccelerator(KeyCombination.keyCombination("Shortcut+Y"));
        redoItem.setOnAction(e -> redo());
        MenuItem redoAlt = item("Redo (alternative)", "Shortcut+Shift+Z", this::redo);
        redoAlt.setVisible(false);
        Menu edit = new Menu("_Edit");
        edit.getItems().addAll(undoItem, redoItem, redoAlt, new SeparatorMenuItem(),
                item("Cu_t", "Shortcut+X", this::cut),
                item("_Copy", "Shortcut+C", this::copy),
                item("_Paste", "Shortcut+V", this::paste),
                item("_Delete", "Delete", this::delete),
                new SeparatorMenuItem(),
                item("Select _All", "Shortcut+A", this::selectAll),
                item("_Rename", "F2", this::rename));
        Menu insert = new Menu("_Stage");
        insert.getItems().addAll(
                item("Add _Task Stage", "Shortcut+1", () -> addStage(StageKind.TASK, null)),
                item("Add _Service Stage", "Shortcut+2", () -> addStage(StageKind.SERVICE, null)),
                item("Add _End Stage", "Shortcut+3", () -> addStage(StageKind.END, null)),
                new SeparatorMenuItem(),
                item("Set as S_tart Stage", "Shortcut+Shift+T", this::setStart));
        CheckMenuItem snap = new CheckMenuItem("_Snap to Grid");
        snap.selectedProperty().bindBidirectional(canvas.snapToGridProperty());
        snap.setAccelerator(KeyCombination.keyCombination("Shortcut+G"));
        CheckMenuItem minimap = new CheckMenuItem("Show _Minimap");
        minimap.selectedProperty().bindBidirectional(canvas.minimapVisibleProperty());
        minimap.setAccelerator(KeyCombination.keyCombination("Shortcut+M"));
        MenuItem zoomInAlt = item("Zoom In (alternative)", "Shortcut+Equals", canvas::zoomIn);
        zoomInAlt.setVisible(false);
        Menu view = new Menu("_View");
        view.getItems().addAll(
                item("Zoom _In", "Shortcut+Plus", canvas::zoomIn),
                zoomInAlt,
                item("Zoom _Out", "Shortcut+Minus", canvas::zoomOut),
                item("_Actual Size (100 %)", "Shortcut+0", canvas::actualSize),
                item("_Fit to Window", "Shortcut+Shift+H", canvas::fitToWindow),
                new SeparatorMenuItem(), snap, minimap);
        Menu caseMenu = new Menu("_Case");
        caseMenu.getItems().addAll(
                item("Auto-_Layout", "Shortcut+L", this::autoLayout),
                item("Show _Problems", "Shortcut+Shift+P", () -> problemsPane.table().requestFocus()),
                new SeparatorMenuItem(),
                item("_Deploy to Embedded Runtime…", "Shortcut+D", this::deploy));
        Menu monitorMenu = new Menu("_Monitor");
        monitorMenu.getItems().addAll(
                item("Show _Designer", "Shortcut+Shift+D", this::showDesigner),
                item("Show _Monitor", "Shortcut+Shift+M", this::showMonitor),
                new SeparatorMenuItem(),
                item("_Start Sample Processes…", "Shortcut+Shift+N", () -> withMonitor(m -> m.commands().askAndStartDemo())),
                item("_Refresh", null, () -> withMonitor(m -> m.viewModel().resync())),
                item("Re_connect", null, () -> withMonitor(m -> m.viewModel().source().reconnect())),
                new SeparatorMenuItem(),
                item("Monitor a Remote _Runtime…", null, this::monitorRemote),
                item("Monitor the _Embedded Runtime", null, this::monitorEmbedded));
        Menu help = new Menu("_Help");
        help.getItems().addAll(item("_Keyboard and Mouse", "F1", this::showHelp), item("_About", null, this::about));
        MenuBar bar = new MenuBar(file, edit, insert, view, caseMenu, monitorMenu, help);
        bar.setId("menuBar");
        return bar;
    }

    private static MenuItem item(String text, String accelerator, Runnable action) {
        MenuItem item = new MenuItem(text);
        if (accelerator != null) {
            item.setAccelerator(KeyCombination.keyCombination(accelerator));
        }
        item.setOnAction(e -> action.run());
        return item;
    }

    private ToolBar toolBar() {
        ToggleButton snap = new ToggleButton(null, Glyphs.icon(Glyphs.GRID));
        snap.selectedProperty().bindBidirectional(canvas.snapToGridProperty());
        snap.setTooltip(new Tooltip("Snap to grid (Ctrl+G)"));
        snap.setId("snapToggle");
        Button deploy = new Button("Deploy", Glyphs.icon(Glyphs.DEPLOY, Color.WHITE));
        deploy.getStyleClass().add("accent");
        deploy.setId("deployButton");
        deploy.setTooltip(new Tooltip("Deploy to the embedded runtime (Ctrl+D)"));
        deploy.setOnAction(e -> deploy());
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        ToolBar bar = new ToolBar(
                tool(Glyphs.NEW, "New case (Ctrl+N)", "newButton", this::newCase),
                tool(Glyphs.OPEN, "Open… (Ctrl+O)", "openButton", this::open),
                tool(Glyphs.SAVE, "Save (Ctrl+S)", "saveButton", this::save),
                new javafx.scene.control.Separator(),
                tool(Glyphs.UNDO, "Undo (Ctrl+Z)", "undoButton", this::undo),
                tool(Glyphs.REDO, "Redo (Ctrl+Y)", "redoButton", this::redo),
                tool(Glyphs.DELETE, "Delete (Del)", "deleteButton", this::delete),
                new javafx.scene.control.Separator(),
                tool(Glyphs.ZOOM_OUT, "Zoom out (Ctrl+-)", "zoomOutButton", canvas::zoomOut),
                tool(Glyphs.ZOOM_IN, "Zoom in (Ctrl++)", "zoomInButton", canvas::zoomIn),
                textTool("100 %", "Actual size (Ctrl+0)", "actualSizeButton", canvas::actualSize),
                tool(Glyphs.FIT, "Fit to window (Ctrl+Shift+H)", "fitButton", canvas::fitToWindow),
                snap,
                new javafx.scene.control.Separator(),
                textToolWithIcon("Auto-layout", Glyphs.LAYOUT, "Lay the case out left to right (Ctrl+L)", "layoutButton", this::autoLayout),
                grow, deploy);
        bar.setId("toolBar");
        return bar;
    }

    private static Button tool(String glyph, String tip, String id, Runnable action) {
        Button b = new Button(null, Glyphs.icon(glyph));
        b.setTooltip(new Tooltip(tip));
        b.setId(id);
        b.setOnAction(e -> action.run());
        b.getStyleClass().add("tool");
        return b;
    }

    private static Button textTool(String text, String tip, String id, Runnable action) {
        Button b = new Button(text);
        b.setTooltip(new Tooltip(tip));
        b.setId(id);
        b.setOnAction(e -> action.run());
        b.getStyleClass().add("tool");
        return b;
    }

    private static Button textToolWithIcon(String text, String glyph, String tip, String id, Runnable action) {
        Button b = textTool(text, tip, id, action);
        b.setGraphic(Glyphs.icon(glyph));
        return b;
    }

    // ---------------------------------------------------------------- state

    private void changed(String reason) {
        scheduleValidation();
        propertiesPane.refresh();
        updateTitle();
        undoItem.setText(document.stack().undoLabel().map(l -> "Undo " + l).orElse("Undo"));
        undoItem.setDisable(!document.stack().canUndo());
        redoItem.setText(document.stack().redoLabel().map(l -> "Redo " + l).orElse("Redo"));
        redoItem.setDisable(!document.stack().canRedo());
        if (!"Load".equals(reason) && !"Save".equals(reason)) {
            status(reason);
        }
    }

    private void scheduleValidation() {
        if (!validationPending) {
            validationPending = true;
            Platform.runLater(this::validateNow);
        }
    }

    /** Validates the current definition at once (the app does it once per change, coalesced). */
    public void validateNow() {
        validationPending = false;
        problems.validate(document.definition(), document.displayName(), document.importIssues());
        problemsPane.show(problems);
        canvas.setDecorations(canvas.decorations().withMarks(problems.stageMarks(), problems.transitionMarks()));
        validationLabel.setText(problems.summary());
        validationDot.setFill(problems.errorCount() > 0 ? Color.web("#dc2626")
                : problems.warningCount() > 0 ? Color.web("#f59e0b") : Color.web("#16a34a"));
        problemsTab.setText(problems.rows().isEmpty() ? "Problems" : "Problems (" + problems.rows().size() + ")");
    }

    private void updateTitle() {
        stage.setTitle(document.displayName() + (document.isDirty() ? "*" : "") + " — " + APP_NAME);
    }

    public void status(String message) {
        statusBar.setText(message);
    }

    // ---------------------------------------------------------------- runtime

    /** The embedded runtime is up: deploy goes there and handler names are checked against it. */
    public void runtimeReady(EmbeddedRuntime runtime) {
        this.embedded = runtime;
        this.target = runtime.target();
        this.handlerNames = runtime.handlerNames();
        problems.setKnownHandlers(handlerNames::contains);
        DeployedDefinition sample = runtime.sampleDeployedNow();
        runtimeLabel.setText("Embedded runtime: ready" + (sample != null ? " (deployed " + sample.definition().key() + " v" + sample.version() + ")" : ""));
        scheduleValidation();
        propertiesPane.refresh();
    }

    public void runtimeFailed(Throwable error) {
        LOG.error("the embedded runtime did not start", error);
        runtimeLabel.setText("Embedded runtime: not running");
        runtimeLabel.setTooltip(new Tooltip(String.valueOf(error.getMessage())));
        status("The embedded runtime did not start: " + error.getMessage());
    }

    /**
     * Watches {@code source} from now on: a monitor view on it fills the Monitor tab (the one before
     * is closed, with its source) and its connection shows in the status bar.
     */
    public MonitorView monitorOn(MonitorSource source) {
        closeMonitor();
        MonitorViewModel vm = new MonitorViewModel(source, ui, java.time.Clock.systemUTC());
        MonitorView view = new MonitorView(vm, new FxMonitorDialogs(stage));
        vm.start();
        monitorReady(view);
        return view;
    }

    /** Closes the monitor and its source (when the app stops, or before watching another source). */
    public void closeMonitor() {
        if (monitor != null) {
            monitor.close();
            monitor.viewModel().source().close();
            monitor = null;
        }
    }

    private void monitorRemote() {
        RemoteMonitorDialog.ask(stage, java.util.prefs.Preferences.userNodeForPackage(MainWindow.class)).ifPresent(s -> {
            MonitorSource remote = RemoteMonitorSource.builder(s.server(), s.readToken()).actionToken(s.apiToken()).broker(s.broker())
                    .executor(ui.background()).build();
            monitorOn(remote);
            showMonitor();
            status("Monitoring " + s.server() + (s.apiToken().isEmpty() ? " (read-only)" : ""));
        });
    }

    private void monitorEmbedded() {
        if (embedded == null) {
            status("The embedded runtime is not running");
            return;
        }
        monitorOn(EmbeddedMonitorSource.builder(embedded).executor(ui.background()).build());
        showMonitor();
        status("Monitoring the embedded runtime");
    }

    /** The monitor is ready: it fills the Monitor tab, and its connection shows in the status bar. */
    public void monitorReady(MonitorView view) {
        this.monitor = view;
        monitorHolder.getChildren().setAll(view);
        view.viewModel().connectionProperty().addListener((o, a, b) -> {
            if (monitor == view) {
                showConnection(b);
            }
        });
        showConnection(view.viewModel().connectionProperty().get());
        view.viewModel().actions().lastProperty().addListener((o, a, b) -> {
            if (b != null && monitor == view) {
                status(b.text());
            }
        });
    }

    private void showConnection(io.caseflow.designer.monitor.ConnectionState state) {
        if (state == null) {
            return;
        }
        String where = monitor == null ? "" : " · " + monitor.viewModel().source().describe();
        monitorLabel.setText("Monitor: " + (state.isUp() ? "live" : state.describe()) + where);
        monitorDot.setFill(switch (state.kind()) {
            case CONNECTED -> Color.web("#16a34a");
            case CONNECTING, RECONNECTING -> Color.web("#f59e0b");
            case LOST -> Color.web("#dc2626");
        });
    }

    private void withMonitor(java.util.function.Consumer<MonitorView> action) {
        if (monitor == null) {
            status("The monitor is not ready yet: the embedded runtime is starting");
            return;
        }
        showMonitor();
        action.accept(monitor);
    }

    public void showMonitor() {
        modes.getSelectionModel().select(monitorTab);
    }

    public void showDesigner() {
        modes.getSelectionModel().select(designTab);
    }

    public boolean isMonitorShown() {
        return modes.getSelectionModel().getSelectedItem() == monitorTab;
    }

    public MonitorView monitor() {
        return monitor;
    }

    /** For tests and the benchmark: deploy somewhere else. */
    public void setTarget(DeployTarget target) {
        this.target = target;
    }

    public EmbeddedRuntime embeddedRuntime() {
        return embedded;
    }

    // ---------------------------------------------------------------- files

    /** False when the user cancelled; true when there is nothing to lose any more. */
    public boolean confirmDiscard() {
        if (!document.isDirty()) {
            return true;
        }
        return switch (dialogs.confirmDiscard(document.displayName())) {
            case SAVE -> save();
            case DISCARD -> true;
            case CANCEL -> false;
        };
    }

    public void newCase() {
        if (!confirmDiscard()) {
            return;
        }
        CaseDefinition fresh = CaseDefinition.builder("newCase", "v1").build();
        document.load(fresh, null, null, List.of());
        canvas.viewport().set(1, 40, 40);
        status("New case: add stages from the palette");
    }

    public void open() {
        if (!confirmDiscard()) {
            return;
        }
        dialogs.chooseOpen(DesignerDialogs.FileKind.CASE).ifPresent(this::openFile);
    }

    /** Opens a case file; a malformed file is reported and the current document is left as it was. */
    public void openFile(Path file) {
        CaseDefinition definition;
        try {
            definition = DefinitionJson.read(file);
        } catch (DefinitionFormatException e) {
            LOG.info("cannot open {}: {}", file, e.getMessage());
            dialogs.error("Cannot open " + file.getFileName(), e.getMessage());
            status("Not opened: " + file.getFileName());
            return;
        }
        document.load(definition, file, null, List.of());
        recent.add(file);
        rebuildRecent();
        canvas.fitToWindow();
        status("Opened " + file);
    }

    public boolean save() {
        Optional<Path> file = document.file();
        if (file.isEmpty()) {
            return saveAs();
        }
        return saveTo(file.get());
    }

    public boolean saveAs() {
        Optional<Path> chosen = dialogs.chooseSave(DesignerDialogs.FileKind.CASE, suggestedName(DefinitionJson.FILE_SUFFIX));
        return chosen.map(p -> saveTo(withSuffix(p, DefinitionJson.FILE_SUFFIX))).orElse(false);
    }

    /** Writes the case to {@code file} (layout included, exactly as drawn). */
    public boolean saveTo(Path file) {
        try {
            DefinitionJson.write(document.definition(), file);
        } catch (IOException e) {
            LOG.warn("cannot save {}", file, e);
            dialogs.error("Cannot save " + file.getFileName(), file + ": " + e.getMessage());
            return false;
        }
        document.saved(file);
        recent.add(file);
        rebuildRecent();
        status("Saved " + file);
        return true;
    }

    private String suggestedName(String suffix) {
        String name = document.definition().name();
        return (name == null || name.isBlank() ? "case" : name) + suffix;
    }

    private static Path withSuffix(Path p, String suffix) {
        String name = p.getFileName().toString();
        if (name.endsWith(suffix) || (suffix.equals(DefinitionJson.FILE_SUFFIX) && name.endsWith(".json"))) {
            return p;
        }
        return p.resolveSibling(name + suffix);
    }

    private void rebuildRecent() {
        recentMenu.getItems().clear();
        for (Path p : recent.list()) {
            MenuItem item = new MenuItem(p.getFileName() + "  —  " + p.getParent());
            item.setOnAction(e -> {
                if (!Files.exists(p)) {
                    dialogs.error("Cannot open " + p.getFileName(), p + " no longer exists.");
                    recent.remove(p);
                    rebuildRecent();
                } else if (confirmDiscard()) {
                    openFile(p);
                }
            });
            recentMenu.getItems().add(item);
        }
        if (recentMenu.getItems().isEmpty()) {
            MenuItem none = new MenuItem("(none)");
            none.setDisable(true);
            recentMenu.getItems().add(none);
        }
    }

    public void importDrawio() {
        if (!confirmDiscard()) {
            return;
        }
        dialogs.chooseOpen(DesignerDialogs.FileKind.DRAWIO).ifPresent(this::importDrawioFile);
    }

    /** Imports one page of a draw.io file as a new, unsaved case; what cannot be mapped is listed as problems. */
    public void importDrawioFile(Path file) {
        DrawioFile drawio;
        try {
            drawio = DrawioFile.read(file);
        } catch (DrawioFormatException e) {
            LOG.info("cannot import {}: {}", file, e.getMessage());
            dialogs.error("Cannot import " + file.getFileName(), e.getMessage());
            status("Not imported: " + file.getFileName());
            return;
        }
        Optional<DrawioPage> page = drawio.pages().size() == 1 ? Optional.of(drawio.pages().get(0))
                : dialogs.choosePage(file.getFileName().toString(), drawio.pages());
        if (page.isEmpty()) {
            return;
        }
        DrawioImport.Result result = DrawioImport.importPage(page.get(), file.getFileName().toString());
        String origin = file.getFileName() + " (" + page.get().name() + ")";
        document.load(result.definition(), null, origin, result.issues());
        canvas.fitToWindow();
        status("Imported " + origin + (result.issues().isEmpty() ? "" : ": " + result.issues().size()
                + " thing(s) could not be mapped, see Problems"));
    }

    public void exportDrawio() {
        dialogs.chooseSave(DesignerDialogs.FileKind.DRAWIO, suggestedName(DrawioExport.FILE_SUFFIX))
                .ifPresent(p -> exportDrawioTo(withSuffix(p, DrawioExport.FILE_SUFFIX)));
    }

    public boolean exportDrawioTo(Path file) {
        try {
            DrawioExport.write(document.definition(), file, false);
        } catch (IOException e) {
            LOG.warn("cannot export {}", file, e);
            dialogs.error("Cannot export " + file.getFileName(), file + ": " + e.getMessage());
            return false;
        }
        status("Exported " + file);
        return true;
    }

    private void exit() {
        if (confirmDiscard()) {
            stage.hide();
            Platform.exit();
        }
    }

    // ---------------------------------------------------------------- edits

    private boolean execute(EditCommand command) {
        try {
            return document.execute(command);
        } catch (EditRejectedException e) {
            status(e.getMessage());
            return false;
        }
    }

    public void undo() {
        document.stack().undo();
    }

    public void redo() {
        document.stack().redo();
    }

    /** Adds a stage of {@code kind} at {@code at} (its centre), or in a free spot near the middle of the view. */
    public void addStage(StageKind kind, Point at) {
        CaseDefinition d = document.definition();
        Set<String> taken = d.stages().stream().map(StageDefinition::name).collect(Collectors.toSet());
        String name = Names.numbered(switch (kind) {
            case TASK -> "task";
            case SERVICE -> "service";
            case END -> "end";
        }, taken);
        Point center = at != null ? at : canvas.visibleCenter();
        double x = Grid.snap(center.x() - NodeGeometry.WIDTH / 2, Grid.DEFAULT_SIZE);
        double y = Grid.snap(center.y() - NodeGeometry.HEIGHT / 2, Grid.DEFAULT_SIZE);
        if (at == null) {
            while (occupied(d, x, y)) {
                x += 40;
                y += 40;
            }
        }
        StageDefinition stage = switch (kind) {
            case TASK -> StageDefinition.task(name, null);
            case SERVICE -> StageDefinition.service(name, null, null, null);
            case END -> StageDefinition.end(name);
        };
        if (execute(Edits.addStage(stage.withLayout(new Layout(x, y))))) {
            document.selection().selectStage(name);
            canvas.reveal(NodeGeometry.bounds(new Layout(x, y)));
        }
    }

    private static boolean occupied(CaseDefinition d, double x, double y) {
        Rect r = NodeGeometry.bounds(new Layout(x, y)).inflate(10);
        return d.stages().stream().anyMatch(s -> NodeGeometry.bounds(s).intersects(r));
    }

    public void delete() {
        var sel = document.selection();
        if (!sel.isEmpty()) {
            execute(Edits.delete(sel.stages(), sel.transitions()));
        }
    }

    public void selectAll() {
        document.selection().selectAll(document.definition());
    }

    public void rename() {
        document.selection().singleStage().flatMap(document.definition()::stage).ifPresentOrElse(canvas::renameInPlace,
                () -> document.selection().singleTransition().ifPresent(canvas::editOutcomeInPlace));
    }

    public void setStart() {
        document.selection().singleStage().ifPresent(s -> execute(Edits.updateCase("Set start stage", c -> c.withStartStage(s))));
    }

    public void copy() {
        if (document.selection().stages().isEmpty()) {
            return;
        }
        String json = DefinitionJson.write(Edits.copy(document.definition(), document.selection()));
        clipboardFallback = json;
        pasteCount = 0;
        try {
            ClipboardContent content = new ClipboardContent();
            content.put(CASE_FRAGMENT, json);
            content.putString(json);
            Clipboard.getSystemClipboard().setContent(content);
        } catch (RuntimeException e) {
            LOG.debug("system clipboard unavailable", e);
        }
        status("Copied " + document.selection().stages().size() + " stage(s)");
    }

    public void cut() {
        copy();
        var sel = document.selection();
        if (!sel.stages().isEmpty()) {
            execute(Edits.delete(sel.stages(), sel.transitions()));
        }
    }

    public void paste() {
        String json = null;
        try {
            Clipboard clipboard = Clipboard.getSystemClipboard();
            if (clipboard.hasContent(CASE_FRAGMENT)) {
                json = (String) clipboard.getContent(CASE_FRAGMENT);
            }
        } catch (RuntimeException e) {
            LOG.debug("system clipboard unavailable", e);
        }
        if (json == null) {
            json = clipboardFallback;
        }
        if (json == null) {
            status("Nothing to paste: copy stages first");
            return;
        }
        CaseDefinition fragment;
        try {
            fragment = DefinitionJson.read(json, "clipboard");
        } catch (DefinitionFormatException e) {
            status("The clipboard does not hold stages");
            return;
        }
        Set<String> before = document.definition().stages().stream().map(StageDefinition::name).collect(Collectors.toSet());
        pasteCount++;
        double offset = 40 * pasteCount;
        if (execute(Edits.paste(fragment, offset, offset))) {
            Set<String> added = new HashSet<>();
            document.definition().stages().forEach(s -> {
                if (!before.contains(s.name())) {
                    added.add(s.name());
                }
            });
            var t = io.caseflow.designer.editor.HitTester.of(document.definition());
            document.selection().set(added, t.transitionsWithin(added));
        }
    }

    /** Lays the case out with ELK off the FX thread, then applies it as one undoable edit. */
    public void autoLayout() {
        CaseDefinition snapshot = document.definition();
        if (snapshot.stages().isEmpty()) {
            return;
        }
        status("Laying out " + snapshot.stages().size() + " stages…");
        long start = System.nanoTime();
        ui.run(() -> AutoLayout.compute(snapshot), layout -> {
            if (document.definition() != snapshot) {
                status("The case changed during layout; run Auto-Layout again");
                return;
            }
            execute(Edits.layout(layout));
            canvas.fitToWindow();
            status("Auto-layout: " + snapshot.stages().size() + " stages in " + (System.nanoTime() - start) / 1_000_000 + " ms");
        }, e -> status("Auto-layout failed: " + e.getMessage()));
    }

    private void openProblem(ProblemsViewModel.Row row) {
        ProblemTarget t = row.target();
        if (t == null) {
            return;
        }
        CaseDefinition d = document.definition();
        switch (t.kind()) {
            case STAGE -> d.stage(t.stage()).ifPresent(s -> {
                document.selection().selectStage(s.name());
                canvas.reveal(NodeGeometry.bounds(s));
            });
            case TRANSITION -> {
                if (t.transitionIndex() < d.transitions().size()) {
                    document.selection().selectTransition(t.transitionIndex());
                    var path = io.caseflow.designer.editor.EdgeRouter.route(d).get(t.transitionIndex());
                    if (path != null) {
                        canvas.reveal(path.bounds());
                    }
                }
            }
            default -> document.selection().clear();
        }
    }

    // ---------------------------------------------------------------- deploy

    /** Validates, shows the changes against the deployed version (dialog and canvas), then deploys off the FX thread. */
    public void deploy() {
        if (target == null) {
            dialogs.info("Deploy", "The embedded runtime is still starting; try again in a moment.");
            return;
        }
        validateNow();
        CaseDefinition definition = document.definition();
        if (problems.report().hasErrors()) {
            problemsPane.table().getSelectionModel().clearSelection();
            dialogs.error("Cannot deploy " + definition.key(), "The case has " + problems.errorCount()
                    + " error(s); fix them first. They are listed under Problems and marked in red on the canvas.");
            status("Deploy refused: " + problems.summary());
            return;
        }
        DeployTarget to = target;
        status("Comparing with the deployed version…");
        ui.run(() -> DeployPlan.create(to, definition), plan -> {
            if (plan.unchanged()) {
                dialogs.info("Nothing to deploy", plan.headline() + ".");
                status(plan.headline());
                return;
            }
            canvas.setDecorations(canvas.decorations().withDiff(Decorations.Diff.of(plan.diff(), definition)));
            canvas.paintNow();
            boolean confirmed = dialogs.confirmDeploy(plan);
            canvas.setDecorations(canvas.decorations().withDiff(null));
            if (!confirmed) {
                status("Deploy cancelled");
                return;
            }
            status("Deploying " + definition.key() + "…");
            ui.run(() -> to.deploy(definition), deployed -> {
                status("Deployed " + deployed.definition().key() + " v" + deployed.version() + " to the " + to.describe());
                runtimeLabel.setText("Embedded runtime: " + deployed.definition().key() + " v" + deployed.version());
                if (monitor != null) {
                    monitor.viewModel().loadDefinitions();
                    monitor.viewModel().monitor(deployed.definition().key());
                }
            }, e -> {
                String message = e instanceof InvalidDefinitionException invalid ? invalid.report().describe() : e.getMessage();
                LOG.warn("deploy of {} failed: {}", definition.key(), message);
                dialogs.error("Deploy failed", message);
                status("Deploy failed");
            });
        }, e -> {
            LOG.warn("cannot reach the deploy target", e);
            dialogs.error("Cannot deploy", e.getMessage());
            status("Deploy failed");
        });
    }

    // ---------------------------------------------------------------- help

    private void showHelp() {
        dialogs.info("Keyboard and mouse", """
                Add a stage: click it in the palette or drag it onto the canvas (Ctrl+1, Ctrl+2, Ctrl+3).
                Move: drag a stage (snaps to the grid; Ctrl+G toggles snapping).
                Connect: drag from a stage's right-hand port or border onto another stage.
                Reconnect: select a transition and drag one of its end handles.
                Rename: double-click a stage or a transition's label, or F2.
                Select: click, Shift+click to add, Shift+drag on empty space for an area, Ctrl+A for all.
                Pan: drag empty space, or use the scroll bars or the minimap. Zoom: mouse wheel, Ctrl+ / Ctrl-,
                Ctrl+0 for 100 %, Ctrl+Shift+H to fit the case in the window.
                Undo / redo: Ctrl+Z / Ctrl+Y. Deploy: Ctrl+D.""");
    }

    private void about() {
        dialogs.info("About " + APP_NAME, "caseflow designer — draw business cases, validate them, deploy them.\n"
                + "Data folder of the embedded runtime: " + EmbeddedRuntime.defaultHome());
    }

    // ---------------------------------------------------------------- access for tests

    public CaseDocument document() {
        return document;
    }

    public CaseCanvas canvas() {
        return canvas;
    }

    public ProblemsViewModel problems() {
        return problems;
    }

    public PropertiesPane propertiesPane() {
        return propertiesPane;
    }

    public Scene scene() {
        return scene;
    }

    public Stage stage() {
        return stage;
    }

    public String statusText() {
        return statusBar.getText();
    }

    public javafx.scene.control.TableView<ProblemsViewModel.Row> problemsPaneForTests() {
        return problemsPane.table();
    }

    public void setDialogs(DesignerDialogs replacement) {
        this.dialogs = replacement;
    }
}
