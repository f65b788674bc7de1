package io.caseflow.designer.monitor.view;

import com.fasterxml.jackson.databind.JsonNode;
import io.caseflow.designer.monitor.MonitorViewModel;
import io.caseflow.designer.monitor.ProcessDetailViewModel;
import io.caseflow.process.Failure;
import io.caseflow.process.ProcessSnapshot;
import io.caseflow.process.ProcessStatus;
import io.caseflow.process.StageRun;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableSet;
import javafx.collections.SetChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The selected process: status, id, case and stage, the actions that fit its status, the error and
 * stack trace of a failed stage, and tabs for its timeline (stage runs with attempts, durations,
 * outcomes and task ids), its service calls, and its data, input and results as JSON trees. The
 * path it took is drawn on the graph by the monitor view. A thin view over {@link ProcessDetailViewModel}.
 */
public final class ProcessDetailPane extends StackPane {
    private final ProcessDetailViewModel model;
    private final MonitorCommands commands;
    private final VBox content = new VBox();
    private final Label empty = new Label("Select a process to see the path it took on the graph, its stage timeline, "
            + "its data and, if it failed, why.");
    private final Label status = new Label();
    private final TextField id = new TextField();
    private final Label subtitle = new Label();
    private final Label times = new Label();
    private final Button retry = new Button("Retry");
    private final Button retryWith = new Button("Retry with Changes…");
    private final Button cancel = new Button("Cancel…");
    private final VBox failureBox = new VBox(6);
    private final Label failureTitle = new Label();
    private final Label failureMessage = new Label();
    private final TextArea stackTrace = new TextArea();
    private final TitledPane tracePane = new TitledPane("Stack trace", stackTrace);
    private final TableView<StageRun> timeline = new TableView<>();
    private final TableView<StageRun> calls = new TableView<>();
    private final TreeView<String> data = new TreeView<>();
    private final TreeView<String> input = new TreeView<>();
    private final TreeView<String> results = new TreeView<>();
    private final Tab callsTab = new Tab("Service calls");
    private final Label error = new Label();
    private final ProgressIndicator loading = new ProgressIndicator();
    private final ObservableSet<String> busyIds;

    public ProcessDetailPane(MonitorViewModel vm, MonitorCommands commands) {
        this.model = vm.detail();
        this.commands = commands;
        this.busyIds = vm.actions().busyIds();
        getStyleClass().add("detail-pane");
        setId("detailPane");
        setMinWidth(340);
        buildHeader();
        buildFailure();
        buildTabs();
        empty.getStyleClass().add("placeholder");
        empty.setWrapText(true);
        empty.setMaxWidth(300);
        loading.setMaxSize(22, 22);
        StackPane.setAlignment(loading, Pos.TOP_RIGHT);
        StackPane.setMargin(loading, new Insets(10));
        getChildren().addAll(content, empty, loading);
        model.processProperty().addListener((o, a, b) -> show(b));
        model.history().addListener((ListChangeListener<StageRun>) c -> showHistory());
        model.processIdProperty().addListener((o, a, b) -> {
            boolean none = b == null;
            empty.setVisible(none);
            content.setVisible(!none);
        });
        model.errorProperty().addListener((o, a, b) -> {
            error.setText(b == null ? "" : b);
            error.setVisible(b != null);
            error.setManaged(b != null);
        });
        loading.visibleProperty().bind(model.loadingProperty());
        vm.actions().busyIds().addListener((SetChangeListener<String>) c -> updateButtons(model.processProperty().get()));
        content.setVisible(false);
        error.setVisible(false);
        error.setManaged(false);
    }

