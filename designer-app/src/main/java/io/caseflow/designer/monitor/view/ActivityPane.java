package io.caseflow.designer.monitor.view;

import io.caseflow.designer.monitor.ActivityEntry;
import java.util.Locale;
import javafx.collections.ObservableList;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.shape.Circle;

/** The activity log: every action's result, connection losses and reconnects, newest first. */
public final class ActivityPane extends ListView<ActivityEntry> {
    public ActivityPane(ObservableList<ActivityEntry> entries) {
        super(entries);
        setId("activityList");
        getStyleClass().add("activity-list");
        setPlaceholder(new Label("Nothing yet: what retries, cancels and reconnects do is listed here."));
        setCellFactory(l -> new ListCell<>() {
            private final Circle dot = new Circle(4);
            private final Label time = new Label();
            private final Label text = new Label();
            private final HBox box = new HBox(8, dot, time, text);

            {
                box.setAlignment(Pos.CENTER_LEFT);
                time.getStyleClass().addAll("muted", "mono");
                text.setWrapText(false);
                HBox.setHgrow(text, Priority.ALWAYS);
            }

            @Override
            protected void updateItem(ActivityEntry e, boolean empty) {
                super.updateItem(e, empty);
                if (empty || e == null) {
                    setGraphic(null);
                    return;
                }
                dot.getStyleClass().setAll("activity-dot", "activity-" + e.kind().name().toLowerCase(Locale.ROOT));
                time.setText(Styles.time(e.at()));
                text.setText(e.text());
                setGraphic(box);
            }
        });
    }
}
