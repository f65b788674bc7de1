package io.caseflow.designer.monitor;

import io.caseflow.designer.concurrent.UiExecutor;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Rows of something that has no live events (dead letters, workers), read again every
 * {@code visibleEvery} while a view shows them and every {@code hiddenEvery} otherwise, one read at a
 * time. The rows change only when what was read differs. UI thread only.
 *
 * @param <T> what the source answers
 * @param <R> a row
 */
public final class PolledRows<T, R> {
    private final UiExecutor ui;
    private final Supplier<CompletableFuture<List<T>>> read;
    private final Function<List<T>, List<R>> toRows;
    private final String what;
    private final Duration visibleEvery;
    private final Duration hiddenEvery;
    private final ObservableList<R> rows = FXCollections.observableArrayList();
    private final BooleanProperty visible = new SimpleBooleanProperty();
    private final StringProperty error = new SimpleStringProperty();
    private Instant last = Instant.EPOCH;
    private boolean inFlight;

    /** @param what how an error names it: "Dead letters", "The live workers" */
    public PolledRows(UiExecutor ui, Supplier<CompletableFuture<List<T>>> read, Function<List<T>, List<R>> toRows, String what,
                      Duration visibleEvery, Duration hiddenEvery) {
        this.ui = ui;
        this.read = read;
        this.toRows = toRows;
        this.what = what;
        this.visibleEvery = visibleEvery;
        this.hiddenEvery = hiddenEvery;
    }

    public ObservableList<R> rows() {
        return rows;
    }

    public BooleanProperty visibleProperty() {
        return visible;
    }

    public StringProperty errorProperty() {
        return error;
    }

    public void tick(Instant now) {
        Duration every = visible.get() ? visibleEvery : hiddenEvery;
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
        ui.on(read.get(), answer -> {
            inFlight = false;
            error.set(null);
            List<R> fresh = toRows.apply(answer);
            if (!fresh.equals(rows)) {
                rows.setAll(fresh);
            }
        }, e -> {
            inFlight = false;
            error.set(what + " unavailable: " + ProcessTableViewModel.message(e));
        });
    }
}
