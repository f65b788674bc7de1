package io.caseflow.designer.monitor;

import io.caseflow.audit.AuditEvent;
import io.caseflow.definition.CaseDefinition;
import io.caseflow.designer.concurrent.UiExecutor;
import io.caseflow.process.ProcessEvent;
import io.caseflow.process.ProcessNotFoundException;
import io.caseflow.process.ProcessSnapshot;
import io.caseflow.process.StageRun;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The selected process in full: its snapshot (data, input, results, failure), its stage runs (the
 * timeline with attempts, durations and task ids), the definition of the version it runs, and the
 * path it took through that definition. Read again whenever an event about it arrives (at most one
 * read in flight; the next tick reads again if more came meanwhile). UI thread only.
 */
public final class ProcessDetailViewModel {
    private final MonitorSource source;
    private final UiExecutor ui;
    private final DefinitionCache definitions;
    private final ObjectProperty<String> processId = new SimpleObjectProperty<>();
    private final ObjectProperty<ProcessSnapshot> process = new SimpleObjectProperty<>();
    private final ObservableList<StageRun> history = FXCollections.observableArrayList();
    private final ObjectProperty<CaseDefinition> definition = new SimpleObjectProperty<>();
    private final ObjectProperty<ProcessPath> path = new SimpleObjectProperty<>();
    private final BooleanProperty loading = new SimpleBooleanProperty();
    private final StringProperty error = new SimpleStringProperty();
    private final ObservableList<AuditEvent> audit = FXCollections.observableArrayList();
    private final StringProperty auditNote = new SimpleStringProperty();
    private boolean dirty;
    private boolean inFlight;
    private long generation;

    private record Loaded(ProcessSnapshot process, List<StageRun> history, Optional<CaseDefinition> definition) {
    }

    public ProcessDetailViewModel(MonitorSource source, UiExecutor ui, DefinitionCache definitions) {
        this.source = source;
        this.ui = ui;
        this.definitions = definitions;
    }

    public ObjectProperty<String> processIdProperty() {
        return processId;
    }

    public ObjectProperty<ProcessSnapshot> processProperty() {
        return process;
    }

    public ObservableList<StageRun> history() {
        return history;
    }

    public ObjectProperty<CaseDefinition> definitionProperty() {
        return definition;
    }

    public ObjectProperty<ProcessPath> pathProperty() {
        return path;
    }

    public BooleanProperty loadingProperty() {
        return loading;
    }

    public StringProperty errorProperty() {
        return error;
    }

    /** Who did what to the process, newest first. */
    public ObservableList<AuditEvent> audit() {
        return audit;
    }

    /** Why the audit list is empty (nothing recorded, or the trail cannot be read with this token); null when it is not. */
    public StringProperty auditNoteProperty() {
        return auditNote;
    }

    /** Shows process {@code id} (null: nothing). */
    public void select(String id) {
        if (id != null && id.equals(processId.get())) {
            return;
        }
        generation++;
        inFlight = false;
        dirty = false;
        processId.set(id);
        error.set(null);
        audit.clear();
        auditNote.set(null);
        if (id == null) {
            process.set(null);
            history.clear();
            path.set(null);
            definition.set(null);
            loading.set(false);
            return;
        }
        if (process.get() != null && !process.get().id().equals(id)) {
            process.set(null);
            history.clear();
            path.set(null);
        }
        load();
    }

    public void onEvents(Collection<ProcessEvent> events) {
        String id = processId.get();
        if (id == null || dirty) {
            return;
        }
        for (ProcessEvent e : events) {
            if (id.equals(e.processId())) {
                dirty = true;
                return;
            }
        }
    }

    /** Processes known to have changed (re-read after a gap): read again if the selected one is among them. */
    public void onChanged(Collection<String> ids) {
        if (processId.get() != null && ids.contains(processId.get())) {
            dirty = true;
        }
    }

    /** Reads again at the next tick. */
    public void refresh() {
        if (processId.get() != null) {
            dirty = true;
        }
    }

    public void tick() {
        if (dirty && !inFlight) {
            dirty = false;
            load();
        }
    }

    /** Reads the process now; the returned future completes once the view model shows it. */
    public CompletableFuture<Void> load() {
        String id = processId.get();
        if (id == null) {
            return CompletableFuture.completedFuture(null);
        }
        long gen = generation;
        inFlight = true;
        loading.set(true);
        CompletableFuture<Loaded> read = source.process(id).thenCombine(source.history(id), ProcessDetail::new)
                .thenCompose(d -> definitions.get(d.process().caseKey(), d.process().caseVersion())
                        .exceptionally(e -> Optional.empty())
                        .thenApply(def -> new Loaded(d.process(), d.history(), def)));
        ui.on(source.audit(id), events -> {
            if (gen == generation) {
                if (!audit.equals(events)) {
                    audit.setAll(events);
                }
                auditNote.set(events.isEmpty() ? "No action has been asked for this process through the API." : null);
            }
        }, e -> {
            if (gen == generation) {
                audit.clear();
                auditNote.set("The audit trail cannot be read: " + ProcessTableViewModel.message(e));
            }
        });
        CompletableFuture<Void> done = new CompletableFuture<>();
        ui.on(read, loaded -> {
            if (gen == generation) {
                inFlight = false;
                loading.set(false);
                error.set(null);
                show(loaded);
            }
            done.complete(null);
        }, e -> {
            if (gen == generation) {
                inFlight = false;
                loading.set(false);
                error.set(e instanceof ProcessNotFoundException ? "Process " + id + " does not exist (any more)."
                        : "Could not read process " + id + ": " + ProcessTableViewModel.message(e));
            }
            done.complete(null);
        });
        return done;
    }

    private void show(Loaded loaded) {
        ProcessSnapshot p = loaded.process();
        if (process.get() != null && process.get().id().equals(p.id()) && process.get().step() > p.step()) {
            return;
        }
        loaded.definition().ifPresent(d -> {
            if (!d.equals(definition.get())) {
                definition.set(d);
            }
        });
        process.set(p);
        if (!history.equals(loaded.history())) {
            history.setAll(loaded.history());
        }
        path.set(loaded.definition().map(d -> ProcessPath.of(d, p, loaded.history())).orElse(null));
    }

    /** The stages it could be retried from: those it ran (or stands at), in the order it reached them. */
    public List<String> retryStages() {
        ProcessPath p = path.get();
        if (p != null) {
            return p.stages();
        }
        return history.stream().map(StageRun::stage).distinct().toList();
    }
}
