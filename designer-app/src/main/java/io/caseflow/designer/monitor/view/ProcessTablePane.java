package io.caseflow.designer.monitor.view;

import io.caseflow.designer.monitor.BulkJobsViewModel;
import io.caseflow.designer.monitor.MonitorViewModel;
import io.caseflow.designer.monitor.ProcessItem;
import io.caseflow.designer.monitor.ProcessRow;
import io.caseflow.designer.monitor.ProcessTableViewModel;
import io.caseflow.job.JobKind;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.text.TextAlignment;

/**
 * The process table: filters on top (status, case, api, version, stage, text in id or data),
 * a virtualized table whose rows follow live events in place, the "N new processes" pill, and a
 * footer saying how much is loaded. Scrolling near the end loads the next page from the store;
 * clicking a column header sorts the loaded rows. A thin view over {@link ProcessTableViewModel}.
 */
public final class ProcessTablePane extends VBox {
    private final MonitorViewModel vm;
    private final ProcessTableViewModel model;
    private final MonitorCommands commands;
    private final TableView<ProcessItem> table = new TableView<>();
    private final Button pendingPill = new Button();
    private final Label footer = new Label();
    private final Label error = new Label();
    private final ProgressIndicator busy = new ProgressIndicator();
    private final Map<TableColumn<ProcessItem, ?>, Comparator<ProcessRow>> comparators = new HashMap<>();
    private VirtualFlow<?> flow;
    private boolean replacing;
    private List<String> selectionBeforeReplace = List.of();

    public ProcessTablePane(MonitorViewModel vm, MonitorCommands commands) {
        this.vm = vm;
        this.model = vm.table();
        this.commands = commands;
        getStyleClass().add("process-table-pane");
        setId("processTablePane");
        getChildren().add(new ProcessFilterBar(vm));
        buildTable();
        buildFooter();
        wire();
    }

    // ------------------------------------------------------------------ table

