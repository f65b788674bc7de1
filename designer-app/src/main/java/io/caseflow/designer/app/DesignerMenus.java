package io.caseflow.designer.app;

import io.caseflow.definition.StageKind;
import io.caseflow.designer.app.actions.DesignerActions;
import io.caseflow.designer.app.actions.HistoryActions;
import io.caseflow.designer.app.actions.RecentFiles;
import io.caseflow.designer.app.deploy.DeployTargetControls;
import io.caseflow.designer.canvas.CaseCanvas;
import javafx.scene.control.Button;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Separator;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;

/**
 * Builds the window's menu bar and the Design tab's tool bar from the actions; keeps the Undo and
 * Redo items naming what they would undo. Every item has an id ({@code menu-…}) and every tool
 * button one too ({@code …Button}).
 */
final class DesignerMenus {
    private final DesignerActions actions;
    private final CaseCanvas canvas;
    private final DesignView design;
    private final MonitorHost monitors;
    private final ModeTabs modes;
    private final DeployTargetControls targets;
    private final MenuItem undoItem = new MenuItem("Undo");
    private final MenuItem redoItem = new MenuItem("Redo");

    DesignerMenus(DesignerActions actions, CaseCanvas canvas, DesignView design, MonitorHost monitors, ModeTabs modes,
                  DeployTargetControls targets) {
        this.actions = actions;
        this.targets = targets;
        this.canvas = canvas;
        this.design = design;
        this.monitors = monitors;
        this.modes = modes;
    }

    /** @param runtimeMenu the Runtime menu (the module folder), built by the modules view */
    MenuBar menuBar(RecentFiles recent, Menu runtimeMenu) {
        MenuBar bar = new MenuBar(fileMenu(recent), editMenu(), stageMenu(), viewMenu(), caseMenu(), runtimeMenu, monitorMenu(), helpMenu());
        bar.setId("menuBar");
        return bar;
    }

    private Menu fileMenu(RecentFiles recent) {
        Menu file = new Menu("_File");
        file.getItems().addAll(
                item("newCase", "_New", "Shortcut+N", actions.newCase()::execute),
                item("open", "_Open…", "Shortcut+O", actions.open()::execute),
                new RecentFilesMenu(recent, actions.open()),
                new SeparatorMenuItem(),
                item("save", "_Save", "Shortcut+S", actions.save()::save),
                item("saveAs", "Save _As…", "Shortcut+Shift+S", actions.save()::saveAs),
                new SeparatorMenuItem(),
                item("importDrawio", "_Import draw.io…", "Shortcut+I", actions.importDrawio()::execute),
                item("exportDrawio", "_Export draw.io…", "Shortcut+E", actions.exportDrawio()::execute),
                new SeparatorMenuItem(),
                item("exit", "E_xit", "Shortcut+Q", actions.exit()::execute));
        return file;
    }

    private Menu editMenu() {
        HistoryActions history = actions.history();
        undoItem.setId("menu-undo");
        undoItem.setAccelerator(KeyCombination.keyCombination("Shortcut+Z"));
        undoItem.setOnAction(e -> history.undo());
        redoItem.setId("menu-redo");
        redoItem.setAccelerator(KeyCombination.keyCombination("Shortcut+Y"));
        redoItem.setOnAction(e -> history.redo());
        MenuItem redoAlt = item("redoAlternative", "Redo (alternative)", "Shortcut+Shift+Z", history::redo);
        redoAlt.setVisible(false);
        Menu edit = new Menu("_Edit");
        edit.getItems().addAll(undoItem, redoItem, redoAlt, new SeparatorMenuItem(),
                item("cut", "Cu_t", "Shortcut+X", actions.clipboard()::cut),
                item("copy", "_Copy", "Shortcut+C", actions.clipboard()::copy),
                item("paste", "_Paste", "Shortcut+V", actions.clipboard()::paste),
                item("delete", "_Delete", "Delete", actions.selection()::delete),
                new SeparatorMenuItem(),
                item("selectAll", "Select _All", "Shortcut+A", actions.selection()::selectAll),
                item("rename", "_Rename", "F2", actions.selection()::rename));
        return edit;
    }

