package io.caseflow.designer.play.view;

import io.caseflow.designer.monitor.MonitorViewModel;
import io.caseflow.designer.monitor.view.MonitorDialogs;
import io.caseflow.designer.monitor.view.MonitorView;
import io.caseflow.designer.play.PlayRuntime;
import io.caseflow.designer.play.PlayViewModel;
import io.caseflow.designer.play.PlayViewModel.Phase;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Separator;
import javafx.scene.control.TextArea;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The Play tab: what the play is doing (top), how many simulated processes to start with which
 * input and what the chosen stage does (left), and the play watched exactly as the monitor watches
 * a runtime (a {@link MonitorView} on the play's monitor view model: counts on the graph, the
 * processes with Retry, retry failed at a stage). A click on a stage of the graph chooses it for
 * the settings. Binds to {@link PlayViewModel}; nothing more. FX thread only.
 */
public final class PlayView extends BorderPane implements AutoCloseable {
    private static final String IDLE_TEXT = "Case ▸ Play… runs the case you are drawing on a runtime of its own, with "
            + "simulated handlers and services: no broker, no handler code, and nothing mixes with real data.";

    private final PlayViewModel vm;
    private final MonitorDialogs dialogs;
    private final StackPane monitorHost = new StackPane();
    private final Label placeholder = new Label(IDLE_TEXT);
    private MonitorView monitor;

    /** @param playAgain plays the drawing again from scratch (what Case ▸ Play… does) */
    public PlayView(PlayViewModel vm, MonitorDialogs dialogs, Runnable playAgain) {
        this.vm = vm;
        this.dialogs = dialogs;
        setId("playView");
        getStyleClass().add("play-view");
        getStylesheets().add(PlayView.class.getResource("play.css").toExternalForm());
        setTop(banner(playAgain));
        setLeft(side());
        placeholder.setId("playPlaceholder");
        placeholder.getStyleClass().add("placeholder");
        placeholder.setWrapText(true);
        placeholder.setMaxWidth(520);
        monitorHost.getChildren().add(placeholder);
        setCenter(monitorHost);
        vm.monitorProperty().addListener((o, a, b) -> showMonitor(b));
        vm.phaseProperty().addListener((o, a, b) -> showPhase(b));
        showPhase(vm.phaseProperty().get());
    }

    private HBox banner(Runnable playAgain) {
        Label chip = new Label("PLAY");
        chip.getStyleClass().add("play-chip");
        Label status = new Label();
        status.setId("playStatus");
        status.getStyleClass().add("play-status");
        status.textProperty().bind(vm.statusProperty());
        status.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(status, Priority.ALWAYS);
        Button again = new Button("Play Again");
        again.setId("playAgain");
        again.setTooltip(new Tooltip("Play the drawing as it is now, from scratch: the play database is emptied (Ctrl+P)"));
        again.setOnAction(e -> playAgain.run());
        again.disableProperty().bind(vm.phaseProperty().isEqualTo(Phase.STARTING));
        HBox banner = new HBox(10, chip, status, again);
        banner.setAlignment(Pos.CENTER_LEFT);
        banner.getStyleClass().add("play-banner");
        banner.setPadding(new Insets(6, 10, 6, 10));
        return banner;
    }

    private ScrollPane side() {
        IntegerField count = new IntegerField("playCount", 1, PlayRuntime.MAX_PROCESSES_PER_START, 10, vm.countProperty());
        count.setPrefWidth(110);
        TextArea input = new TextArea();
        input.setId("playInput");
        input.setPrefRowCount(3);
        input.setWrapText(true);
        input.getStyleClass().add("mono");
        input.textProperty().bindBidirectional(vm.inputTextProperty());
        Label inputError = new Label();
        inputError.setId("playInputError");
        inputError.getStyleClass().add("field-error");
        inputError.setWrapText(true);
        inputError.textProperty().bind(vm.inputErrorProperty());
        inputError.visibleProperty().bind(vm.inputErrorProperty().isNotNull());
        inputError.managedProperty().bind(inputError.visibleProperty());
        Button start = new Button();
        start.setId("playStart");
        start.getStyleClass().add("play-start");
        start.setMaxWidth(Double.MAX_VALUE);
        start.textProperty().bind(Bindings.createStringBinding(() -> "Start " + vm.countProperty().get()
                + (vm.countProperty().get() == 1 ? " Process" : " Processes"), vm.countProperty()));
        start.disableProperty().bind(vm.phaseProperty().isNotEqualTo(Phase.PLAYING).or(vm.inputErrorProperty().isNotNull()));
        start.setOnAction(e -> vm.startProcesses());
        HBox countRow = new HBox(8, fieldLabel("Processes"), count);
        countRow.setAlignment(Pos.CENTER_LEFT);
        VBox run = new VBox(6, countRow, fieldLabel("Input of each process (JSON object)"), input, inputError, start);
        VBox side = new VBox(8, title("SIMULATED PROCESSES"), run, new Separator(), title("STAGE BEHAVIOUR"),
                new StageSettingsPane(vm.stageSettings()));
        side.getStyleClass().add("play-side");
        side.setPadding(new Insets(0, 12, 12, 12));
        ScrollPane scroll = new ScrollPane(side);
        scroll.setId("playSide");
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.setPrefWidth(330);
        scroll.setMinWidth(280);
        scroll.getStyleClass().add("play-side-scroll");
        return scroll;
    }

    private static Label title(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("pane-title");
        l.setPadding(new Insets(10, 0, 2, 0));
        return l;
    }

    private static Label fieldLabel(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("field-label");
        return l;
    }

    private void showMonitor(MonitorViewModel monitorVm) {
        if (monitor != null) {
            monitor.close();
            monitor = null;
        }
        if (monitorVm == null) {
            monitorHost.getChildren().setAll(placeholder);
            return;
        }
        monitor = new MonitorView(monitorVm, dialogs);
        // A click on a stage filters the processes to it (as in the monitor) and chooses it for the settings.
        monitorVm.table().filterProperty().addListener((o, a, b) -> vm.stageSettings().select(b.stage()));
        monitorHost.getChildren().setAll(monitor);
    }

    private void showPhase(Phase phase) {
        if (monitor == null) {
            placeholder.setText(switch (phase) {
                case IDLE -> IDLE_TEXT;
                case STARTING -> "Starting the play runtime…";
                default -> vm.statusProperty().get();
            });
        }
    }

    /** Stops the monitor's ticks (the view model closes the play). */
    @Override
    public void close() {
        if (monitor != null) {
            monitor.close();
            monitor = null;
        }
    }
}
