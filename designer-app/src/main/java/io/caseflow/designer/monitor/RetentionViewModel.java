package io.caseflow.designer.monitor;

import io.caseflow.definition.CaseKey;
import io.caseflow.designer.concurrent.UiExecutor;
import io.caseflow.retention.CaseRetention;
import io.caseflow.retention.RetentionPeriod;
import io.caseflow.retention.RetentionStatus;
import java.time.Instant;
import java.util.List;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.StringProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Monitor ▸ Retention…: how long each deployed case api keeps its finished processes and why, what the sweeper did,
 * and setting or clearing a period for a case ({@code orders}) or one api of it ({@code orders/v1}). UI thread only;
 * every call to the source goes through the {@link UiExecutor}.
 */
public final class RetentionViewModel {

    /** One deployed case api as the table shows it. */
    public record Row(String caseName, String api, String keep, String from, String oldestKept) {
        public String target() {
            return caseName + "/" + api;
        }
    }

    private final RetentionControl control;
    private final UiExecutor ui;
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper defaultText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper sweeper = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final StringProperty target = new SimpleStringProperty("");
    private final StringProperty period = new SimpleStringProperty("P90D");

    public RetentionViewModel(RetentionControl control, UiExecutor ui, CaseKey monitored) {
        this.control = control;
        this.ui = ui;
        if (monitored != null) {
            target.set(monitored.name());
        }
    }

    public void refresh() {
        busy.set(true);
        ui.on(control.status(), this::show, e -> {
            busy.set(false);
            message.set("Cannot read retention: " + e.getMessage());
        });
    }

    /** Sets the period typed in for the target typed in; a bad one is refused here, in one sentence, before asking the source. */
    public void set() {
        String[] parts = split();
        if (parts == null) {
            return;
        }
        try {
            RetentionPeriod.parse(period.get());
        } catch (IllegalArgumentException e) {
            message.set("Keep for: " + e.getMessage().replace("'period' must be", "must be"));
            return;
        }
        busy.set(true);
        ui.on(control.set(parts[0], parts[1], period.get().trim()), policy -> {
            message.set(policy.target() + ": finished processes are kept " + (policy.period().isForever() ? "forever." : "for "
                    + policy.period() + "."));
            refresh();
        }, this::failed);
    }

    public void clear() {
        String[] parts = split();
        if (parts == null) {
            return;
        }
        busy.set(true);
        ui.on(control.clear(parts[0], parts[1]), cleared -> {
            message.set(target.get().trim() + (cleared ? ": policy removed; the case's policy or the default applies." : " had no policy."));
            refresh();
        }, this::failed);
    }

    public boolean canSweep() {
        return control.canSweep();
    }

    public void sweepNow() {
        busy.set(true);
        message.set("Sweeping…");
        ui.on(control.sweepNow(), deleted -> {
            message.set("Swept: " + deleted + " finished process" + (deleted == 1 ? "" : "es") + " deleted.");
            refresh();
        }, this::failed);
    }

    /** A row was picked: its case api becomes the target, its period the one to edit. */
    public void pick(Row row) {
        if (row != null) {
            target.set(row.target());
            period.set(row.keep());
        }
    }

    private void failed(Throwable e) {
        busy.set(false);
        message.set(e.getMessage());
    }

    private String[] split() {
        String text = target.get() == null ? "" : target.get().trim();
        String[] parts = text.split("/", -1);
        if (text.isEmpty() || parts.length > 2 || parts[0].isBlank() || parts.length == 2 && parts[1].isBlank()) {
            message.set("Name a case (orders) or one api of it (orders/v1).");
            return null;
        }
        return new String[] {parts[0], parts.length == 2 ? parts[1] : null};
    }

    private void show(RetentionStatus status) {
        busy.set(false);
        rows.setAll(status.cases().stream().map(RetentionViewModel::row).toList());
        defaultText.set(status.defaultPeriod() == null ? "Default: keep forever (no default set, or no sweep has run yet)."
                : "Default: " + status.defaultPeriod() + " for cases without a policy.");
        sweeper.set(describe(status.sweep(), status.oldestFinishedKept()));
    }

    static Row row(CaseRetention retention) {
        String from = switch (retention.source()) {
            case CASE_API -> "policy for this api";
            case CASE -> "policy for the case";
            case DEFAULT -> "default";
            case NONE -> "nothing set";
        };
        return new Row(retention.caseName(), retention.api(), retention.period().toString(), from, text(retention.oldestFinishedKept()));
    }

    static String describe(RetentionStatus.Sweep sweep, Instant oldest) {
        String kept = oldest == null ? "No finished process is kept." : "Oldest finished process kept: " + text(oldest) + ".";
        if (sweep == null || sweep.lastStartedAt() == null) {
            return "The sweeper has not run yet. " + kept;
        }
        String when = sweep.node() != null ? "is sweeping now (" + sweep.node() + ")" : "last swept " + text(sweep.lastFinishedAt());
        return "The sweeper " + when + ": " + sweep.lastDeleted() + " deleted then, " + sweep.deletedTotal() + " in all"
                + (sweep.lastError() == null ? "" : "; it stopped early: " + sweep.lastError()) + ". " + kept;
    }

    private static String text(Instant instant) {
        return instant == null ? "–" : instant.toString().replace('T', ' ').replaceFirst("\\.\\d+Z$", "Z");
    }

    public ObservableList<Row> rows() {
        return rows;
    }

    public List<Row> rowsNow() {
        return List.copyOf(rows);
    }

    public ReadOnlyStringProperty defaultTextProperty() {
        return defaultText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty sweeperProperty() {
        return sweeper.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public StringProperty targetProperty() {
        return target;
    }

    public StringProperty periodProperty() {
        return period;
    }
}
