package io.caseflow.designer.monitor.view;

import io.caseflow.definition.CaseKey;
import io.caseflow.designer.concurrent.UiExecutor;
import io.caseflow.designer.monitor.ActivityEntry;
import io.caseflow.designer.monitor.DataEdit;
import io.caseflow.designer.monitor.MigrationViewModel;
import io.caseflow.designer.monitor.MonitorViewModel;
import io.caseflow.designer.monitor.RetentionViewModel;
import io.caseflow.process.ProcessSnapshot;
import io.caseflow.process.ProcessStatus;
import java.util.List;
import javafx.application.Platform;
import javafx.stage.Window;

/**
 * The monitor's actions as the views offer them (toolbar, table, graph, detail): the questions to
 * ask first, then the call on {@link io.caseflow.designer.monitor.MonitorActions}. Nothing here
 * waits: results come back through the activity log and live events.
 */
public final class MonitorCommands {
    public static final int DEFAULT_DEMO_COUNT = 50;
    private final MonitorViewModel vm;
    private MonitorDialogs dialogs;

    public MonitorCommands(MonitorViewModel vm, MonitorDialogs dialogs) {
        this.vm = vm;
        this.dialogs = dialogs;
    }

    public void setDialogs(MonitorDialogs value) {
        this.dialogs = value;
    }

    public MonitorDialogs dialogs() {
        return dialogs;
    }

    public void retry(String processId) {
        vm.actions().retry(processId);
    }

    public void retrySelection(List<String> processIds) {
        if (processIds.isEmpty()) {
            return;
        }
        if (processIds.size() == 1) {
            retry(processIds.get(0));
            return;
        }
        vm.actions().retryAll(processIds, "selected processes");
    }

    /** Counts the processes failed at {@code stage}, asks, then retries them all. */
    public void retryFailedAt(String stage) {
        CaseKey key = vm.monitoredCaseProperty().get();
        if (key == null || stage == null) {
            return;
        }
        vm.actions().countFailedAt(key, stage).whenComplete((count, error) -> Platform.runLater(() -> {
            if (error != null) {
                vm.actions().log(ActivityEntry.Kind.FAILURE, "Could not count the processes failed at '" + stage + "': "
                        + UiExecutor.unwrap(error).getMessage());
                return;
            }
            if (count == 0) {
                vm.actions().log(ActivityEntry.Kind.INFO, "No process of " + key + " is failed at '" + stage + "'.");
                return;
            }
            String n = count == 1 ? "1 process" : String.format("%,d processes", count);
            if (dialogs.confirm("Retry failed processes", "Retry " + n + " failed at '" + stage + "'?",
                    "Each of the " + n + " of " + key + " that failed at stage '" + stage + "' resumes at that stage with its data"
                            + " unchanged. Processes that are no longer failed when their turn comes are left alone.",
                    "Retry " + n)) {
                vm.actions().retryFailedAt(key, stage);
            }
        }));
    }

    /** Opens the retry form on the selected process (read fresh first) and retries with what the operator chose. */
    public void retryWithChanges(String processId) {
        vm.detail().select(processId);
        vm.detail().load().whenComplete((v, e) -> Platform.runLater(() -> {
            ProcessSnapshot p = vm.detail().processProperty().get();
            if (p == null || !p.id().equals(processId)) {
                dialogs.error("Cannot retry", "Process " + processId + " could not be read: " + vm.detail().errorProperty().get());
                return;
            }
            if (p.status() != ProcessStatus.FAILED) {
                dialogs.error("Cannot retry", "Process " + Styles.shortId(p.id()) + " is " + Styles.label(p.status()).toLowerCase()
                        + "; only a failed process can be retried.");
                return;
            }
            String failedAt = p.failure() != null ? p.failure().stage() : p.currentStage();
            RetryForm form = new RetryForm(p.id(), failedAt, vm.detail().retryStages(), DataEdit.pretty(p.data()));
            dialogs.retryWithChanges("Retry process " + Styles.shortId(p.id()) + " with changes", form)
                    .ifPresent(r -> vm.actions().retryWith(p.id(), r.fromStage(), r.dataText()));
        }));
    }

    public void cancel(String processId) {
        if (dialogs.confirm("Cancel process", "Cancel process " + Styles.shortId(processId) + "?",
                "The process stops where it stands; nothing more runs for it. Effects already applied by services stay applied.",
                "Cancel process")) {
            vm.actions().cancel(processId);
        }
    }

    public void startDemo(int count) {
        vm.actions().startDemo(count);
    }

    /** Opens the migration dialog for the monitored case (it needs two deployed versions). */
    public void askMigration(Window owner) {
        CaseKey key = vm.monitoredCaseProperty().get();
        if (key == null || vm.versions(key).size() < 2) {
            dialogs.error("Migrate processes", key == null ? "No case is deployed on " + vm.source().describe() + " yet."
                    : "Case " + key + " has one version only; deploy a newer version first.");
            return;
        }
        new MigrationDialog(new MigrationViewModel(vm, vm.ui(), key)).show(owner);
    }

    /** Opens Retention… for the source: each case api's period, the sweeper, set or clear a period. */
    public void askRetention(Window owner) {
        vm.source().retention().ifPresentOrElse(control -> new RetentionDialog(new RetentionViewModel(control, vm.ui(),
                vm.monitoredCaseProperty().get())).show(owner), () -> dialogs.error("Retention", vm.source().describe()
                + " does not show retention."));
    }

    /** Asks for an input and starts one process of the monitored case with it. */
    public void askAndStart() {
        CaseKey key = vm.monitoredCaseProperty().get();
        if (key == null) {
            dialogs.error("Start a process", "No case is deployed on " + vm.source().describe() + " yet; deploy one first.");
            return;
        }
        dialogs.askInput("Start a process of " + key, "{\n  \n}").ifPresent(text -> vm.actions().start(key, text));
    }

    public void askAndStartDemo() {
        dialogs.askCount("Start sample processes", DEFAULT_DEMO_COUNT).ifPresent(this::startDemo);
    }
}
