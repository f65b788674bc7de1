package io.caseflow.designer.monitor;

import io.caseflow.definition.CaseDefinition;
import io.caseflow.definition.CaseKey;
import io.caseflow.definition.StageDefinition;
import io.caseflow.designer.concurrent.UiExecutor;
import io.caseflow.process.MigrationOutcome;
import io.caseflow.process.MigrationReport;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * Moving the processes of one version of the monitored case to a newer one: pick the versions, map
 * each stage of the old version that the new one lacks, see how many would move (a dry run), move
 * them. UI thread only.
 */
public final class MigrationViewModel {
    private final MonitorViewModel monitor;
    private final UiExecutor ui;
    private final CaseKey key;
    private final ReadOnlyObjectWrapper<MigrationReport> preview = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<MigrationReport> result = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");

    public MigrationViewModel(MonitorViewModel monitor, UiExecutor ui, CaseKey key) {
        this.monitor = monitor;
        this.ui = ui;
        this.key = key;
    }

    public CaseKey key() {
        return key;
    }

    public List<Integer> versions() {
        return monitor.versions(key);
    }

    /** The stages of {@code from}, each with its place in {@code to} by default: the same name if {@code to} has it, else none. */
    public Map<String, Optional<String>> defaultMapping(int from, int to) {
        Map<String, Optional<String>> mapping = new LinkedHashMap<>();
        Optional<CaseDefinition> target = monitor.definition(key, to);
        monitor.definition(key, from).ifPresent(source -> {
            for (StageDefinition stage : source.stages()) {
                mapping.put(stage.name(), target.flatMap(t -> t.stage(stage.name())).map(StageDefinition::name));
            }
        });
        return mapping;
    }

    /** The stage names of {@code version}, to map onto. */
    public List<String> stagesOf(int version) {
        return monitor.definition(key, version).map(d -> d.stages().stream().map(StageDefinition::name).toList()).orElse(List.of());
    }

    /** The choices changed: the last preview no longer says what Move would do. */
    public void clearPreview() {
        preview.set(null);
        message.set("");
    }

    public void preview(int from, int to, Map<String, String> mapping) {
        run(from, to, mapping, true);
    }

    public void move(int from, int to, Map<String, String> mapping) {
        run(from, to, mapping, false);
    }

    private void run(int from, int to, Map<String, String> mapping, boolean dryRun) {
        if (to <= from) {
            message.set("Choose a newer version to move to than v" + from + ".");
            return;
        }
        message.set(dryRun ? "Counting…" : "Moving…");
        ui.on(monitor.source().migrate(key, from, to, Map.copyOf(mapping), dryRun), report -> {
            if (dryRun) {
                preview.set(report);
            } else {
                result.set(report);
                monitor.resync();
            }
            message.set(describe(report));
        }, e -> message.set((dryRun ? "Cannot count: " : "Cannot move: ") + e.getMessage()));
    }

    /** "12 would move, 3 refused (…first reason…)". */
    static String describe(MigrationReport report) {
        String first = report.outcomes().stream().filter(o -> o.status() == MigrationOutcome.Status.REFUSED).findFirst()
                .map(o -> " — e.g. " + o.reason()).orElse("");
        return report.describe() + first;
    }

    public ReadOnlyObjectProperty<MigrationReport> previewProperty() {
        return preview.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<MigrationReport> resultProperty() {
        return result.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }
}
