package io.caseflow.designer.monitor.view;

import io.caseflow.definition.CaseDefinition;
import io.caseflow.definition.CaseKey;
import io.caseflow.definition.StageDefinition;
import io.caseflow.designer.monitor.ActivityEntry;
import io.caseflow.designer.monitor.DeadLetterRow;
import io.caseflow.designer.monitor.MonitorViewModel;
import io.caseflow.designer.monitor.ProcessFilter;
import io.caseflow.designer.monitor.ProcessItem;
import io.caseflow.designer.monitor.ProcessPath;
import io.caseflow.designer.monitor.StageLoad;
import io.caseflow.process.ProcessStatus;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.PauseTransition;
import javafx.animation.Timeline;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Separator;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.SplitMenuButton;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Circle;
import javafx.util.Duration;

/**
 * The monitor: the deployed case drawn as in the designer with live counts on its stages, status
 * tiles and a throughput chart above it, the process table, dead letters and activity below, the
 * selected process on the right, and the connection always in sight. It ticks its view model every
 * {@link MonitorViewModel#TICK} (one drain of the live events per tick) and binds; nothing more.
 */
public final class MonitorView extends BorderPane implements AutoCloseable {
    private final MonitorViewModel vm;
    private final MonitorCommands commands;
    private final MonitorCanvas canvas = new MonitorCanvas();
    private final StatusTiles tiles;
    private final ThroughputChart chart;
    private final ProcessTablePane tablePane;
    private final ProcessDetailPane detailPane;
    private final DeadLettersPane deadLettersPane;
    private final ActivityPane activityPane;
    private final ConnectionBadge connection;
    private final ComboBox<CaseKey> caseBox = new ComboBox<>();
    private final Label caseInfo = new Label();
    private final Label notice = new Label();
    private final Label stale = new Label();
    private final HBox legend = new HBox(12);
    private final Label pathLabel = new Label();
    private final Button clearPath = new Button("Clear");
    private final TabPane bottom = new TabPane();
    private final Tab processesTab = new Tab("Processes");
    private final Tab deadTab = new Tab("Dead letters");
    private final Tab activityTab = new Tab("Activity");
    private final Tab workersTab = new Tab("Workers");
    private final Button retrySelected = new Button("Retry Selected");
    private final MenuButton retryAt = new MenuButton("Retry Failed at Stage");
    private final PauseTransition hideNotice = new PauseTransition(Duration.seconds(7));
    private final Timeline ticker;
    private String chosenStage;

    public MonitorView(MonitorViewModel vm, MonitorDialogs dialogs) {
        this.vm = vm;
        this.commands = new MonitorCommands(vm, dialogs);
        this.tiles = new StatusTiles(this::toggleStatus);
        this.chart = new ThroughputChart(vm.throughput(), () -> vm.clock().instant());
        this.tablePane = new ProcessTablePane(vm, commands);
        this.detailPane = new ProcessDetailPane(vm, commands);
        this.deadLettersPane = new DeadLettersPane(vm.deadLetters());
        this.activityPane = new ActivityPane(vm.actions().activity());
        this.connection = new ConnectionBadge(vm.connectionProperty(), vm.source().describe(), vm.source()::reconnect);
        getStyleClass().add("monitor-view");
        setId("monitorView");
        ToolBar tools = toolBar();
        HBox.setHgrow(tools, Priority.ALWAYS);
        // The connection sits outside the tool bar, so it never overflows out of sight.
        HBox top = new HBox(tools, connection);
        top.setAlignment(Pos.CENTER_LEFT);
        top.getStyleClass().add("monitor-top");
        HBox.setMargin(connection, new Insets(0, 10, 0, 6));
        setTop(top);
        VBox center = new VBox(strip(), body());
        VBox.setVgrow(center.getChildren().get(1), Priority.ALWAYS);
        setCenter(center);
        bind();
        ticker = new Timeline(new KeyFrame(Duration.millis(MonitorViewModel.TICK.toMillis()), e -> vm.tick()));
        ticker.setCycleCount(Animation.INDEFINITE);
        ticker.play();
    }

    // ------------------------------------------------------------------ layout

