package io.caseflow.designer.monitor.view;

import io.caseflow.definition.CaseKey;
import io.caseflow.designer.monitor.MonitorViewModel;
import io.caseflow.designer.monitor.ProcessFilter;
import io.caseflow.process.ProcessStatus;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import javafx.animation.PauseTransition;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.util.Duration;
import javafx.util.StringConverter;
import org.controlsfx.control.CheckComboBox;

/**
 * The filters above the process table: status, case, api, version, stage, and text in id or data
 * (applied 300 ms after the last key, or at once on Enter). A change sets the view model's filter;
 * the controls follow the model's filter and the deployed cases without firing back.
 */
final class ProcessFilterBar extends HBox {
    private static final String ANY_CASE = "Any case";
    private static final String ANY_API = "Any API";
    private static final String ANY_VERSION = "Any version";
    private static final String ANY_STAGE = "Any stage";

    private final MonitorViewModel vm;
    private final CheckComboBox<ProcessStatus> statuses = new CheckComboBox<>();
    private final ComboBox<String> caseBox = new ComboBox<>();
    private final ComboBox<String> apiBox = new ComboBox<>();
    private final ComboBox<String> versionBox = new ComboBox<>();
    private final ComboBox<String> stageBox = new ComboBox<>();
    private final TextField search = new TextField();
    private final PauseTransition searchDelay = new PauseTransition(Duration.millis(300));
    private boolean updatingFilters;

    ProcessFilterBar(MonitorViewModel vm) {
        super(6);
        this.vm = vm;
        statuses.getItems().setAll(ProcessStatus.values());
        statuses.setTitle("Any status");
        statuses.setId("statusFilter");
        statuses.setConverter(new StringConverter<>() {
            @Override
            public String toString(ProcessStatus s) {
                return s == null ? "" : Styles.label(s);
            }

            @Override
            public ProcessStatus fromString(String s) {
                return ProcessStatus.valueOf(s.toUpperCase(Locale.ROOT));
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
        getChildren().addAll(statuses, caseBox, apiBox, versionBox, stageBox, search, clear);
        setAlignment(Pos.CENTER_LEFT);
        getStyleClass().add("filter-bar");
        setPadding(new Insets(6, 8, 6, 8));
        vm.table().filterProperty().addListener((o, a, b) -> showFilters());
        vm.cases().addListener((ListChangeListener<CaseKey>) c -> showFilters());
        vm.graphProperty().addListener((o, a, b) -> showFilters());
        showFilters();
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
            ProcessFilter f = vm.table().filter();
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
            if (!Objects.equals(search.getText().isBlank() ? null : search.getText().trim(), f.text())) {
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
}