    private Menu stageMenu() {
        Menu insert = new Menu("_Stage");
        insert.getItems().addAll(
                item("addTask", "Add _Task Stage", "Shortcut+1", () -> actions.addStage().add(StageKind.TASK, null)),
                item("addService", "Add _Service Stage", "Shortcut+2", () -> actions.addStage().add(StageKind.SERVICE, null)),
                item("addEnd", "Add _End Stage", "Shortcut+3", () -> actions.addStage().add(StageKind.END, null)),
                new SeparatorMenuItem(),
                item("setStart", "Set as S_tart Stage", "Shortcut+Shift+T", actions.selection()::setStart));
        return insert;
    }

    private Menu viewMenu() {
        CheckMenuItem snap = new CheckMenuItem("_Snap to Grid");
        snap.setId("menu-snapToGrid");
        snap.selectedProperty().bindBidirectional(canvas.snapToGridProperty());
        snap.setAccelerator(KeyCombination.keyCombination("Shortcut+G"));
        CheckMenuItem minimap = new CheckMenuItem("Show _Minimap");
        minimap.setId("menu-minimap");
        minimap.selectedProperty().bindBidirectional(canvas.minimapVisibleProperty());
        minimap.setAccelerator(KeyCombination.keyCombination("Shortcut+M"));
        MenuItem zoomInAlt = item("zoomInAlternative", "Zoom In (alternative)", "Shortcut+Equals", canvas::zoomIn);
        zoomInAlt.setVisible(false);
        Menu view = new Menu("_View");
        view.getItems().addAll(
                item("zoomIn", "Zoom _In", "Shortcut+Plus", canvas::zoomIn),
                zoomInAlt,
                item("zoomOut", "Zoom _Out", "Shortcut+Minus", canvas::zoomOut),
                item("actualSize", "_Actual Size (100 %)", "Shortcut+0", canvas::actualSize),
                item("fit", "_Fit to Window", "Shortcut+Shift+H", canvas::fitToWindow),
                new SeparatorMenuItem(), snap, minimap);
        return view;
    }

    private Menu caseMenu() {
        Menu caseMenu = new Menu("_Case");
        caseMenu.getItems().addAll(
                item("autoLayout", "Auto-_Layout", "Shortcut+L", actions.autoLayout()::execute),
                item("showProblems", "Show _Problems", "Shortcut+Shift+P", design::focusProblems),
                new SeparatorMenuItem(),
                item("play", "_Play…", "Shortcut+P", actions.play()::execute),
                new SeparatorMenuItem(),
                item("deploy", "_Deploy…", "Shortcut+D", actions.deploy()::execute),
                targets.menu());
        return caseMenu;
    }

    private Menu monitorMenu() {
        Menu monitorMenu = new Menu("_Monitor");
        monitorMenu.getItems().addAll(
                item("showDesigner", "Show _Designer", "Shortcut+Shift+D", modes::showDesigner),
                item("showMonitor", "Show _Monitor", "Shortcut+Shift+M", modes::showMonitor),
                new SeparatorMenuItem(),
                item("startSamples", "_Start Sample Processes…", "Shortcut+Shift+N",
                        () -> monitors.withMonitor(m -> m.commands().askAndStartDemo())),
                item("monitorRefresh", "_Refresh", null, () -> monitors.withMonitor(m -> m.viewModel().resync())),
                item("monitorReconnect", "Re_connect", null, () -> monitors.withMonitor(m -> m.viewModel().source().reconnect())),
                item("migrateProcesses", "_Migrate Processes to a Newer Version…", null,
                        () -> monitors.withMonitor(m -> m.commands().askMigration(m.getScene().getWindow()))),
                item("retention", "Re_tention…", null, () -> monitors.withMonitor(m -> m.commands().askRetention(m.getScene().getWindow()))),
                new SeparatorMenuItem(),
                item("monitorTarget", "Monitor the _Deploy Target", null, this::monitorDeployTarget),
                item("monitorRemote", "Monitor a Remote _Runtime…", null, monitors::monitorRemote),
                item("monitorEmbedded", "Monitor the _Embedded Runtime", null, monitors::monitorEmbedded));
        return monitorMenu;
    }