    private ToolBar toolBar() {
        Label caseLabel = new Label("Case");
        caseLabel.getStyleClass().add("toolbar-label");
        caseBox.setId("monitorCase");
        caseBox.setItems(vm.cases());
        caseBox.setPrefWidth(190);
        caseBox.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(CaseKey k, boolean empty) {
                super.updateItem(k, empty);
                setText(empty || k == null ? null : k.name() + "  ·  " + k.api());
            }
        });
        caseBox.setButtonCell(caseBox.getCellFactory().call(null));
        caseBox.valueProperty().addListener((o, a, b) -> {
            if (b != null) {
                vm.monitor(b);
            }
        });
        caseInfo.getStyleClass().add("muted");
        caseInfo.setId("caseInfo");

        ToolBar bar = new ToolBar();
        bar.setId("monitorToolBar");
        bar.getStyleClass().add("monitor-toolbar");
        bar.getItems().addAll(caseLabel, caseBox, caseInfo, new Separator());
        Button startOne = new Button("Start Process…");
        startOne.setId("startProcess");
        startOne.setTooltip(new Tooltip("Start one process of the case shown, with an input you write"));
        startOne.setOnAction(e -> commands.askAndStart());
        bar.getItems().add(startOne);
        vm.source().demo().ifPresent(demo -> {
            SplitMenuButton start = new SplitMenuButton();
            start.setText("Start " + MonitorCommands.DEFAULT_DEMO_COUNT + " Processes");
            start.setId("startProcesses");
            start.getStyleClass().add("accent-split");
            start.setTooltip(new Tooltip("Start " + MonitorCommands.DEFAULT_DEMO_COUNT + " " + demo.describe()
                    + ": some are declined, some fail on purpose so there is something to retry"));
            start.setOnAction(e -> commands.startDemo(MonitorCommands.DEFAULT_DEMO_COUNT));
            for (int n : new int[] {10, 100, 500, 1000}) {
                MenuItem item = new MenuItem("Start " + String.format("%,d", n));
                item.setOnAction(e -> commands.startDemo(n));
                start.getItems().add(item);
            }
            MenuItem other = new MenuItem("Start Another Number…");
            other.setOnAction(e -> commands.askAndStartDemo());
            MenuItem forged = new MenuItem("Send a Forged Service Reply (becomes a dead letter)");
            forged.setOnAction(e -> vm.actions().sendForgedReply());
            start.getItems().addAll(new SeparatorMenuItem(), other, new SeparatorMenuItem(), forged);
            bar.getItems().addAll(start, new Separator());
        });
        retrySelected.setId("retrySelected");
        retrySelected.setOnAction(e -> commands.retrySelection(failedSelection()));
        retryAt.setId("retryFailedAt");
        retryAt.setOnShowing(e -> fillRetryAt());
        retryAt.getItems().add(new MenuItem("…"));
        Button refresh = new Button("Refresh");
        refresh.setId("monitorRefresh");
        refresh.setTooltip(new Tooltip("Read the processes, counts and dead letters again (F5)"));
        refresh.setOnAction(e -> vm.resync());
        bar.getItems().addAll(retrySelected, retryAt, refresh);
        return bar;
    }

    private HBox strip() {
        HBox strip = new HBox(12, tiles, chart);
        HBox.setHgrow(chart, Priority.ALWAYS);
        strip.setAlignment(Pos.CENTER_LEFT);
        strip.getStyleClass().add("monitor-strip");
        strip.setPadding(new Insets(8, 10, 8, 10));
        return strip;
    }

    private SplitPane body() {
        buildLegend();
        notice.getStyleClass().add("notice");
        notice.setId("monitorNotice");
        notice.setVisible(false);
        notice.setMouseTransparent(true);
        stale.getStyleClass().add("stale-banner");
        stale.setId("staleBanner");
        stale.setVisible(false);
        stale.setMouseTransparent(true);
        // The two banners stack instead of overlapping; a hidden one takes no room.
        stale.managedProperty().bind(stale.visibleProperty());
        notice.managedProperty().bind(notice.visibleProperty());
        VBox banners = new VBox(6, stale, notice);
        banners.setAlignment(Pos.TOP_LEFT);
        banners.setPickOnBounds(false);
        banners.setMouseTransparent(true);
        banners.setMaxSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
        StackPane graph = new StackPane(canvas, legend, banners);
        StackPane.setAlignment(banners, Pos.TOP_LEFT);
        StackPane.setMargin(banners, new Insets(10, 12, 0, 12));
        StackPane.setAlignment(legend, Pos.BOTTOM_LEFT);
        StackPane.setMargin(legend, new Insets(0, 0, 10, 12));
        graph.setMinHeight(120);

        processesTab.setContent(tablePane);
        deadTab.setContent(deadLettersPane);
        activityTab.setContent(activityPane);
        processesTab.setId("processesTab");
        deadTab.setId("deadLettersTab");
        activityTab.setId("activityTab");
        workersTab.setContent(new WorkersPane(vm.workers()));
        workersTab.setId("workersTab");
        bottom.getTabs().addAll(processesTab, deadTab, activityTab, workersTab);
        bottom.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        bottom.setId("monitorTabs");

        SplitPane left = new SplitPane(graph, bottom);
        left.setOrientation(Orientation.VERTICAL);
        left.setDividerPositions(0.44);
        detailPane.setPrefWidth(460);
        SplitPane main = new SplitPane(left, detailPane);
        main.setDividerPositions(0.675);
        SplitPane.setResizableWithParent(detailPane, false);
        return main;
    }

    private void buildLegend() {
        legend.getStyleClass().add("legend");
        legend.setAlignment(Pos.CENTER_LEFT);
        legend.setMaxSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
        legend.getChildren().addAll(key("Running", StatusColors.RUNNING), key("Waiting for service", StatusColors.WAITING),
                key("Failed", StatusColors.FAILED), key("Completed", StatusColors.COMPLETED));
        pathLabel.getStyleClass().add("legend-path");
        pathLabel.setId("pathLabel");
        clearPath.getStyleClass().add("link-button");
        clearPath.setId("clearPath");
        clearPath.setOnAction(e -> clearSelection());
        legend.getChildren().addAll(pathLabel, clearPath);
    }

    private static Label key(String text, Color color) {
        Label l = new Label(text, new Circle(4.5, color));
        l.getStyleClass().add("legend-key");
        return l;
    }

    // ------------------------------------------------------------------ behaviour

    private void bind() {
        vm.graphProperty().addListener((o, a, b) -> updateCanvasDefinition());
        vm.detail().definitionProperty().addListener((o, a, b) -> updateCanvasDefinition());
        vm.detail().processIdProperty().addListener((o, a, b) -> updateCanvasDefinition());
        vm.counts().loadsProperty().addListener((o, a, b) -> {
            canvas.setLoads(b);
            retrySelectedState();
        });
        vm.counts().totalsProperty().addListener((o, a, b) -> {
            tiles.show(b);
            retrySelectedState(); // the totals are set after the loads: "Retry Failed at Stage" follows them
        });
        vm.detail().pathProperty().addListener((o, a, b) -> showPath(b));
        vm.chartTickProperty().addListener((o, a, b) -> chart.paint());
        vm.monitoredCaseProperty().addListener((o, a, b) -> {
            caseBox.setValue(b);
            updateCaseInfo();
        });
        vm.table().filterProperty().addListener((o, a, b) -> {
            tiles.select(b.statuses());
            chosenStage = b.stage();
            canvas.setChosenStage(chosenStage);
        });
        vm.deadLetters().visibleProperty().bind(deadTab.selectedProperty());
        vm.deadLetters().rows().addListener((ListChangeListener<Object>) c -> {
            long n = vm.deadLetters().rows().stream().filter(DeadLetterRow::isDead).count(); // not replayed or discarded yet
            deadTab.setText(n == 0 ? "Dead letters" : "Dead letters (" + n + ")");
        });
        vm.workers().visibleProperty().bind(workersTab.selectedProperty());
        vm.workers().rows().addListener((ListChangeListener<Object>) c -> workersTab.setText(vm.workers().rows().isEmpty()
                ? "Workers" : "Workers (" + vm.workers().alive() + " alive" + (vm.workers().gone() > 0 ? ", "
                + vm.workers().gone() + " gone)" : ")")));
        vm.actions().lastProperty().addListener((o, a, b) -> showNotice(b));
        vm.connectionProperty().addListener((o, a, b) -> {
            boolean down = b != null && !b.isUp();
            if (down && !stale.isVisible()) {
                stale.setText("Not live: counts and rows as of " + Styles.time(b.since()));
            }
            stale.setVisible(down);
            canvas.setOpacity(down ? 0.55 : 1);
        });
        tablePane.table().getSelectionModel().getSelectedItems().addListener((ListChangeListener<ProcessItem>) c -> retrySelectedState());
        canvas.setOnStageClicked(this::stageClicked);
        canvas.setOnEmptyClicked(this::clearSelection);
        setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                clearSelection();
            } else if (e.getCode() == KeyCode.F5) {
                vm.resync();
            }
        });
        hideNotice.setOnFinished(e -> notice.setVisible(false));
        showPath(null);
        retrySelectedState();
        updateCanvasDefinition();
        updateCaseInfo();
        caseBox.setValue(vm.monitoredCaseProperty().get());
    }

    private void updateCanvasDefinition() {
        CaseDefinition forProcess = vm.detail().processIdProperty().get() != null ? vm.detail().definitionProperty().get() : null;
        canvas.setDefinition(forProcess != null ? forProcess : vm.graphProperty().get());
        canvas.setPath(forProcess != null ? vm.detail().pathProperty().get() : null);
        updateCaseInfo();
    }

    private void updateCaseInfo() {
        CaseDefinition d = canvas.definition();
        caseInfo.setText(d == null ? "no case deployed" : "version " + d.version() + " · " + d.stages().size() + " stages");
    }

    private void showPath(ProcessPath path) {
        boolean show = path != null && vm.detail().processIdProperty().get() != null;
        canvas.setPath(show ? path : null);
        pathLabel.setVisible(show);
        pathLabel.setManaged(show);
        clearPath.setVisible(show);
        clearPath.setManaged(show);
        if (show) {
            pathLabel.setText("Path of " + Styles.shortId(vm.detail().processIdProperty().get()) + ": " + path.stages().size()
                    + " stage(s), now " + Styles.label(path.status()).toLowerCase() + " at " + path.current());
        }
    }

    private void clearSelection() {
        tablePane.table().getSelectionModel().clearSelection();
        vm.detail().select(null);
    }

    private void toggleStatus(ProcessStatus status) {
        Set<ProcessStatus> now = EnumSet.noneOf(ProcessStatus.class);
        now.addAll(vm.table().filter().statuses());
        if (!now.remove(status)) {
            now.add(status);
        }
        vm.setFilter(vm.table().filter().withStatuses(now));
    }

    private void stageClicked(MonitorCanvas.StageClick click) {
        CaseKey key = vm.monitoredCaseProperty().get();
        CaseDefinition shown = canvas.definition();
        if (shown != null) {
            key = shown.key();
        }
        if (click.button() == MouseButton.SECONDARY) {
            stageMenu(click.stage(), key).show(canvas, click.screenX(), click.screenY());
            return;
        }
        ProcessFilter f = vm.table().filter();
        if (click.stage().equals(f.stage())) {
            vm.setFilter(f.withStage(null));
        } else {
            vm.setFilter(f.withCase(key.name(), key.api()).withStage(click.stage()));
        }
    }

    private ContextMenu stageMenu(String stage, CaseKey key) {
        StageLoad load = vm.counts().load(stage);
        MenuItem show = new MenuItem("Show Processes at '" + stage + "'");
        show.setOnAction(e -> vm.setFilter(vm.table().filter().withCase(key.name(), key.api()).withStage(stage).withStatuses(Set.of())));
        MenuItem failed = new MenuItem("Show Failed at '" + stage + "' (" + load.failed() + ")");
        failed.setOnAction(e -> vm.setFilter(vm.table().filter().withCase(key.name(), key.api()).withStage(stage)
                .withStatuses(Set.of(ProcessStatus.FAILED))));
        MenuItem retry = new MenuItem("Retry All Failed at '" + stage + "'…");
        retry.setId("retryAllAtStage");
        retry.setOnAction(e -> commands.retryFailedAt(stage));
        failed.setDisable(load.failed() == 0);
        retry.setDisable(load.failed() == 0);
        return new ContextMenu(show, failed, new SeparatorMenuItem(), retry);
    }

    private void fillRetryAt() {
        retryAt.getItems().clear();
        CaseDefinition d = vm.graphProperty().get();
        if (d == null) {
            retryAt.getItems().add(disabled("No case deployed"));
            return;
        }
        for (StageDefinition s : d.stages()) {
            long failed = vm.counts().load(s.name()).failed();
            if (failed > 0) {
                MenuItem item = new MenuItem(s.name() + "  (" + failed + " failed)");
                item.setOnAction(e -> commands.retryFailedAt(s.name()));
                retryAt.getItems().add(item);
            }
        }
        if (retryAt.getItems().isEmpty()) {
            retryAt.getItems().add(disabled("No failed process in " + d.key()));
        }
    }

    private static MenuItem disabled(String text) {
        MenuItem m = new MenuItem(text);
        m.setDisable(true);
        return m;
    }

    private List<String> failedSelection() {
        return tablePane.table().getSelectionModel().getSelectedItems().stream().filter(i -> i.row().isFailed())
                .map(ProcessItem::id).toList();
    }

    private void retrySelectedState() {
        int n = failedSelection().size();
        retrySelected.setText(n > 1 ? "Retry " + n + " Selected" : "Retry Selected");
        retrySelected.setDisable(n == 0);
        StageLoad totals = vm.counts().totalsProperty().get();
        retryAt.setDisable(totals == null || totals.failed() == 0);
    }

    private void showNotice(ActivityEntry entry) {
        if (entry == null) {
            return;
        }
        notice.getStyleClass().removeIf(s -> s.startsWith("notice-"));
        notice.getStyleClass().add("notice-" + entry.kind().name().toLowerCase(Locale.ROOT));
        notice.setText(entry.text());
        notice.setVisible(true);
        hideNotice.playFromStart();
    }

    // ------------------------------------------------------------------ access

    public MonitorViewModel viewModel() {
        return vm;
    }

    public MonitorCommands commands() {
        return commands;
    }

    public MonitorCanvas canvas() {
        return canvas;
    }

    /** Stops the ticks and the view model's subscription. */
    @Override
    public void close() {
        ticker.stop();
        vm.close();
    }
}
