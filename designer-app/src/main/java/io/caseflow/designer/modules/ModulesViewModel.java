package io.caseflow.designer.modules;

import io.caseflow.designer.concurrent.UiExecutor;
import io.caseflow.designer.deploy.EmbeddedRuntime;
import io.caseflow.designer.deploy.ModuleReport;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The user's own handlers in the app: which module folder is chosen (remembered in the
 * preferences), loading it into the embedded runtime (a restart, run through the {@link UiExecutor}),
 * and what came of it. Properties only, no scene graph; FX thread only.
 *
 * <pre>{@code
 * ModulesViewModel modules = new ModulesViewModel(ui, ModuleFolderPreference.forUser());
 * modules.addListener(loaded -> problems.setKnownHandlers(loaded.handlerNames()::contains));
 * modules.runtimeReady(embedded);          // what the runtime started with
 * modules.chooseFolder(Path.of("target")); // remembered, loaded, runtime restarted
 * }</pre>
 */
public final class ModulesViewModel {
    private final UiExecutor ui;
    private final ModuleFolderPreference preference;
    private final ObjectProperty<ModuleReport> report = new SimpleObjectProperty<>(ModuleReport.none());
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final StringProperty message = new SimpleStringProperty("");
    private final List<Consumer<Loaded>> listeners = new CopyOnWriteArrayList<>();
    private EmbeddedRuntime runtime;

    /**
     * The runtime has (re)started with a module folder.
     *
     * @param handlerNames every handler the embedded runtime has now: the sample's and the modules'
     * @param asked        true when the user asked for this load (choose, reload), false at start-up
     */
    public record Loaded(ModuleReport report, Set<String> handlerNames, boolean asked) {
    }

    public ModulesViewModel(UiExecutor ui, ModuleFolderPreference preference) {
        this.ui = ui;
        this.preference = preference;
    }

    /** Hears every load's result, on the FX thread. */
    public void addListener(Consumer<Loaded> listener) {
        listeners.add(listener);
    }

    /** The embedded runtime started (with the remembered folder, if any): publishes what it loaded. */
    public void runtimeReady(EmbeddedRuntime started) {
        this.runtime = started;
        publish(started.moduleReport(), started.handlerNames(), false);
    }

    /** The folder remembered for the next start, if one was chosen. */
    public Optional<Path> folder() {
        return preference.folder();
    }

    /** Remembers {@code folder} and restarts the embedded runtime with its modules. */
    public void chooseFolder(Path folder) {
        preference.set(folder);
        load(folder);
    }

    /** Loads the chosen folder again, e.g. after the module jars were rebuilt. */
    public void reload() {
        Optional<Path> folder = preference.folder();
        if (folder.isEmpty()) {
            message.set("No module folder is chosen: Runtime ▸ Module Folder… chooses one");
            return;
        }
        load(folder.get());
    }

    /** Forgets the folder and restarts the embedded runtime with the sample's handlers only. */
    public void clearFolder() {
        preference.clear();
        load(null);
    }

    private void load(Path folder) {
        if (runtime == null) {
            message.set(folder == null ? "No module folder: the next start runs the sample's handlers only"
                    : "The embedded runtime is not running; " + folder + " will be loaded when it starts");
            return;
        }
        if (busy.get()) {
            message.set("Modules are being loaded already");
            return;
        }
        busy.set(true);
        message.set(folder == null ? "Unloading the modules and restarting the embedded runtime…"
                : "Loading the modules of " + folder + " and restarting the embedded runtime…");
        EmbeddedRuntime target = runtime;
        ui.run(() -> new Loaded(target.loadModules(folder), target.handlerNames(), true), loaded -> {
            busy.set(false);
            publish(loaded.report(), loaded.handlerNames(), true);
        }, error -> {
            busy.set(false);
            message.set("The embedded runtime did not restart with the modules: " + error.getMessage());
        });
    }

    private void publish(ModuleReport now, Set<String> handlerNames, boolean asked) {
        report.set(now);
        message.set(now.summary());
        Loaded loaded = new Loaded(now, handlerNames, asked);
        listeners.forEach(l -> l.accept(loaded));
    }

    public ReadOnlyObjectProperty<ModuleReport> reportProperty() {
        return report;
    }

    public ModuleReport report() {
        return report.get();
    }

    /** True while a load (and the runtime's restart) runs. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy;
    }

    /** The last sentence for the status bar. */
    public ReadOnlyStringProperty messageProperty() {
        return message;
    }
}
