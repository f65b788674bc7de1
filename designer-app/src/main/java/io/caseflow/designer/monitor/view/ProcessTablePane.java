package io.caseflow.designer.monitor.view;

import io.caseflow.definition.CaseKey;
import io.caseflow.designer.monitor.MonitorViewModel;
import io.caseflow.designer.monitor.ProcessFilter;
import io.caseflow.designer.monitor.ProcessItem;
import io.caseflow.designer.monitor.ProcessRow;
import io.caseflow.designer.monitor.ProcessTableViewModel;
import io.caseflow.process.ProcessStatus;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import javafx.animation.PauseTransition;
import javafx.beans.value.ChangeListener;
import javafx.collections.ListChangeListener;
import javafx.css.PseudoClass;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.controlsfx.control.CheckComboBox;

/**
 * The process table: filters on top (status, case, api, version, stage, text in id or data),
 * a virtualized table whose rows follow live events in place, the "N new processes" pill, and a
 * footer saying how much is loaded. Scrolling near the end loads the next page from the store;
 * clicking a column header sorts the loaded rows. A thin view over {@link ProcessTableViewModel}.
 */
public final class ProcessTablePane extends VBox {
    private static final PseudoClass FAILED = PseudoClass.getPseudoClass("failed");
    private static final PseudoClass OUTSIDE = PseudoClass.getPseudoClass("outside-filter");
    private static final PseudoClass ENDED = PseudoClass.getPseudoClass("ended");
    private static final String ANY_CASE = "Any case";
    private static final String ANY_API = "Any API";
    private static final String ANY_VERSION = "Any version";
    private static final String ANY_STAGE = "Any stage";

    private final MonitorViewModel vm;
    private final ProcessTableViewModel model;
    private final MonitorCommands commands;
    private final TableView<ProcessItem> table = new TableView<>();
    private final CheckComboBox<ProcessStatus> statuses = new CheckComboBox<>();
    private final ComboBox<String> caseBox = new ComboBox<>();
    private final ComboBox<String> apiBox = new ComboBox<>();
    private final ComboBox<String> versionBox = new ComboBox<>();
    private final ComboBox<String> stageBox = new ComboBox<>();
    private final TextField search = new TextField();
    private final Button pendingPill = new Button();
    private final Label footer = new Label();
    private final Label error = new Label();
    private final ProgressIndicator busy = new ProgressIndicator();
    private final Map<TableColumn<ProcessItem, ?>, Comparator<ProcessRow>> comparators = new HashMap<>();
    private final PauseTransition searchDelay = new PauseTransition(Duration.millis(300));
    private VirtualFlow<?> flow;
    private boolean updatingFilters;
    private boolean replacing;
    private List<String> selectionBeforeReplace = List.of();

    public ProcessTablePane(MonitorViewModel vm, MonitorCommands commands) {
        this.vm = vm;
        this.model = vm.table();
        this.commands = commands;
        getStyleClass().add("process-table-pane");
        setId("processTablePane");
        buildFilters();
        buildTable();
        buildFooter();
        wire();
    }

    // ------------------------------------------------------------------ filters

