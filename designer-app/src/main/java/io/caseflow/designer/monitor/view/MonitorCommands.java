package io.caseflow.designer.monitor.view;

import io.caseflow.definition.CaseKey;
import io.caseflow.designer.concurrent.UiExecutor;
import io.caseflow.designer.monitor.ActivityEntry;
import io.caseflow.designer.monitor.BulkJobsViewModel;
import io.caseflow.designer.monitor.DataEdit;
import io.caseflow.designer.monitor.MigrationViewModel;
import io.caseflow.designer.monitor.MonitorViewModel;
import io.caseflow.designer.monitor.ProcessFilter;
import io.caseflow.designer.monitor.RetentionViewModel;
import io.caseflow.job.JobKind;
import io.caseflow.job.JobSelection;
import io.caseflow.process.ProcessSnapshot;
import io.caseflow.process.ProcessStatus;
import java.util.List;
import java.util.Optional;
import java.util.Set;
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
        if (vm.jobs().available()) {
            vm.jobs().start(JobKind.RETRY, JobSelection.ofIds(processIds), null, "selected processes");
            return;
        }
        vm.actions().retryAll(processIds, "selected processes");
    }

    /** Asks, then cancels the selected processes as one bulk job. */
    public void cancelSelection(List<String> processIds) {
        if (processIds.isEmpty()) {
            return;
        }
        if (processIds.size() == 1 || !vm.jobs().available()) {
            processIds.forEach(this::cancel);
            return;
        }
        String n = String.format("%,d processes", processIds.size());
        if (dialogs.confirm("Cancel processes", "Cancel " + n + "?", "Each selected process that has not ended stops where it is. "
                + "Processes that ended meanwhile are left alone.", "Cancel " + n)) {
            vm.jobs().start(JobKind.CANCEL, JobSelection.ofIds(processIds), null, "selected processes");
        }
    }

    /** Asks, then retries (or cancels) every process the table's filter matches, as one bulk job on the runtime. */
    public void allMatching(JobKind kind) {
        ProcessFilter filter = vm.table().filter();
        Optional<JobSelection> selection = BulkJobsViewModel.selectionOf(filter);
        if (selection.isEmpty()) {
            dialogs.error("Bulk action", filter.text() != null ? "The text filter searches the data, which a bulk job cannot select by; "
                    + "clear it, or select the rows instead." : "Set a filter first (status, case, stage): a bulk action never takes every process.");
            return;
        }
        long total = vm.table().totalProperty().get();
        String n = total == 1 ? "1 process" : String.format("%,d processes", total);
        String verb = kind == JobKind.CANCEL ? "Cancel" : "Retry";
        String text = kind == JobKind.CANCEL
                ? "Every matching process that has not ended stops where it is."
                : "Every matching process that is FAILED resumes at the stage that failed, with its data unchanged.";
        if (dialogs.confirm(verb + " all matching", verb + " the " + n + " matching the filter?", text
                + " The runtime runs this as a job: each process is acted on once, also if it restarts, and processes that "
                + "moved on meanwhile are left alone.", verb + " " + n)) {
            vm.jobs().start(kind, selection.get(), null, "processes matching the filter");
        }
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
                if (vm.jobs().available()) {
                    vm.jobs().start(JobKind.RETRY, new JobSelection(Set.of(ProcessStatus.FAILED), key.name(), key.api(), null, stage, null,
                            null, null, List.of()), null, "processes failed at '" + stage + "'");
                } else {
                    vm.actions().retryFailedAt(key, stage);
                }
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
            RetryForm form = new RetryForm(p.id(), failedAt, vm.detail().retryStages(), DataEdit.pretty(p.data().asObject()));
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