    private void buildHeader() {
        Label title = new Label("PROCESS");
        title.getStyleClass().add("pane-title");
        status.getStyleClass().add("status-pill");
        status.setId("detailStatus");
        id.setEditable(false);
        id.getStyleClass().addAll("id-field", "mono");
        id.setId("detailId");
        HBox.setHgrow(id, Priority.ALWAYS);
        Button copy = new Button("Copy");
        copy.getStyleClass().add("link-button");
        copy.setOnAction(e -> {
            ClipboardContent c = new ClipboardContent();
            c.putString(id.getText());
            Clipboard.getSystemClipboard().setContent(c);
        });
        HBox idRow = new HBox(8, status, id, copy);
        idRow.setAlignment(Pos.CENTER_LEFT);
        for (Label wrapped : List.of(subtitle, times, failureMessage, failureTitle, error)) {
            // A wrapped label in a split pane must be allowed its full height, or it is cut after a line or two.
            wrapped.setMinHeight(Region.USE_PREF_SIZE);
            wrapped.setWrapText(true);
        }
        subtitle.getStyleClass().add("detail-subtitle");
        subtitle.setId("detailSubtitle");
        subtitle.setWrapText(true);
        times.getStyleClass().add("muted");
        times.setWrapText(true);
        retry.getStyleClass().add("accent");
        retry.setId("detailRetry");
        retry.setOnAction(e -> withProcess(commands::retry));
        retryWith.setId("detailRetryWith");
        retryWith.setOnAction(e -> withProcess(commands::retryWithChanges));
        cancel.getStyleClass().add("danger");
        cancel.setId("detailCancel");
        cancel.setOnAction(e -> withProcess(commands::cancel));
        HBox actions = new HBox(6, retry, retryWith, cancel);
        actions.setAlignment(Pos.CENTER_LEFT);
        error.getStyleClass().add("error-text");
        error.setWrapText(true);
        VBox header = new VBox(6, title, idRow, subtitle, times, actions, error);
        header.setPadding(new Insets(0, 12, 8, 12));
        content.getChildren().add(header);
    }

    private void withProcess(Consumer<String> action) {
        ProcessSnapshot p = model.processProperty().get();
        if (p != null) {
            action.accept(p.id());
        }
    }

    private void buildFailure() {
        failureBox.getStyleClass().add("failure-box");
        failureBox.setId("failureBox");
        failureTitle.getStyleClass().add("failure-title");
        failureMessage.setWrapText(true);
        failureMessage.setId("failureMessage");
        failureMessage.getStyleClass().add("failure-message");
        stackTrace.setEditable(false);
        stackTrace.getStyleClass().addAll("code", "stack-trace");
        stackTrace.setPrefRowCount(9);
        stackTrace.setId("stackTrace");
        tracePane.setExpanded(false);
        tracePane.setAnimated(false);
        tracePane.getStyleClass().add("trace-pane");
        failureBox.getChildren().addAll(failureTitle, failureMessage, tracePane);
        VBox.setMargin(failureBox, new Insets(0, 12, 8, 12));
        content.getChildren().add(failureBox);
    }

