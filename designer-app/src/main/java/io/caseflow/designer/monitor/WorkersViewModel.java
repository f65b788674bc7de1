package io.caseflow.designer.monitor;

import io.caseflow.designer.concurrent.UiExecutor;
import io.caseflow.worker.WorkerSnapshot;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The runtime's live worker registry: which nodes serve which cases, alive or gone. Read every
 * {@link #VISIBLE_INTERVAL} while shown, every {@link #HIDDEN_INTERVAL} otherwise (so the tab can say
 * when a worker is gone). Alive first, then by kind and host. UI thread only.
 */
public final class WorkersViewModel {
    public static final Duration VISIBLE_INTERVAL = Duration.ofSeconds(2);
    public static final Duration HIDDEN_INTERVAL = Duration.ofSeconds(10);
    private static final Comparator<WorkerSnapshot> ORDER = Comparator.comparing((WorkerSnapshot w) -> !w.alive())
            .thenComparing(w -> w.worker().kind()).thenComparing(w -> w.worker().host()).thenComparing(w -> w.worker().id());

    private final MonitorSource source;
    private final UiExecutor ui;
    private final ObservableList<WorkerSnapshot> rows = FXCollections.observableArrayList();
    private final BooleanProperty visible = new SimpleBooleanProperty();
    private final StringProperty error = new SimpleStringProperty();
    private Instant last = Instant.EPOCH;
    private boolean inFlight;

    public WorkersViewModel(MonitorSource source, UiExecutor ui) {
        this.source = source;
        this.ui = ui;
    }

    public ObservableList<WorkerSnapshot> rows() {
        return rows;
    }

    public BooleanProperty visibleProperty() {
        return visible;
    }

    public StringProperty errorProperty() {
        return error;
    }

    public long alive() {
        return rows.stream().filter(WorkerSnapshot::alive).count();
    }

    public long gone() {
        return rows.size() - alive();
    }

    public void tick(Instant now) {
        Duration every = visible.get() ? VISIBLE_INTERVAL : HIDDEN_INTERVAL;
        if (!inFlight && Duration.between(last, now).compareTo(every) >= 0) {
            last = now;
            refresh();
        }
    }

    public void refresh() {
        if (inFlight) {
            return;
        }
        inFlight = true;
        ui.on(source.workers(), workers -> {
            inFlight = false;
            error.set(null);
            List<WorkerSnapshot> sorted = workers.stream().sorted(ORDER).toList();
            rows.setAll(sorted);
        }, e -> {
            inFlight = false;
            error.set("Cannot read the live workers: " + e.getMessage());
        });
    }
}
