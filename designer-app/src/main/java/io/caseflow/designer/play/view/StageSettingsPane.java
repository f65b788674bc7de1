package io.caseflow.designer.play.view;

import io.caseflow.definition.StageKind;
import io.caseflow.designer.play.StageSettingsViewModel;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/**
 * The simulated behaviour of the chosen stage (picked here or by a click on the graph): the task or
 * service form, what keeps a change from applying, and a way back to the default.
 */
final class StageSettingsPane extends VBox {
    private final StageSettingsViewModel vm;
    private final TaskSettingsForm taskForm;
    private final ServiceSettingsForm serviceForm;
    private final Label none = new Label("The case has no task or service stage.");

    StageSettingsPane(StageSettingsViewModel vm) {
        super(8);
        this.vm = vm;
        this.taskForm = new TaskSettingsForm(vm);
        this.serviceForm = new ServiceSettingsForm(vm);
        setId("stageSettings");
        ComboBox<String> stage = new ComboBox<>(vm.stages());
        stage.setId("playStage");
        stage.setMaxWidth(Double.MAX_VALUE);
        stage.valueProperty().bindBidirectional(vm.stageProperty());
        Label description = new Label();
        description.setId("playStageDescription");
        description.getStyleClass().add("muted");
        description.setWrapText(true);
        description.textProperty().bind(vm.descriptionProperty());
        Label problem = new Label();
        problem.setId("playSettingProblem");
        problem.getStyleClass().add("field-error");
        problem.setWrapText(true);
        problem.textProperty().bind(vm.problemProperty());
        problem.visibleProperty().bind(vm.problemProperty().isNotEmpty());
        problem.managedProperty().bind(problem.visibleProperty());
        Hyperlink reset = new Hyperlink("Back to the default");
        reset.setId("playStageReset");
        reset.setOnAction(e -> vm.resetStage());
        Label hint = new Label("A change applies from the stage's next run: retry a failed process to see it.");
        hint.getStyleClass().addAll("muted", "play-hint");
        hint.setWrapText(true);
        none.getStyleClass().add("muted");
        getChildren().addAll(stage, description, none, taskForm, serviceForm, problem, reset, hint);
        vm.kindProperty().addListener((o, a, b) -> showKind(b));
        showKind(vm.kindProperty().get());
    }

    private void showKind(StageKind kind) {
        show(taskForm, kind == StageKind.TASK);
        show(serviceForm, kind == StageKind.SERVICE);
        show(none, kind == null);
    }

    private static void show(Node node, boolean visible) {
        node.setVisible(visible);
        node.setManaged(visible);
    }
}