    private void buildTabs() {
        timeline.setId("timelineTable");
        timeline.setPlaceholder(new Label("No stage has run yet."));
        timeline.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        timeline.getColumns().addAll(List.of(
                runColumn("Stage", 118, StageRun::stage),
                runColumn("Att.", 36, r -> String.valueOf(r.attempt())),
                statusColumn(),
                durationColumn(),
                runColumn("Outcome", 70, r -> r.outcome() == null ? "" : r.outcome())));
        timeline.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(StageRun r, boolean empty) {
                super.updateItem(r, empty);
                setTooltip(empty || r == null ? null : new Tooltip(describe(r)));
            }
        });
        timeline.setContextMenu(copyMenu(timeline));
        calls.setId("serviceCalls");
        calls.setPlaceholder(new Label("This process has not called a service."));
        calls.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TableColumn<StageRun, StageRun> taskId = runColumn("Task id (sent with the request)", 300, StageRun::taskId);
        taskId.setCellFactory(c -> new RunCell(StageRun::taskId, "mono"));
        calls.getColumns().addAll(List.of(runColumn("Stage", 104, StageRun::stage), statusColumn(), taskId));
        calls.setContextMenu(copyMenu(calls));
        for (TreeView<String> t : List.of(data, input, results)) {
            t.setShowRoot(false);
            t.getStyleClass().add("json-tree");
        }
        data.setId("dataTree");
        TabPane tabs = new TabPane(new Tab("Timeline", timeline), callsTab, new Tab("Data", data), new Tab("Input", input),
                new Tab("Results", results), new Tab("Audit", AuditTable.of(model)));
        callsTab.setContent(calls);
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.setId("detailTabs");
        VBox.setVgrow(tabs, Priority.ALWAYS);
        content.getChildren().add(tabs);
    }

    private static ContextMenu copyMenu(TableView<StageRun> table) {
        MenuItem copy = new MenuItem("Copy Task Id");
        copy.setOnAction(e -> {
            StageRun r = table.getSelectionModel().getSelectedItem();
            if (r != null && r.taskId() != null) {
                ClipboardContent c = new ClipboardContent();
                c.putString(r.taskId());
                Clipboard.getSystemClipboard().setContent(c);
            }
        });
        ContextMenu menu = new ContextMenu(copy);
        menu.setOnShowing(e -> {
            StageRun r = table.getSelectionModel().getSelectedItem();
            copy.setDisable(r == null || r.taskId() == null);
        });
        return menu;
    }

    private static TableColumn<StageRun, StageRun> runColumn(String title, double width, Function<StageRun, String> text) {
        TableColumn<StageRun, StageRun> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setSortable(false);
        c.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(cd.getValue()));
        c.setCellFactory(col -> new RunCell(text, null));
        return c;
    }

    private static TableColumn<StageRun, StageRun> statusColumn() {
        TableColumn<StageRun, StageRun> c = runColumn("Status", 92, r -> r.status().name());
        c.setCellFactory(col -> new TableCell<>() {
            private final Label pill = new Label();

            {
                pill.getStyleClass().add("status-pill");
            }

            @Override
            protected void updateItem(StageRun r, boolean empty) {
                super.updateItem(r, empty);
                if (empty || r == null) {
                    setGraphic(null);
                    return;
                }
                Styles.setRunPill(pill, r.status());
                setGraphic(pill);
            }
        });
        return c;
    }

    private TableColumn<StageRun, StageRun> durationColumn() {
        TableColumn<StageRun, StageRun> c = runColumn("Duration", 112, r -> Styles.duration(duration(r)));
        c.setCellFactory(col -> new TableCell<>() {
            private final Region bar = new Region();
            private final Label text = new Label();
            private final HBox box = new HBox(6, bar, text);

            {
                bar.getStyleClass().add("duration-bar");
                bar.setMinHeight(6);
                bar.setMaxHeight(6);
                box.setAlignment(Pos.CENTER_LEFT);
            }

            @Override
            protected void updateItem(StageRun r, boolean empty) {
                super.updateItem(r, empty);
                if (empty || r == null) {
                    setGraphic(null);
                    return;
                }
                Duration d = duration(r);
                long max = model.history().stream().map(ProcessDetailPane::duration).mapToLong(Duration::toMillis).max().orElse(1);
                double w = 2 + 36.0 * d.toMillis() / Math.max(1, max);
                bar.setMinWidth(w);
                bar.setPrefWidth(w);
                bar.setMaxWidth(w);
                text.setText(Styles.duration(d) + (r.endedAt() == null ? " …" : ""));
                setGraphic(box);
            }
        });
        return c;
    }

    /** Everything about one stage run, for its tooltip. */
    static String describe(StageRun r) {
        StringBuilder b = new StringBuilder();
        b.append(r.stage()).append(" · attempt ").append(r.attempt()).append(" · ")
                .append(r.status().name().replace('_', ' ').toLowerCase(Locale.ROOT));
        if (r.startedAt() != null) {
            b.append("\nstarted ").append(Styles.TIME_MS.format(r.startedAt()));
        }
        if (r.endedAt() != null) {
            b.append(" · ended ").append(Styles.TIME_MS.format(r.endedAt())).append(" · took ").append(Styles.duration(duration(r)));
        }
        if (r.outcome() != null) {
            b.append("\noutcome ").append(r.outcome());
        }
        if (r.taskId() != null) {
            b.append("\ntask id ").append(r.taskId());
        }
        if (r.error() != null) {
            b.append("\nerror: ").append(r.error());
        }
        return b.toString();
    }

    static Duration duration(StageRun r) {
        if (r.startedAt() == null) {
            return Duration.ZERO;
        }
        Instant end = r.endedAt() != null ? r.endedAt() : Instant.now();
        return Duration.between(r.startedAt(), end);
    }

    /** A cell showing one field of a stage run, with the full text as tooltip. */
    private static final class RunCell extends TableCell<StageRun, StageRun> {
        private final Function<StageRun, String> text;

        RunCell(Function<StageRun, String> text, String style) {
            this.text = text;
            if (style != null) {
                getStyleClass().add(style);
            }
        }

        @Override
        protected void updateItem(StageRun r, boolean empty) {
            super.updateItem(r, empty);
            setText(empty || r == null ? null : text.apply(r));
        }
    }

    // ------------------------------------------------------------------ showing a process

    private void show(ProcessSnapshot p) {
        if (p == null) {
            return;
        }
        Styles.setPill(status, p.status());
        id.setText(p.id());
        subtitle.setText(p.caseKey() + " · version " + p.caseVersion() + " · "
                + (p.status().isTerminal() && p.status() != ProcessStatus.FAILED ? "ended at " : "at ") + p.currentStage()
                + (p.attempt() > 1 ? " · attempt " + p.attempt() : "") + " · step " + p.step());
        times.setText("Created " + Styles.DATE_TIME.format(p.createdAt()) + " · updated " + Styles.time(p.updatedAt())
                + (p.idempotencyKey() != null ? "\nIdempotency key " + p.idempotencyKey() : "")
                + (p.waitTaskId() != null && p.status() == ProcessStatus.WAITING ? "\nWaiting for the reply to task " + p.waitTaskId() : ""));
        updateButtons(p);
        Failure f = p.failure();
        boolean failed = f != null && p.status() == ProcessStatus.FAILED;
        failureBox.setVisible(failed);
        failureBox.setManaged(failed);
        if (failed) {
            failureTitle.setText("Failed at " + f.stage() + " · " + f.kind().name().replace('_', ' ').toLowerCase(Locale.ROOT)
                    + (f.at() != null ? " · " + Styles.time(f.at()) : ""));
            failureMessage.setText(f.message());
            boolean trace = f.stackTrace() != null && !f.stackTrace().isBlank();
            stackTrace.setText(trace ? f.stackTrace() : "");
            tracePane.setVisible(trace);
            tracePane.setManaged(trace);
        }
        setTree(data, p.data().asObject());
        setTree(input, p.input().tree());
        setTree(results, p.results().asObject());
    }

    private void updateButtons(ProcessSnapshot p) {
        boolean busy = p != null && isBusy(p.id());
        boolean failed = p != null && p.status() == ProcessStatus.FAILED;
        retry.setDisable(!failed || busy);
        retryWith.setDisable(!failed || busy);
        cancel.setDisable(p == null || !p.status().isCancellable() || busy);
        retry.setText(busy ? "Working…" : "Retry");
    }

    private boolean isBusy(String processId) {
        return busyIds.contains(processId);
    }

    private void showHistory() {
        List<StageRun> runs = model.history();
        timeline.getItems().setAll(runs);
        List<StageRun> serviceCalls = runs.stream().filter(r -> r.taskId() != null).toList();
        calls.getItems().setAll(serviceCalls);
        callsTab.setText(serviceCalls.isEmpty() ? "Service calls" : "Service calls (" + serviceCalls.size() + ")");
    }

    private static void setTree(TreeView<String> tree, JsonNode node) {
        TreeItem<String> root = new TreeItem<>("root");
        if (node != null && !node.isNull() && !node.isMissingNode()) {
            add(root, null, node, 0);
        }
        if (root.getChildren().isEmpty()) {
            root.getChildren().add(new TreeItem<>("(empty)"));
        }
        root.setExpanded(true);
        tree.setRoot(root);
    }

    private static void add(TreeItem<String> parent, String key, JsonNode node, int depth) {
        if (node.isObject() || node.isArray()) {
            TreeItem<String> item;
            if (key == null) {
                item = parent;
            } else {
                item = new TreeItem<>(key + (node.isObject() ? "  { " + node.size() + " }" : "  [ " + node.size() + " ]"));
                parent.getChildren().add(item);
            }
            item.setExpanded(depth < 3);
            if (node.isObject()) {
                Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
                while (fields.hasNext()) {
                    Map.Entry<String, JsonNode> f = fields.next();
                    add(item, f.getKey(), f.getValue(), depth + 1);
                }
            } else {
                for (int i = 0; i < node.size(); i++) {
                    add(item, "[" + i + "]", node.get(i), depth + 1);
                }
            }
        } else {
            String value = node.isTextual() ? "\"" + node.asText() + "\"" : node.toString();
            parent.getChildren().add(new TreeItem<>(key == null ? value : key + ":  " + value));
        }
    }

    public TableView<StageRun> timeline() {
        return timeline;
    }

    public TreeView<String> dataTree() {
        return data;
    }

    public Label failureMessage() {
        return failureMessage;
    }

    public Button retryButton() {
        return retry;
    }
}
