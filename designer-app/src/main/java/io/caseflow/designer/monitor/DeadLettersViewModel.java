package io.caseflow.designer.monitor;

import io.caseflow.designer.concurrent.UiExecutor;
import io.caseflow.message.DeadLetter;
import java.time.Duration;
import java.time.Instant;
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

    public DeadLettersViewModel(MonitorSource source, UiExecutor ui) {
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
}
