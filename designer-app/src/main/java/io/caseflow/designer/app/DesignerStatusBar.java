package io.caseflow.designer.app;

import io.caseflow.designer.monitor.ConnectionState;
import io.caseflow.designer.problems.ProblemsViewModel;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.shape.Circle;
import org.controlsfx.control.StatusBar;

/**
 * The window's status bar: the last message on the left; on the right the validation summary, the
 * embedded runtime, the monitor's connection and the zoom. FX thread only.
 */
final class DesignerStatusBar extends StatusBar {
    private static final Color OK = Color.web("#16a34a");
    private static final Color WARNING = Color.web("#f59e0b");
    private static final Color ERROR = Color.web("#dc2626");

    private final Label validationLabel = new Label();
    private final Circle validationDot = new Circle(5);
    private final HBox validation = new HBox(6, validationDot, validationLabel);
    private final Label runtimeLabel = new Label("Embedded runtime: starting…");
    private final Label monitorLabel = new Label("Monitor: starting…");
    private final Circle monitorDot = new Circle(4.5, Color.web("#9ca3af"));
    private final HBox monitorStatus = new HBox(6, monitorDot, monitorLabel);
    private final Label zoomLabel = new Label("100 %");

    DesignerStatusBar() {
        setId("statusBar");
        setText("Ready");
        validation.setAlignment(Pos.CENTER_LEFT);
        validation.setId("validationStatus");
        runtimeLabel.setId("runtimeStatus");
        zoomLabel.setId("zoomLabel");
        monitorStatus.setAlignment(Pos.CENTER_LEFT);
        monitorStatus.setId("monitorStatus");
        getRightItems().addAll(validation, separator(), runtimeLabel, separator(), monitorStatus, separator(), zoomLabel);
    }

    private static Node separator() {
        Region r = new Region();
        r.getStyleClass().add("status-separator");
        return r;
    }

    void onValidationClicked(Runnable action) {
        validation.setOnMouseClicked(e -> action.run());
    }

    void onMonitorClicked(Runnable action) {
        monitorStatus.setOnMouseClicked(e -> action.run());
    }

    void showValidation(ProblemsViewModel problems) {
        validationLabel.setText(problems.summary());
        validationDot.setFill(problems.errorCount() > 0 ? ERROR : problems.warningCount() > 0 ? WARNING : OK);
    }

    void showRuntime(String text) {
        runtimeLabel.setText(text);
    }

    void showRuntimeFailure(String text, String reason) {
        runtimeLabel.setText(text);
        runtimeLabel.setTooltip(new Tooltip(reason));
    }

    /** The monitor's connection; {@code where} names the source watched. */
    void showConnection(ConnectionState state, String where) {
        monitorLabel.setText("Monitor: " + (state.isUp() ? "live" : state.describe()) + where);
        monitorDot.setFill(switch (state.kind()) {
            case CONNECTED -> OK;
            case CONNECTING, RECONNECTING -> WARNING;
            case LOST -> ERROR;
        });
    }

    void showZoom(double scale) {
        zoomLabel.setText(Math.round(scale * 100) + " %");
    }
}