    private void buildTable() {
        table.setId("processTable");
        table.setItems(model.items());
        // Every row is one line: the virtual flow need not measure cells, which keeps scrolling cheap.
        table.setFixedCellSize(25);
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        table.setTableMenuButtonVisible(true);
        table.setPlaceholder(placeholder());
        TableColumn<ProcessItem, ProcessRow> status = column("Status", 100, r -> Styles.label(r.status()),
                Comparator.comparing(ProcessRow::status));
        status.setCellFactory(c -> new TableCell<>() {
            private final Label pill = new Label();

            {
                pill.getStyleClass().add("status-pill");
            }

            @Override
            protected void updateItem(ProcessRow row, boolean empty) {
                super.updateItem(row, empty);
                if (empty || row == null) {
                    setGraphic(null);
                } else {
                    Styles.setPill(pill, row.status());
                    setGraphic(pill);
                }
            }
        });
        TableColumn<ProcessItem, ProcessRow> id = column("Process", 124, r -> Styles.shortId(r.id()), Comparator.comparing(ProcessRow::id));
        id.setCellFactory(c -> new TextCell(r -> Styles.shortId(r.id()), r -> r.id(), "mono"));
        TableColumn<ProcessItem, ProcessRow> caseCol = column("Case", 150, r -> r.caseKey().toString(),
                Comparator.comparing((ProcessRow r) -> r.caseKey().toString()));
        TableColumn<ProcessItem, ProcessRow> version = column("Ver.", 46, r -> String.valueOf(r.caseVersion()),
                Comparator.comparingInt(ProcessRow::caseVersion));
        TableColumn<ProcessItem, ProcessRow> stage = column("Stage", 130, ProcessRow::stage,
                Comparator.comparing(ProcessRow::stage, Comparator.nullsFirst(Comparator.naturalOrder())));
        TableColumn<ProcessItem, ProcessRow> attempt = column("Att.", 44, r -> String.valueOf(r.attempt()),
                Comparator.comparingInt(ProcessRow::attempt));
        TableColumn<ProcessItem, ProcessRow> created = column("Created", 76, r -> Styles.time(r.createdAt()),
                Comparator.comparing(ProcessRow::createdAt, Comparator.nullsFirst(Comparator.naturalOrder())));
        TableColumn<ProcessItem, ProcessRow> updated = column("Updated", 76, r -> Styles.time(r.updatedAt()),
                Comparator.comparing(ProcessRow::updatedAt, Comparator.nullsFirst(Comparator.naturalOrder())));
        TableColumn<ProcessItem, ProcessRow> errorCol = column("Error", 300, r -> r.error() == null ? "" : r.error(),
                Comparator.comparing((ProcessRow r) -> r.error() == null ? "" : r.error()));
        errorCol.setCellFactory(c -> new TextCell(r -> r.error() == null ? "" : r.error(), r -> r.error(), "error-text"));
        TableColumn<ProcessItem, ProcessRow> action = new TableColumn<>("");
        action.setId("actionColumn");
        action.setPrefWidth(84);
        action.setMinWidth(84);
        action.setSortable(false);
        action.setReorderable(false);
        action.setCellValueFactory(c -> c.getValue().rowProperty());
        action.setCellFactory(c -> new RetryCell(commands, vm.actions().busyIds()));
        table.getColumns().addAll(List.of(status, id, caseCol, version, stage, attempt, created, updated, errorCol, action));
        status.setMinWidth(100);
        attempt.setMinWidth(44);
        version.setMinWidth(44);
        id.setMinWidth(118);
        created.setMinWidth(72);
        created.setVisible(false);
        caseCol.setMinWidth(120);
        stage.setMinWidth(110);
        updated.setMinWidth(72);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setSortPolicy(t -> {
            Comparator<ProcessRow> order = null;
            for (TableColumn<ProcessItem, ?> col : t.getSortOrder()) {
                Comparator<ProcessRow> base = comparators.get(col);
                if (base == null) {
                    continue;
                }
                if (col.getSortType() == TableColumn.SortType.DESCENDING) {
                    base = base.reversed();
                }
                order = order == null ? base : order.thenComparing(base);
            }
            model.sort(order);
            updateFollowing();
            return true;
        });
        table.setRowFactory(t -> new ProcessRowView(model, commands));
        table.setContextMenu(contextMenu());
        // The action column sits last; errors get the rest of the width.
        table.getColumns().remove(errorCol);
        table.getColumns().add(table.getColumns().size() - 1, errorCol);

        pendingPill.setId("pendingPill");
        pendingPill.getStyleClass().add("pending-pill");
        pendingPill.setVisible(false);
        pendingPill.setOnAction(e -> {
            model.showPending();
            table.scrollTo(0);
        });
        StackPane stack = new StackPane(table, pendingPill);
        StackPane.setAlignment(pendingPill, Pos.TOP_CENTER);
        StackPane.setMargin(pendingPill, new Insets(34, 0, 0, 0));
        VBox.setVgrow(stack, Priority.ALWAYS);
        getChildren().add(stack);
    }

    private Label placeholder() {
        Label l = new Label("No process matches the filters.\nStart some processes, or clear the filters.");
        l.getStyleClass().add("placeholder");
        l.setTextAlignment(TextAlignment.CENTER);
        return l;
    }

    private TableColumn<ProcessItem, ProcessRow> column(String title, double width, Function<ProcessRow, String> text,
                                                       Comparator<ProcessRow> comparator) {
        TableColumn<ProcessItem, ProcessRow> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setCellValueFactory(cd -> cd.getValue().rowProperty());
        c.setCellFactory(col -> new TextCell(text, null, null));
        c.setComparator(comparator);
        comparators.put(c, comparator);
        return c;
    }