    /** Watches where Deploy goes: the chosen connection's server, or the embedded runtime. */
    private void monitorDeployTarget() {
        targets.chosenProfile().ifPresentOrElse(profile -> {
            monitors.monitorProfile(profile);
            modes.showMonitor();
        }, monitors::monitorEmbedded);
    }

    private Menu helpMenu() {
        Menu help = new Menu("_Help");
        help.getItems().addAll(item("help", "_Keyboard and Mouse", "F1", actions.help()::showHelp),
                item("about", "_About", null, actions.help()::about));
        return help;
    }

    /** Undo and Redo say what they would undo, and are disabled when there is nothing. */
    void updateHistory() {
        HistoryActions history = actions.history();
        undoItem.setText(history.undoText());
        undoItem.setDisable(!history.canUndo());
        redoItem.setText(history.redoText());
        redoItem.setDisable(!history.canRedo());
    }

    private static MenuItem item(String id, String text, String accelerator, Runnable action) {
        MenuItem item = new MenuItem(text);
        item.setId("menu-" + id);
        if (accelerator != null) {
            item.setAccelerator(KeyCombination.keyCombination(accelerator));
        }
        item.setOnAction(e -> action.run());
        return item;
    }

    // ---------------------------------------------------------------- tool bar

    ToolBar toolBar() {
        ToggleButton snap = new ToggleButton(null, Glyphs.icon(Glyphs.GRID));
        snap.selectedProperty().bindBidirectional(canvas.snapToGridProperty());
        snap.setTooltip(new Tooltip("Snap to grid (Ctrl+G)"));
        snap.setId("snapToggle");
        Button deploy = new Button("Deploy", Glyphs.icon(Glyphs.DEPLOY, Color.WHITE));
        deploy.getStyleClass().add("accent");
        deploy.setId("deployButton");
        deploy.setTooltip(new Tooltip("Deploy to the target chosen beside it (Ctrl+D)"));
        deploy.setOnAction(e -> actions.deploy().execute());
        Button play = textTool("Play", "Run the case with simulated handlers and services, apart from real data (Ctrl+P)", "playButton",
                actions.play()::execute);
        play.setGraphic(Glyphs.icon(Glyphs.PLAY, Color.web("#7c3aed")));
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        Button layout = textTool("Auto-layout", "Lay the case out left to right (Ctrl+L)", "layoutButton", actions.autoLayout()::execute);
        layout.setGraphic(Glyphs.icon(Glyphs.LAYOUT));
        ToolBar bar = new ToolBar(
                tool(Glyphs.NEW, "New case (Ctrl+N)", "newButton", actions.newCase()::execute),
                tool(Glyphs.OPEN, "Open… (Ctrl+O)", "openButton", actions.open()::execute),
                tool(Glyphs.SAVE, "Save (Ctrl+S)", "saveButton", actions.save()::save),
                new Separator(),
                tool(Glyphs.UNDO, "Undo (Ctrl+Z)", "undoButton", actions.history()::undo),
                tool(Glyphs.REDO, "Redo (Ctrl+Y)", "redoButton", actions.history()::redo),
                tool(Glyphs.DELETE, "Delete (Del)", "deleteButton", actions.selection()::delete),
                new Separator(),
                tool(Glyphs.ZOOM_OUT, "Zoom out (Ctrl+-)", "zoomOutButton", canvas::zoomOut),
                tool(Glyphs.ZOOM_IN, "Zoom in (Ctrl++)", "zoomInButton", canvas::zoomIn),
                textTool("100 %", "Actual size (Ctrl+0)", "actualSizeButton", canvas::actualSize),
                tool(Glyphs.FIT, "Fit to window (Ctrl+Shift+H)", "fitButton", canvas::fitToWindow),
                snap,
                new Separator(),
                layout,
                grow, play, new Separator(), targets.comboBox(), deploy);
        bar.setId("toolBar");
        return bar;
    }

    private static Button tool(String glyph, String tip, String id, Runnable action) {
        Button b = textTool(null, tip, id, action);
        b.setGraphic(Glyphs.icon(glyph));
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
}
