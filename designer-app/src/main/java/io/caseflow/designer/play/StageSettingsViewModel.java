package io.caseflow.designer.play;

import io.caseflow.definition.CaseDefinition;
import io.caseflow.definition.StageDefinition;
import io.caseflow.definition.StageKind;
import io.caseflow.designer.monitor.DataEdit;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The simulated behaviour of one stage as editable fields: for a task, how it picks its outcome; for
 * a service, the reply (outcome, JSON payload, delay, or an error). Every valid change is put into
 * {@link PlaySettings} at once and applies from the stage's next run; an invalid one (a payload that
 * is not a JSON object, weights that are all 0) is said in {@link #problemProperty()} and not applied.
 * FX thread only; no scene graph, so it is tested with plain JUnit.
 */
public final class StageSettingsViewModel {

    /** How a simulated task stage picks its outcome, as the user chooses it. */
    public enum TaskMode {
        DEFAULT("Take the default outcome"), FIXED("Always one outcome"), WEIGHTED("Random, by weight"), FAIL("Fail with a message");

        private final String label;

        TaskMode(String label) {
            this.label = label;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    /** One outcome of a weighted task and its weight. */
    public static final class Weight {
        private final String outcome;
        private final IntegerProperty weight;

        Weight(String outcome, int weight) {
            this.outcome = outcome;
            this.weight = new SimpleIntegerProperty(weight);
        }

        public String outcome() {
            return outcome;
        }

        public IntegerProperty weightProperty() {
            return weight;
        }
    }

    private final PlaySettings settings;
    private CaseDefinition definition;
    private final ObservableList<String> stages = FXCollections.observableArrayList();
    private final StringProperty stage = new SimpleStringProperty();
    private final ObjectProperty<StageKind> kind = new SimpleObjectProperty<>();
    private final ObservableList<String> outcomes = FXCollections.observableArrayList();
    private final ObjectProperty<TaskMode> taskMode = new SimpleObjectProperty<>(TaskMode.DEFAULT);
    private final StringProperty fixedOutcome = new SimpleStringProperty();
    private final ObservableList<Weight> weights = FXCollections.observableArrayList();
    private final StringProperty failMessage = new SimpleStringProperty(TaskBehaviour.Fail.DEFAULT_MESSAGE);
    private final StringProperty replyOutcome = new SimpleStringProperty();
    private final StringProperty payloadText = new SimpleStringProperty("{}");
    private final IntegerProperty delayMillis = new SimpleIntegerProperty((int) ServiceBehaviour.DEFAULT_DELAY.toMillis());
    private final BooleanProperty replyError = new SimpleBooleanProperty();
    private final StringProperty errorMessage = new SimpleStringProperty("simulated service error");
    private final StringProperty problem = new SimpleStringProperty("");
    private final StringProperty description = new SimpleStringProperty("");
    private boolean loading;

    public StageSettingsViewModel(PlaySettings settings) {
        this.settings = settings;
        stage.addListener((o, a, b) -> load());
        List<ObservableValue<?>> fields = List.of(taskMode, fixedOutcome, failMessage, replyOutcome, payloadText, delayMillis,
                replyError, errorMessage);
        fields.forEach(f -> f.addListener((o, a, b) -> apply()));
    }

    /** The case being played: its task and service stages can be set; the chosen stage stays if it still exists. */
    public void setDefinition(CaseDefinition value) {
        definition = value;
        List<String> names = value.stages().stream().filter(s -> !s.isEnd()).map(StageDefinition::name).toList();
        String keep = stage.get();
        if (!stages.equals(names)) {
            stages.setAll(names); // a combo box on the list may clear the chosen stage meanwhile
        }
        String chosen = keep != null && names.contains(keep) ? keep : names.isEmpty() ? null : names.get(0);
        if (Objects.equals(stage.get(), chosen)) {
            load();
        } else {
            stage.set(chosen);
        }
    }

    /** Shows the settings of {@code name}; an end stage or an unknown name is ignored. */
    public void select(String name) {
        if (name != null && stages.contains(name)) {
            stage.set(name);
        }
    }

    /** Forgets what was set for the chosen stage: it behaves as by default again. */
    public void resetStage() {
        if (stage.get() != null) {
            settings.reset(stage.get());
            load();
        }
    }

    private void load() {
        loading = true;
        try {
            String name = stage.get();
            StageDefinition s = definition == null || name == null ? null : definition.stage(name).orElse(null);
            kind.set(s == null ? null : s.kind());
            description.set(s == null ? "" : s.isService()
                    ? "Service stage: sends '" + s.command() + "' to '" + s.service() + "', which is simulated."
                    : "Task stage: its handler" + (s.handler() == null ? "" : " '" + s.handler() + "'") + " is simulated.");
            outcomes.setAll(s == null ? List.of() : StageOutcomes.of(definition, name));
            if (s != null && s.isService()) {
                loadService(settings.service(definition, name));
            } else if (s != null) {
                loadTask(settings.task(name));
            }
            problem.set("");
        } finally {
            loading = false;
        }
    }

    private void loadTask(TaskBehaviour behaviour) {
        Map<String, Integer> set = behaviour instanceof TaskBehaviour.Weighted w ? w.weights() : Map.of();
        weights.setAll(outcomes.stream().map(o -> new Weight(o, set.getOrDefault(o, set.isEmpty() ? 1 : 0))).toList());
        weights.forEach(w -> w.weightProperty().addListener((o, a, b) -> apply()));
        fixedOutcome.set(behaviour instanceof TaskBehaviour.Fixed f ? f.outcome()
                : outcomes.isEmpty() ? null : StageOutcomes.defaultOf(definition, stage.get()));
        if (behaviour instanceof TaskBehaviour.Fail f) {
            failMessage.set(f.message());
        }
        taskMode.set(behaviour instanceof TaskBehaviour.Fixed ? TaskMode.FIXED
                : behaviour instanceof TaskBehaviour.Weighted ? TaskMode.WEIGHTED
                : behaviour instanceof TaskBehaviour.Fail ? TaskMode.FAIL : TaskMode.DEFAULT);
    }

    private void loadService(ServiceBehaviour reply) {
        replyOutcome.set(reply.outcome());
        payloadText.set(DataEdit.pretty(reply.payload()));
        delayMillis.set((int) reply.delay().toMillis());
        replyError.set(reply.isError());
        if (reply.isError()) {
            errorMessage.set(reply.error());
        }
    }

    private void apply() {
        String name = stage.get();
        if (loading || name == null || kind.get() == null) {
            return;
        }
        try {
            if (kind.get() == StageKind.SERVICE) {
                DataEdit.Result payload = DataEdit.parse(payloadText.get());
                if (!payload.isValid()) {
                    problem.set(payload.error().replace("The data", "The payload"));
                    return;
                }
                settings.setService(name, new ServiceBehaviour(replyOutcome.get(), payload.data(), Duration.ofMillis(delayMillis.get()),
                        replyError.get() ? errorMessage.get() : null));
            } else {
                settings.setTask(name, task());
            }
            problem.set("");
        } catch (IllegalArgumentException e) {
            problem.set(sentence(e.getMessage()));
        }
    }

    private TaskBehaviour task() {
        return switch (taskMode.get()) {
            case FIXED -> new TaskBehaviour.Fixed(fixedOutcome.get());
            case WEIGHTED -> {
                Map<String, Integer> byOutcome = new LinkedHashMap<>();
                weights.forEach(w -> byOutcome.put(w.outcome(), w.weightProperty().get()));
                yield new TaskBehaviour.Weighted(byOutcome);
            }
            case FAIL -> new TaskBehaviour.Fail(failMessage.get());
            case DEFAULT -> TaskBehaviour.takeDefault();
        };
    }

    private static String sentence(String message) {
        return message == null || message.isEmpty() ? "" : Character.toUpperCase(message.charAt(0)) + message.substring(1) + ".";
    }

    /** The stages that can be set (every stage but the ends), in drawing order. */
    public ObservableList<String> stages() {
        return stages;
    }

    public StringProperty stageProperty() {
        return stage;
    }

    /** The chosen stage's kind (task or service), null when none is chosen. */
    public ObjectProperty<StageKind> kindProperty() {
        return kind;
    }

    /** The chosen stage's outgoing outcomes. */
    public ObservableList<String> outcomes() {
        return outcomes;
    }

    public ObjectProperty<TaskMode> taskModeProperty() {
        return taskMode;
    }

    public StringProperty fixedOutcomeProperty() {
        return fixedOutcome;
    }

    /** A weight per outcome, used when the mode is {@link TaskMode#WEIGHTED}. */
    public ObservableList<Weight> weights() {
        return weights;
    }

    public StringProperty failMessageProperty() {
        return failMessage;
    }

    public StringProperty replyOutcomeProperty() {
        return replyOutcome;
    }

    public StringProperty payloadTextProperty() {
        return payloadText;
    }

    public IntegerProperty delayMillisProperty() {
        return delayMillis;
    }

    /** True: the service answers status error with {@link #errorMessageProperty()} instead of a reply. */
    public BooleanProperty replyErrorProperty() {
        return replyError;
    }

    public StringProperty errorMessageProperty() {
        return errorMessage;
    }

    /** The chosen stage in a sentence: its kind and what is simulated. */
    public StringProperty descriptionProperty() {
        return description;
    }

    /** What keeps the last change from applying, in a sentence; empty when it applied. */
    public StringProperty problemProperty() {
        return problem;
    }
}
