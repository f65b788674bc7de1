package io.caseflow.designer.play;

import io.caseflow.definition.CaseDefinition;
import io.caseflow.designer.concurrent.UiExecutor;
import io.caseflow.designer.monitor.DataEdit;
import io.caseflow.designer.monitor.MonitorViewModel;
import io.caseflow.validation.DefinitionValidator;
import io.caseflow.validation.InvalidDefinitionException;
import io.caseflow.validation.Problem;
import io.caseflow.validation.ValidationReport;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.function.Supplier;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Play as a whole: {@link #play} validates the drawn case with the one validator (handler names not
 * checked) and starts a {@link PlayRuntime} on a fresh play folder off the FX thread; the play is then
 * watched through a {@link MonitorViewModel} over a {@link PlayMonitorSource} (counts on the graph,
 * processes, retries, exactly as in the monitor). {@link #startProcesses} starts {@link #countProperty()}
 * simulated processes with the input JSON. The stage settings ({@link #stageSettings()}) outlive a play,
 * so the next play of the same drawing behaves the same. FX thread only.
 *
 * <pre>{@code
 * PlayViewModel play = new PlayViewModel(ui, () -> home.resolve("play"), Clock.systemUTC());
 * play.play(document.definition());     // -> STARTING -> PLAYING, monitorProperty() set
 * play.startProcesses();                // 20 processes with {}
 * }</pre>
 */
public final class PlayViewModel implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PlayViewModel.class);
    public static final int DEFAULT_COUNT = 20;

    /** Where a play stands. */
    public enum Phase { IDLE, REFUSED, STARTING, PLAYING, FAILED }

    private final UiExecutor ui;
    private final Supplier<Path> folder;
    private final Clock clock;
    private final PlaySettings settings = new PlaySettings();
    private final StageSettingsViewModel stageSettings = new StageSettingsViewModel(settings);
    private final ReadOnlyObjectWrapper<Phase> phase = new ReadOnlyObjectWrapper<>(Phase.IDLE);
    private final ReadOnlyObjectWrapper<MonitorViewModel> monitor = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<CaseDefinition> played = new ReadOnlyObjectWrapper<>();
    private final StringProperty status = new SimpleStringProperty("Play runs the case you draw with simulated handlers and services.");
    private final IntegerProperty count = new SimpleIntegerProperty(DEFAULT_COUNT);
    private final StringProperty inputText = new SimpleStringProperty("{}");
    private final ObjectProperty<String> inputError = new SimpleObjectProperty<>();
    private PlayRuntime runtime;
    private PlayMonitorSource source;

    /** @param folder the play folder (under the app's home), asked at every play since the home may change */
    public PlayViewModel(UiExecutor ui, Supplier<Path> folder, Clock clock) {
        this.ui = ui;
        this.folder = folder;
        this.clock = clock;
        inputText.addListener((o, a, b) -> checkInput());
    }

    /**
     * Plays {@code drawn} from scratch: refused (with the validator's first error) when the case has
     * errors, else the play before is stopped, the play folder emptied and the case deployed there.
     */
    public void play(CaseDefinition drawn) {
        if (phase.get() == Phase.STARTING) {
            status.set("A play is starting; wait for it before playing again.");
            return;
        }
        ValidationReport report = DefinitionValidator.forSource(drawn.name()).validate(drawn);
        if (report.hasErrors()) {
            List<Problem> errors = report.errors();
            phase.set(Phase.REFUSED);
            status.set("Cannot play " + drawn.key() + ": " + (errors.size() == 1 ? "1 problem" : errors.size() + " problems")
                    + " to fix first, e.g. "
                    + errors.get(0).target().describe() + ": " + errors.get(0).message() + ".");
            return;
        }
        stageSettings.setDefinition(drawn);
        PlayRuntime before = stopWatching();
        phase.set(Phase.STARTING);
        status.set("Starting a play runtime for " + drawn.key() + "…");
        Path into = folder.get();
        ui.run(() -> {
            if (before != null) {
                before.close();
            }
            return PlayRuntime.start(into, drawn, settings);
        }, this::started, e -> {
            LOG.warn("the play of {} did not start", drawn.key(), e);
            phase.set(Phase.FAILED);
            status.set(e instanceof InvalidDefinitionException invalid
                    ? "The play runtime refused the case: " + invalid.report().describe()
                    : "The play did not start: " + e.getMessage());
        });
    }

    private void started(PlayRuntime started) {
        runtime = started;
        source = new PlayMonitorSource(started, ui.background(), clock);
        MonitorViewModel vm = new MonitorViewModel(source, ui, clock);
        vm.start();
        played.set(started.definition());
        monitor.set(vm);
        phase.set(Phase.PLAYING);
        status.set("Playing " + started.key() + " with simulated handlers and services. Start processes, "
                + "click a stage to set what it does.");
    }

    /** Starts {@link #countProperty()} processes with the input; said in the status when done. */
    public void startProcesses() {
        DataEdit.Result input = DataEdit.parse(inputText.get());
        if (phase.get() != Phase.PLAYING || runtime == null) {
            status.set("Play the case first (Case ▸ Play…).");
            return;
        }
        if (!input.isValid()) {
            status.set(inputMessage(input.error()));
            return;
        }
        PlayRuntime target = runtime;
        int n = count.get();
        status.set("Starting " + processes(n) + "…");
        ui.run(() -> target.startProcesses(n, input.data()), ids -> {
            status.set("Started " + processes(ids.size()) + " of " + target.key() + ".");
            MonitorViewModel vm = monitor.get();
            if (vm != null) {
                vm.resync();
            }
        }, e -> status.set("Starting processes failed: " + e.getMessage()));
    }

    private static String processes(int n) {
        return n == 1 ? "1 simulated process" : String.format("%,d simulated processes", n);
    }

    private void checkInput() {
        DataEdit.Result input = DataEdit.parse(inputText.get());
        inputError.set(input.isValid() ? null : inputMessage(input.error()));
    }

    private static String inputMessage(String error) {
        return error.replace("The data", "The input");
    }

    /** Closes the monitor of the current play and hands back its runtime (to close off the FX thread). */
    private PlayRuntime stopWatching() {
        MonitorViewModel vm = monitor.get();
        monitor.set(null);
        if (vm != null) {
            vm.close();
        }
        if (source != null) {
            source.close();
            source = null;
        }
        PlayRuntime before = runtime;
        runtime = null;
        return before;
    }

    /** Stops the play (when the window closes). Blocks while the play runtime stops. */
    @Override
    public void close() {
        PlayRuntime before = stopWatching();
        if (before != null) {
            before.close();
        }
        phase.set(Phase.IDLE);
    }

    public ReadOnlyObjectProperty<Phase> phaseProperty() {
        return phase.getReadOnlyProperty();
    }

    /** The monitor of the current play; null before the first play and while one starts. */
    public ReadOnlyObjectProperty<MonitorViewModel> monitorProperty() {
        return monitor.getReadOnlyProperty();
    }

    /** The case as the play runtime runs it. */
    public ReadOnlyObjectProperty<CaseDefinition> playedProperty() {
        return played.getReadOnlyProperty();
    }

    /** One sentence on what happened last. */
    public StringProperty statusProperty() {
        return status;
    }

    /** How many processes Start starts (1 to {@link PlayRuntime#MAX_PROCESSES_PER_START}). */
    public IntegerProperty countProperty() {
        return count;
    }

    /** The input every started process gets: a JSON object. */
    public StringProperty inputTextProperty() {
        return inputText;
    }

    /** What is wrong with the input text, or null. */
    public ObjectProperty<String> inputErrorProperty() {
        return inputError;
    }

    public StageSettingsViewModel stageSettings() {
        return stageSettings;
    }

    public PlaySettings settings() {
        return settings;
    }
}