    private ContextMenu contextMenu() {
        MenuItem retry = new MenuItem("Retry");
        retry.setOnAction(e -> commands.retrySelection(selectedIds()));
        MenuItem retryWith = new MenuItem("Retry with Changes…");
        retryWith.setOnAction(e -> single().ifPresent(commands::retryWithChanges));
        MenuItem cancel = new MenuItem("Cancel…");
        cancel.setOnAction(e -> commands.cancelSelection(selectedIds()));
        MenuItem copy = new MenuItem("Copy Process Id");
        copy.setOnAction(e -> single().ifPresent(id -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(id);
            Clipboard.getSystemClipboard().setContent(content);
        }));
        MenuItem atStage = new MenuItem("Show Processes at This Stage");
        atStage.setOnAction(e -> {
            ProcessItem item = table.getSelectionModel().getSelectedItem();
            if (item != null) {
                vm.setFilter(model.filter().withCase(item.row().caseKey().name(), item.row().caseKey().api()).withStage(item.row().stage()));
            }
        });
        MenuItem retryMatching = new MenuItem("Retry All Matching the Filter…");
        retryMatching.setId("retryAllMatching");
        retryMatching.setOnAction(e -> commands.allMatching(JobKind.RETRY));
        MenuItem cancelMatching = new MenuItem("Cancel All Matching the Filter…");
        cancelMatching.setId("cancelAllMatching");
        cancelMatching.setOnAction(e -> commands.allMatching(JobKind.CANCEL));
        ContextMenu menu = new ContextMenu(retry, retryWith, cancel, new SeparatorMenuItem(), copy, atStage, new SeparatorMenuItem(),
                retryMatching, cancelMatching);
        menu.setOnShowing(e -> {
            boolean jobs = vm.jobs().available();
            retryMatching.setDisable(!jobs || BulkJobsViewModel.selectionOf(model.filter()).isEmpty());
            cancelMatching.setDisable(retryMatching.isDisable());
            List<ProcessItem> sel = table.getSelectionModel().getSelectedItems();
            long failed = sel.stream().filter(i -> i.row().isFailed()).count();
            retry.setText(sel.size() > 1 ? "Retry " + failed + " Failed of " + sel.size() + " Selected" : "Retry");
            retry.setDisable(failed == 0);
            boolean one = sel.size() == 1;
            retryWith.setDisable(!one || failed == 0);
            long cancellable = sel.stream().filter(i -> i.row().status().isCancellable()).count();
            cancel.setText(sel.size() > 1 && jobs ? "Cancel " + cancellable + " of " + sel.size() + " Selected…" : "Cancel…");
            cancel.setDisable(cancellable == 0 || (!one && !jobs));
            copy.setDisable(!one);
            atStage.setDisable(!one);
        });
        return menu;
    }

    private Optional<String> single() {
        List<ProcessItem> sel = table.getSelectionModel().getSelectedItems();
        return sel.size() == 1 ? Optional.of(sel.get(0).id()) : Optional.empty();
    }

    public List<String> selectedIds() {
        return table.getSelectionModel().getSelectedItems().stream().map(ProcessItem::id).toList();
    }

    // ------------------------------------------------------------------ footer and wiring

    private void buildFooter() {
        footer.setId("tableFooter");
        footer.getStyleClass().add("table-footer");
        error.getStyleClass().add("error-text");
        error.setId("tableError");
        busy.setPrefSize(14, 14);
        busy.setMaxSize(14, 14);
        busy.setVisible(false);
        Button refresh = new Button("Refresh");
        refresh.setId("refreshTable");
        refresh.getStyleClass().add("link-button");
        refresh.setOnAction(e -> model.reload());
        Button loadAll = new Button("Load all");
        loadAll.setId("loadAll");
        loadAll.getStyleClass().add("link-button");
        loadAll.setOnAction(e -> model.loadAll());
        loadAll.visibleProperty().bind(model.completeProperty().not());
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox bar = new HBox(10, footer, busy, error, grow, jobProgress(), loadAll, refresh);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("table-footer-bar");
        bar.setPadding(new Insets(3, 8, 3, 8));
        getChildren().add(bar);
    }

    /** The bulk job started last: how far it is, and a way to cancel it while it runs. */
    private HBox jobProgress() {
        BulkJobsViewModel jobs = vm.jobs();
        ProgressBar bar = new ProgressBar();
        bar.setId("jobProgress");
        bar.setPrefWidth(120);
        bar.progressProperty().bind(jobs.progressProperty());
        Label text = new Label();
        text.setId("jobProgressText");
        text.textProperty().bind(jobs.progressTextProperty());
        text.setMaxWidth(420);
        Button cancelJob = new Button("Cancel Job");
        cancelJob.setId("cancelJob");
        cancelJob.getStyleClass().add("link-button");
        cancelJob.setOnAction(e -> jobs.cancel());
        cancelJob.visibleProperty().bind(jobs.runningProperty());
        cancelJob.managedProperty().bind(jobs.runningProperty());
        HBox box = new HBox(6, bar, text, cancelJob);
        box.setAlignment(Pos.CENTER_LEFT);
        box.visibleProperty().bind(jobs.jobProperty().isNotNull());
        box.managedProperty().bind(box.visibleProperty());
        return box;
    }

    private void wire() {
        Runnable updateFooter = () -> footer.setText(model.footer());
        model.items().addListener((ListChangeListener<ProcessItem>) c -> updateFooter.run());
        model.totalProperty().addListener((o, a, b) -> updateFooter.run());
        model.completeProperty().addListener((o, a, b) -> updateFooter.run());
        busy.visibleProperty().bind(model.loadingProperty());
        error.textProperty().bind(model.errorProperty());
        Runnable updatePill = () -> {
            int n = model.pendingCountProperty().get();
            boolean more = model.maybeMoreProperty().get();
            pendingPill.setVisible(n > 0 || more);
            pendingPill.setText(n > 0 ? String.format("↑  %,d new process%s — show", n, n == 1 ? "" : "es")
                    : "↻  New activity may match the search — refresh");
        };
        model.pendingCountProperty().addListener((o, a, b) -> updatePill.run());
        model.maybeMoreProperty().addListener((o, a, b) -> updatePill.run());
        table.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (!replacing) {
                vm.detail().select(b == null ? null : b.id());
            }
            updateFollowing();
        });
        model.setBeforeReplace(() -> {
            replacing = true;
            selectionBeforeReplace = selectedIds();
        });
        model.setOnReloaded(() -> {
            try {
                for (String id : selectionBeforeReplace) {
                    ProcessItem item = model.item(id);
                    if (item != null) {
                        table.getSelectionModel().select(item);
                    }
                }
            } finally {
                replacing = false;
            }
            if (table.getSelectionModel().isEmpty() && vm.detail().processIdProperty().get() != null
                    && model.item(vm.detail().processIdProperty().get()) == null) {
                // The selected process left the table (filters changed); the detail stays until another is chosen.
                return;
            }
            updateFollowing();
        });
        table.skinProperty().addListener((o, a, b) -> hookFlow());
        updateFooter.run();
    }

    private void hookFlow() {
        flow = (VirtualFlow<?>) table.lookup(".virtual-flow");
        if (flow == null) {
            return;
        }
        flow.positionProperty().addListener((o, a, b) -> {
            updateFollowing();
            nearEnd();
        });
    }

    private void nearEnd() {
        if (flow == null || model.loadingProperty().get() || model.completeProperty().get()) {
            return;
        }
        var last = flow.getLastVisibleCell();
        if (last != null && last.getIndex() >= model.items().size() - 40) {
            model.loadMore();
        }
    }

    private void updateFollowing() {
        boolean atTop = flow == null || flow.getPosition() <= 0.0001;
        model.setFollowing(atTop && table.getSelectionModel().isEmpty() && !model.isSorted());
    }

    public TableView<ProcessItem> table() {
        return table;
    }

    public VirtualFlow<?> flow() {
        return flow;
    }

    public Button pendingPill() {
        return pendingPill;
    }

    public String footerText() {
        return footer.getText();
    }
}
