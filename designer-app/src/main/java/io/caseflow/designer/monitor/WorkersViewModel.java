package io.caseflow.designer.monitor;

import io.caseflow.designer.concurrent.UiExecutor;
import io.caseflow.worker.WorkerSnapshot;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.StringProperty;
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

    private final PolledRows<WorkerSnapshot, WorkerSnapshot> polled;

    public WorkersViewModel(MonitorSource source, UiExecutor ui) {
        this.polled = new PolledRows<>(ui, source::workers, workers -> workers.stream().sorted(ORDER).toList(), "The live workers",
                VISIBLE_INTERVAL, HIDDEN_INTERVAL);
    }

    public ObservableList<WorkerSnapshot> rows() {
        return polled.rows();
    }

    public BooleanProperty visibleProperty() {
        return polled.visibleProperty();
    }

    public StringProperty errorProperty() {
        return polled.errorProperty();
    }

    public long alive() {
        return rows().stream().filter(WorkerSnapshot::alive).count();
    }

    public long gone() {
        return rows().size() - alive();
    }

    public void tick(Instant now) {
        polled.tick(now);
    }

    public void refresh() {
        polled.refresh();
    }
}
