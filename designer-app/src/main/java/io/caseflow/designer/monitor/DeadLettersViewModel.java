package io.caseflow.designer.monitor;

import io.caseflow.designer.concurrent.UiExecutor;
import java.time.Duration;
import java.time.Instant;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * What reached the dead-letter queue and why, newest first. Dead letters have no events: read
 * every {@link #VISIBLE_INTERVAL} while the view shows them, every {@link #HIDDEN_INTERVAL}
 * otherwise (so the tab can say there are some). UI thread only.
 */
public final class DeadLettersViewModel {
    public static final int LIMIT = 500;
    public static final Duration VISIBLE_INTERVAL = Duration.ofSeconds(3);
    public static final Duration HIDDEN_INTERVAL = Duration.ofSeconds(15);

    private final MonitorSource source;
    private final UiExecutor ui;
    private final ObservableList<DeadLetterRow> rows = FXCollections.observableArrayList();
    private final BooleanProperty visible = new SimpleBooleanProperty();
    private final StringProperty error = new SimpleStringProperty();
    private Instant last = Instant.EPOCH;
    private boolean inFlight;

    public DeadLettersViewModel(MonitorSource source, UiExecutor ui) {
        this.source = source;
        this.ui = ui;
    }

    public ObservableList<DeadLetterRow> rows() {
        return rows;
    }

    public BooleanProperty visibleProperty() {
        return visible;
    }

    public StringProperty errorProperty() {
        return error;
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
        ui.on(source.deadLetters(LIMIT), letters -> {
            inFlight = false;
            error.set(null);
            var fresh = letters.stream().map(DeadLetterRow::of).toList();
            if (!fresh.equals(rows)) {
                rows.setAll(fresh);
            }
        }, e -> {
            inFlight = false;
            error.set("Dead letters unavailable: " + ProcessTableViewModel.message(e));
        });
    }
}
