package io.caseflow.designer.monitor.view;

import io.caseflow.designer.monitor.StageLoad;
import io.caseflow.process.ProcessStatus;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * One tile per status with the number of processes of the monitored case: Running, Waiting,
 * Failed, Completed, Cancelled. A tile is a toggle: it filters the table on its status.
 */
public final class StatusTiles extends HBox {
    private static final ProcessStatus[] ORDER = {ProcessStatus.RUNNING, ProcessStatus.WAITING, ProcessStatus.FAILED,
        ProcessStatus.COMPLETED, ProcessStatus.CANCELLED};
    private final Map<ProcessStatus, Label> values = new EnumMap<>(ProcessStatus.class);
    private final Map<ProcessStatus, ToggleButton> tiles = new EnumMap<>(ProcessStatus.class);
    private boolean updating;

    public StatusTiles(Consumer<ProcessStatus> onToggle) {
        setId("statusTiles");
        getStyleClass().add("status-tiles");
        setSpacing(8);
        for (ProcessStatus s : ORDER) {
            Label value = new Label("0");
            value.getStyleClass().add("tile-value");
            Label name = new Label(s == ProcessStatus.WAITING ? "Waiting for service" : Styles.label(s));
            name.setMinWidth(Label.USE_PREF_SIZE);
            name.getStyleClass().add("tile-label");
            VBox box = new VBox(0, value, name);
            box.setAlignment(Pos.CENTER_LEFT);
            ToggleButton tile = new ToggleButton(null, box);
            tile.getStyleClass().addAll("status-tile", Styles.styleClass(s));
            tile.setId("tile-" + s.name().toLowerCase(Locale.ROOT));
            tile.setTooltip(new Tooltip("Show only " + Styles.label(s).toLowerCase() + " processes in the table"));
            tile.setFocusTraversable(false);
            tile.selectedProperty().addListener((o, a, b) -> {
                if (!updating) {
                    onToggle.accept(s);
                }
            });
            values.put(s, value);
            tiles.put(s, tile);
            getChildren().add(tile);
        }
    }

    public void show(StageLoad totals) {
        for (ProcessStatus s : ORDER) {
            values.get(s).setText(String.format("%,d", totals.count(s)));
        }
    }

    /** Reflects the table's status filter without firing the toggles. */
    public void select(Set<ProcessStatus> statuses) {
        updating = true;
        try {
            tiles.forEach((s, t) -> t.setSelected(statuses.contains(s)));
        } finally {
            updating = false;
        }
    }

    public String value(ProcessStatus s) {
        return values.get(s).getText();
    }
}
