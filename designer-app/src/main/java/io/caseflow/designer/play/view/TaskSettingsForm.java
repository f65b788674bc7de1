package io.caseflow.designer.play.view;

import io.caseflow.designer.play.StageSettingsViewModel;
import io.caseflow.designer.play.StageSettingsViewModel.TaskMode;
import io.caseflow.designer.play.StageSettingsViewModel.Weight;
import io.caseflow.designer.play.TaskBehaviour;
import java.util.EnumMap;
import java.util.Map;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * What a simulated task stage does: a radio button per {@link TaskMode}, and under it the one input
 * that mode needs (an outcome, a weight per outcome with its share, a failure message).
 */
final class TaskSettingsForm extends VBox {
    private final StageSettingsViewModel vm;
    private final ToggleGroup modes = new ToggleGroup();
    private final Map<TaskMode, RadioButton> buttons = new EnumMap<>(TaskMode.class);
    private final Label defaultHint = new Label();
    private final ComboBox<String> fixed = new ComboBox<>();
    private final GridPane weights = new GridPane();
    private final TextField failMessage = new TextField();

    TaskSettingsForm(StageSettingsViewModel vm) {
        super(6);
        this.vm = vm;
        setId("taskSettings");
        for (TaskMode mode : TaskMode.values()) {
            RadioButton b = new RadioButton(mode.toString());
            b.setId("taskMode-" + mode.name().toLowerCase());
            b.setToggleGroup(modes);
            b.setUserData(mode);
            buttons.put(mode, b);
        }
        defaultHint.getStyleClass().add("muted");
        defaultHint.setWrapText(true);
        fixed.setId("fixedOutcome");
        fixed.setItems(vm.outcomes());
        fixed.setMaxWidth(Double.MAX_VALUE);
        fixed.valueProperty().bindBidirectional(vm.fixedOutcomeProperty());
        weights.setId("weights");
        weights.setHgap(8);
        weights.setVgap(4);
        failMessage.setId("failMessage");
        failMessage.setPromptText(TaskBehaviour.Fail.DEFAULT_MESSAGE);
        failMessage.textProperty().bindBidirectional(vm.failMessageProperty());
        getChildren().addAll(buttons.get(TaskMode.DEFAULT), indent(defaultHint), buttons.get(TaskMode.FIXED), indent(fixed),
                buttons.get(TaskMode.WEIGHTED), indent(weights), buttons.get(TaskMode.FAIL), indent(failMessage));
        bind();
    }

    private static VBox indent(Node node) {
        VBox box = new VBox(node);
        box.setPadding(new Insets(0, 0, 4, 24));
        return box;
    }

    private void bind() {
        modes.selectedToggleProperty().addListener((o, a, b) -> {
            if (b != null) {
                vm.taskModeProperty().set((TaskMode) b.getUserData());
            }
        });
        vm.taskModeProperty().addListener((o, a, b) -> showMode(b));
        vm.weights().addListener((ListChangeListener<Weight>) c -> buildWeights());
        vm.outcomes().addListener((ListChangeListener<String>) c -> updateDefaultHint());
        showMode(vm.taskModeProperty().get());
        buildWeights();
        updateDefaultHint();
    }

    private void showMode(TaskMode mode) {
        modes.selectToggle(buttons.get(mode));
        fixed.setDisable(mode != TaskMode.FIXED);
        weights.setDisable(mode != TaskMode.WEIGHTED);
        failMessage.setDisable(mode != TaskMode.FAIL);
    }

    private void updateDefaultHint() {
        String stage = vm.stageProperty().get();
        defaultHint.setText(vm.outcomes().isEmpty() ? "The stage has no outgoing transition." : "Takes '"
                + (vm.outcomes().contains("next") ? "next" : vm.outcomes().get(0)) + "'" + (stage == null ? "" : " every time."));
    }

    private void buildWeights() {
        weights.getChildren().clear();
        int row = 0;
        for (Weight w : vm.weights()) {
            Label outcome = new Label(w.outcome());
            outcome.setMinWidth(80);
            IntegerField weight = new IntegerField("weight-" + w.outcome(), 0, TaskBehaviour.Weighted.MAX_WEIGHT, 10, w.weightProperty());
            weight.setPrefWidth(96);
            Label share = new Label();
            share.getStyleClass().add("muted");
            share.setId("share-" + w.outcome());
            w.weightProperty().addListener((o, a, b) -> updateShares());
            share.setUserData(w);
            weights.addRow(row++, outcome, weight, share);
            GridPane.setHgrow(outcome, Priority.ALWAYS);
        }
        updateShares();
    }

    private void updateShares() {
        int total = vm.weights().stream().mapToInt(w -> w.weightProperty().get()).sum();
        weights.getChildren().stream().filter(n -> n.getUserData() instanceof Weight).forEach(n -> {
            int weight = ((Weight) n.getUserData()).weightProperty().get();
            ((Label) n).setText(total == 0 ? "–" : Math.round(100.0 * weight / total) + " %");
        });
    }
}
