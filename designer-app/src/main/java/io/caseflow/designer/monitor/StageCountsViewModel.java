package io.caseflow.designer.monitor;

import io.caseflow.definition.CaseKey;
import io.caseflow.designer.concurrent.UiExecutor;
import io.caseflow.process.ProcessEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * Counts per stage of the monitored case, drawn on the graph, and their sum (the status tiles).
 * They are read from the store, never guessed from events: while events for the case flow in, at
 * most every {@link #MIN_INTERVAL}, otherwise every {@link #IDLE_INTERVAL} (to see what events do
 * not tell, such as new processes that have not moved yet). One read in flight at a time.
 * UI thread only; {@link #tick} is called every UI tick with the time.
 */
public final class StageCountsViewModel {
    public static final Duration MIN_INTERVAL = Duration.ofMillis(300);
    public static final Duration IDLE_INTERVAL = Duration.ofSeconds(3);

    private final MonitorSource source;
    private final UiExecutor ui;
    private final ObjectProperty<CaseKey> caseKey = new SimpleObjectProperty<>();
    private final ObjectProperty<Map<String, StageLoad>> loads = new SimpleObjectProperty<>(Map.of());
    private final ObjectProperty<StageLoad> totals = new SimpleObjectProperty<>(StageLoad.NONE);
    private final StringProperty error = new SimpleStringProperty();
    private boolean dirty;
    private boolean inFlight;
    private Instant lastRequest = Instant.EPOCH;
    private long generation;
    private long reads;

    public StageCountsViewModel(MonitorSource source, UiExecutor ui) {
        this.source = source;
        this.ui = ui;
    }

    public ObjectProperty<CaseKey> caseKeyProperty() {
        return caseKey;
    }

    public ObjectProperty<Map<String, StageLoad>> loadsProperty() {
        return loads;
    }

    public StageLoad load(String stage) {
        return loads.get().getOrDefault(stage, StageLoad.NONE);
    }

    public ObjectProperty<StageLoad> totalsProperty() {
        return totals;
    }

    public StringProperty errorProperty() {
        return error;
    }

    /** How many times counts were read (tests, benchmark). */
    public long reads() {
        return reads;
    }

    public void setCase(CaseKey key) {
        if (key != null && key.equals(caseKey.get())) {
            return;
        }
        caseKey.set(key);
        loads.set(Map.of());
        totals.set(StageLoad.NONE);
        generation++;
        inFlight = false;
        dirty = true;
        lastRequest = Instant.EPOCH;
    }

    public void onEvents(Collection<ProcessEvent> events) {
        CaseKey key = caseKey.get();
        if (key == null || dirty) {
            return;
        }
        for (ProcessEvent e : events) {
            if (key.equals(e.caseKey())) {
                dirty = true;
                return;
            }
        }
    }

    /** Read again at the next tick, whatever the interval (after a reconnect or an action). */
    public void invalidate() {
        dirty = true;
        lastRequest = Instant.EPOCH;
    }

    public void tick(Instant now) {
        CaseKey key = caseKey.get();
        if (key == null || inFlight) {
            return;
        }
        Duration wait = dirty ? MIN_INTERVAL : IDLE_INTERVAL;
        if (Duration.between(lastRequest, now).compareTo(wait) < 0) {
            return;
        }
        dirty = false;
        inFlight = true;
        lastRequest = now;
        long gen = generation;
        reads++;
        ui.on(source.countsByStage(key), counts -> {
            if (gen != generation) {
                return;
            }
            inFlight = false;
            Map<String, StageLoad> byStage = StageLoad.byStage(counts);
            loads.set(Map.copyOf(byStage));
            totals.set(StageLoad.sum(byStage.values()));
            error.set(null);
        }, e -> {
            if (gen == generation) {
                inFlight = false;
                error.set("Counts unavailable: " + ProcessTableViewModel.message(e));
            }
        });
    }
}