    private void buildFilters() {
        statuses.getItems().setAll(ProcessStatus.values());
        statuses.setTitle("Any status");
        statuses.setId("statusFilter");
        statuses.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(ProcessStatus s) {
                return s == null ? "" : Styles.label(s);
            }

            @Override
            public ProcessStatus fromString(String s) {
                return ProcessStatus.valueOf(s.toUpperCase(java.util.Locale.ROOT));
            }
        });
        statuses.getCheckModel().getCheckedItems().addListener((ListChangeListener<ProcessStatus>) c -> {
            List<ProcessStatus> checked = statuses.getCheckModel().getCheckedItems();
            statuses.setTitle(checked.isEmpty() ? "Any status" : checked.size() == 1 ? Styles.label(checked.get(0))
                    : checked.size() + " statuses");
            if (!updatingFilters) {
                applyFilters();
            }
        });
        setup(caseBox, "caseFilter", ANY_CASE, 150);
        setup(apiBox, "apiFilter", ANY_API, 100);
        setup(versionBox, "versionFilter", ANY_VERSION, 115);
        setup(stageBox, "stageFilter", ANY_STAGE, 145);
        search.setPromptText("Search id or data…");
        search.setId("searchField");
        search.setPrefWidth(210);
        HBox.setHgrow(search, Priority.SOMETIMES);
        searchDelay.setOnFinished(e -> applyFilters());
        search.textProperty().addListener((o, a, b) -> {
            if (!updatingFilters) {
                searchDelay.playFromStart();
            }
        });
        search.setOnAction(e -> {
            searchDelay.stop();
            applyFilters();
        });
        Button clear = new Button("Clear");
        clear.getStyleClass().add("link-button");
        clear.setId("clearFilters");
        clear.setTooltip(new Tooltip("Show every process"));
        clear.setOnAction(e -> vm.setFilter(ProcessFilter.NONE));
        HBox bar = new HBox(6, statuses, caseBox, apiBox, versionBox, stageBox, search, clear);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("filter-bar");
        bar.setPadding(new Insets(6, 8, 6, 8));
        getChildren().add(bar);
    }

    private void setup(ComboBox<String> box, String id, String any, double width) {
        box.setId(id);
        box.getItems().setAll(any);
        box.setValue(any);
        box.setPrefWidth(width);
        box.valueProperty().addListener((o, a, b) -> {
            if (!updatingFilters && b != null) {
                applyFilters();
            }
        });
    }

    private static String value(ComboBox<String> box, String any) {
        String v = box.getValue();
        return v == null || v.equals(any) ? null : v;
    }

    private void applyFilters() {
        Integer version = null;
        String v = value(versionBox, ANY_VERSION);
        if (v != null) {
            version = Integer.valueOf(v.replace("version ", "").trim());
        }
        List<ProcessStatus> checked = statuses.getCheckModel().getCheckedItems();
        ProcessFilter f = new ProcessFilter(checked.isEmpty() ? Set.of() : EnumSet.copyOf(checked),
                value(caseBox, ANY_CASE), value(apiBox, ANY_API), version, value(stageBox, ANY_STAGE), search.getText());
        vm.setFilter(f);
    }

    /** Fills the filter controls from the model's filter and the deployed cases, without firing them. */
    private void showFilters() {
        updatingFilters = true;
        try {
            ProcessFilter f = model.filter();
            statuses.getCheckModel().clearChecks();
            f.statuses().forEach(s -> statuses.getCheckModel().check(s));
            Set<String> names = new TreeSet<>();
            Set<String> apis = new TreeSet<>();
            for (CaseKey k : vm.cases()) {
                names.add(k.name());
                if (f.caseName() == null || f.caseName().equals(k.name())) {
                    apis.add(k.api());
                }
            }
            fill(caseBox, ANY_CASE, names, f.caseName());
            fill(apiBox, ANY_API, apis, f.api());
            Set<String> versions = new LinkedHashSet<>();
            CaseKey shown = vm.monitoredCaseProperty().get();
            if (shown != null && f.caseName() != null) {
                vm.versions(shown).forEach(n -> versions.add("version " + n));
            }
            fill(versionBox, ANY_VERSION, versions, f.version() == null ? null : "version " + f.version());
            Set<String> stages = new LinkedHashSet<>();
            if (vm.graphProperty().get() != null) {
                vm.graphProperty().get().stages().forEach(s -> stages.add(s.name()));
            }
            fill(stageBox, ANY_STAGE, stages, f.stage());
            if (!java.util.Objects.equals(search.getText().isBlank() ? null : search.getText().trim(), f.text())) {
                search.setText(f.text() == null ? "" : f.text());
            }
        } finally {
            updatingFilters = false;
        }
    }

    private static void fill(ComboBox<String> box, String any, Set<String> values, String selected) {
        List<String> items = new ArrayList<>();
        items.add(any);
        items.addAll(values);
        if (selected != null && !items.contains(selected)) {
            items.add(selected);
        }
        if (!items.equals(box.getItems())) {
            box.getItems().setAll(items);
        }
        box.setValue(selected == null ? any : selected);
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
        action.setCellFactory(c -> new ActionCell());
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
        table.setRowFactory(t -> new ProcessRowView());
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
        Label l = new Label("No process matches the filters.\nStart sample processes from the toolbar, or clear the filters.");
        l.getStyleClass().add("placeholder");
        l.setTextAlignment(javafx.scene.text.TextAlignment.CENTER);
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
        cancel.setOnAction(e -> single().ifPresent(commands::cancel));
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
        ContextMenu menu = new ContextMenu(retry, retryWith, cancel, new SeparatorMenuItem(), copy, atStage);
        menu.setOnShowing(e -> {
            List<ProcessItem> sel = table.getSelectionModel().getSelectedItems();
            long failed = sel.stream().filter(i -> i.row().isFailed()).count();
            retry.setText(sel.size() > 1 ? "Retry " + failed + " Failed of " + sel.size() + " Selected" : "Retry");
            retry.setDisable(failed == 0);
            boolean one = sel.size() == 1;
            retryWith.setDisable(!one || failed == 0);
            cancel.setDisable(!one || !sel.get(0).row().status().isCancellable());
            copy.setDisable(!one);
            atStage.setDisable(!one);
        });
        return menu;
    }

    private java.util.Optional<String> single() {
        List<ProcessItem> sel = table.getSelectionModel().getSelectedItems();
        return sel.size() == 1 ? java.util.Optional.of(sel.get(0).id()) : java.util.Optional.empty();
    }

    public List<String> selectedIds() {
        return table.getSelectionModel().getSelectedItems().stream().map(ProcessItem::id).toList();
    }

    /** A cell that shows one field of the row, optionally with a tooltip and a style class. */
    private static final class TextCell extends TableCell<ProcessItem, ProcessRow> {
        private final Function<ProcessRow, String> text;
        private final Function<ProcessRow, String> tip;
        private Tooltip tooltip;

        TextCell(Function<ProcessRow, String> text, Function<ProcessRow, String> tip, String styleClass) {
            this.text = text;
            this.tip = tip;
            if (styleClass != null) {
                getStyleClass().add(styleClass);
            }
        }

        @Override
        protected void updateItem(ProcessRow row, boolean empty) {
            super.updateItem(row, empty);
            String shown = empty || row == null ? null : text.apply(row);
            if (!java.util.Objects.equals(shown, getText())) {
                setText(shown);
            }
            if (tip != null) {
                // One tooltip per cell, its text changed: creating tooltips while scrolling is costly.
                String t = empty || row == null ? null : tip.apply(row);
                if (t == null || t.isEmpty()) {
                    setTooltip(null);
                } else {
                    if (tooltip == null) {
                        tooltip = new Tooltip();
                    }
                    tooltip.setText(t);
                    setTooltip(tooltip);
                }
            }
        }
    }

    /** "Retry" on a failed row, "Retrying…" while an action works on it. */
    private final class ActionCell extends TableCell<ProcessItem, ProcessRow> {
        private final Button retry = new Button("Retry");
        private final javafx.collections.SetChangeListener<String> onBusy = c -> refresh(getItem());

        ActionCell() {
            retry.getStyleClass().add("row-retry");
            retry.setFocusTraversable(false);
            retry.setOnAction(e -> {
                ProcessRow row = getItem();
                if (row != null) {
                    commands.retry(row.id());
                }
            });
            // Weak: the table may replace its cells, and the set outlives them.
            vm.actions().busyIds().addListener(new javafx.collections.WeakSetChangeListener<>(onBusy));
        }

        @Override
        protected void updateItem(ProcessRow row, boolean empty) {
            super.updateItem(row, empty);
            refresh(empty ? null : row);
        }

        private void refresh(ProcessRow row) {
            if (row == null || isEmpty()) {
                setGraphic(null);
                return;
            }
            boolean working = vm.actions().busyIds().contains(row.id());
            if (row.isFailed() || working) {
                retry.setText(working ? "Retrying…" : "Retry");
                retry.setDisable(working);
                retry.setId("retry-" + row.id());
                setGraphic(retry);
            } else {
                setGraphic(null);
            }
        }
    }

    /** A row whose looks follow its process: failed rows tinted, rows that no longer match greyed. */
    private final class ProcessRowView extends TableRow<ProcessItem> {
        private final ChangeListener<ProcessRow> onChange = (o, a, b) -> style(b);
        private final ChangeListener<ProcessRow> weakOnChange = new javafx.beans.value.WeakChangeListener<>(onChange);

        ProcessRowView() {
            itemProperty().addListener((o, before, now) -> {
                if (before != null) {
                    before.rowProperty().removeListener(weakOnChange);
                }
                if (now != null) {
                    now.rowProperty().addListener(weakOnChange);
                }
                style(now == null ? null : now.row());
            });
            setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && getItem() != null && getItem().row().isFailed()) {
                    commands.retryWithChanges(getItem().id());
                }
            });
        }

        private void style(ProcessRow row) {
            pseudoClassStateChanged(FAILED, row != null && row.isFailed());
            pseudoClassStateChanged(ENDED, row != null && (row.status() == ProcessStatus.COMPLETED || row.status() == ProcessStatus.CANCELLED));
            pseudoClassStateChanged(OUTSIDE, row != null && !model.filter().matchesFields(row));
        }
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
        HBox bar = new HBox(10, footer, busy, error, grow, loadAll, refresh);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("table-footer-bar");
        bar.setPadding(new Insets(3, 8, 3, 8));
        getChildren().add(bar);
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
        model.filterProperty().addListener((o, a, b) -> showFilters());
        vm.cases().addListener((ListChangeListener<CaseKey>) c -> showFilters());
        vm.graphProperty().addListener((o, a, b) -> showFilters());
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
        showFilters();
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
