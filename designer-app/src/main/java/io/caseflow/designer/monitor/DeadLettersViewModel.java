package io.caseflow.designer.monitor;

import io.caseflow.designer.concurrent.UiExecutor;
import io.caseflow.message.DeadLetter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiConsumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.StringProperty;
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

    private final PolledRows<DeadLetter, DeadLetterRow> polled;
    private final MonitorSource source;
    private final UiExecutor ui;
    private BiConsumer<ActivityEntry.Kind, String> log = (kind, text) -> { };

    public DeadLettersViewModel(MonitorSource source, UiExecutor ui) {
        this.source = source;
        this.ui = ui;
        this.polled = new PolledRows<>(ui, () -> source.deadLetters(LIMIT), letters -> letters.stream().map(DeadLetterRow::of).toList(),
                "Dead letters", VISIBLE_INTERVAL, HIDDEN_INTERVAL);
    }

    public ObservableList<DeadLetterRow> rows() {
        return polled.rows();
    }

    public BooleanProperty visibleProperty() {
        return polled.visibleProperty();
    }

    public StringProperty errorProperty() {
        return polled.errorProperty();
    }

    public void tick(Instant now) {
        polled.tick(now);
    }

    public void refresh() {
        polled.refresh();
    }

    /** Where replay and discard report (the activity log). */
    public void setLog(BiConsumer<ActivityEntry.Kind, String> value) {
        this.log = value;
    }

    /** Whether the source can replay and discard (the embedded runtime and a remote server can). */
    public boolean canSettle() {
        return source.runsJobs();
    }

    /** Sends these dead letters back to the queues they died in, each at most once; then reads the list again. */
    public CompletableFuture<DeadLetterSettlement> replay(List<Long> ids) {
        return settle(true, ids);
    }

    /** Marks these dead letters discarded (kept, listed as discarded, never replayed); then reads the list again. */
    public CompletableFuture<DeadLetterSettlement> discard(List<Long> ids) {
        return settle(false, ids);
    }

    private CompletableFuture<DeadLetterSettlement> settle(boolean replay, List<Long> ids) {
        CompletableFuture<DeadLetterSettlement> done = new CompletableFuture<>();
        if (ids.isEmpty()) {
            done.completeExceptionally(new IllegalArgumentException("no dead letter selected"));
            return done;
        }
        ui.on(source.settleDeadLetters(replay, ids), result -> {
            log.accept(result.refused() + result.notFound() > 0 ? ActivityEntry.Kind.WARNING : ActivityEntry.Kind.SUCCESS, result.describe());
            refresh();
            done.complete(result);
        }, e -> {
            String message = (replay ? "Could not replay: " : "Could not discard: ") + ProcessTableViewModel.message(e);
            errorProperty().set(message);
            log.accept(ActivityEntry.Kind.FAILURE, message);
            done.completeExceptionally(e);
        });
        return done;
    }
}
