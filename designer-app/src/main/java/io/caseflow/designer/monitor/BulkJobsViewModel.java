package io.caseflow.designer.monitor;

import io.caseflow.designer.concurrent.UiExecutor;
import io.caseflow.job.ItemState;
import io.caseflow.job.JobKind;
import io.caseflow.job.JobRequest;
import io.caseflow.job.JobSelection;
import io.caseflow.job.JobSnapshot;
import io.caseflow.job.JobState;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The monitor's bulk actions: retry or cancel a selection, or every process the table's filter matches,
 * as one server-side job (the same jobs as {@code POST /api/jobs} and {@code caseflow processes retry --stage …}),
 * whose progress it reads every {@link #POLL} while it runs. What a job did goes to the activity log.
 * UI thread only.
 */
public final class BulkJobsViewModel {
    public static final Duration POLL = Duration.ofSeconds(1);

    private final MonitorSource source;
    private final UiExecutor ui;
    private final MonitorActions actions;
    private final ObjectProperty<JobSnapshot> job = new SimpleObjectProperty<>();
    private final StringProperty progressText = new SimpleStringProperty("");
    private final DoubleProperty progress = new SimpleDoubleProperty(0);
    private final BooleanProperty running = new SimpleBooleanProperty(false);
    private String what = "";
    private Instant nextPoll = Instant.MIN;
    private boolean polling;

    public BulkJobsViewModel(MonitorSource source, UiExecutor ui, MonitorActions actions) {
        this.source = source;
        this.ui = ui;
        this.actions = actions;
    }

    /** Whether this source runs bulk actions as jobs (the embedded runtime and a remote server do). */
    public boolean available() {
        return source.runsJobs();
    }

    /**
     * The job selection for "all matching the filter": its statuses, case, api, version and stage. Empty when the
     * filter selects nothing a job can name: no filter at all (that would be every process) or a text filter
     * (it searches the data, which a job does not select by).
     */
    public static Optional<JobSelection> selectionOf(ProcessFilter filter) {
        if (filter.text() != null || filter.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new JobSelection(filter.statuses(), filter.caseName(), filter.api(), filter.version(), filter.stage(), null, null,
                null, List.of()));
    }

    /** Starts a job of {@code kind} over the selection; {@code what} names its processes in the log ("selected processes"). */
    public CompletableFuture<JobSnapshot> start(JobKind kind, JobSelection selection, String fromStage, String what) {
        JobRequest request;
        try {
            request = new JobRequest(kind, selection, fromStage, null, Map.of());
        } catch (IllegalArgumentException e) {
            actions.log(ActivityEntry.Kind.FAILURE, "Not started: " + e.getMessage());
            return CompletableFuture.failedFuture(e);
        }
        CompletableFuture<JobSnapshot> done = new CompletableFuture<>();
        ui.on(source.createJob(request), created -> {
            this.what = what;
            show(created);
            actions.log(ActivityEntry.Kind.INFO, capitalize(verb(kind)) + " " + what + " as job " + MonitorActions.shortId(created.id())
                    + ": " + created.total() + (created.total() == 1 ? " process" : " processes"));
            nextPoll = Instant.MIN;
            done.complete(created);
        }, e -> {
            actions.log(ActivityEntry.Kind.FAILURE, "Could not start the " + kind.jsonName() + " job: " + ProcessTableViewModel.message(e));
            done.completeExceptionally(e);
        });
        return done;
    }

    /** Cancels the job shown, if it runs. */
    public void cancel() {
        JobSnapshot current = job.get();
        if (current == null || current.state().isTerminal()) {
            return;
        }
        ui.on(source.cancelJob(current.id()), cancelled -> {
            show(cancelled);
            actions.log(ActivityEntry.Kind.WARNING, "Cancelled job " + MonitorActions.shortId(cancelled.id()) + " at " + cancelled.finished()
                    + " of " + cancelled.total());
        }, e -> actions.log(ActivityEntry.Kind.FAILURE, "Could not cancel the job: " + ProcessTableViewModel.message(e)));
    }

    /** Reads the running job's progress when due. */
    public void tick(Instant now) {
        JobSnapshot current = job.get();
        if (current == null || current.state().isTerminal() || polling || now.isBefore(nextPoll)) {
            return;
        }
        polling = true;
        nextPoll = now.plus(POLL);
        ui.on(source.job(current.id()), latest -> {
            polling = false;
            show(latest);
            if (latest.state().isTerminal()) {
                actions.log(latest.count(ItemState.FAILED) > 0 || latest.state() != JobState.DONE ? ActivityEntry.Kind.WARNING
                        : ActivityEntry.Kind.SUCCESS, outcome(latest, what));
                actions.changed();
            }
        }, e -> {
            polling = false;
            progressText.set("Cannot read the job's progress now: " + ProcessTableViewModel.message(e));
        });
    }

    private void show(JobSnapshot snapshot) {
        job.set(snapshot);
        running.set(!snapshot.state().isTerminal());
        progress.set(snapshot.total() == 0 ? 1 : (double) snapshot.finished() / snapshot.total());
        // Short enough for the table's footer: "retry job …0e00a15e0c99: RUNNING, 400 of 1000".
        progressText.set(snapshot.kind().jsonName() + " job " + MonitorActions.shortId(snapshot.id()) + ": " + snapshot.state() + ", "
                + snapshot.finished() + " of " + snapshot.total());
    }

    public ObjectProperty<JobSnapshot> jobProperty() {
        return job;
    }

    public StringProperty progressTextProperty() {
        return progressText;
    }

    public DoubleProperty progressProperty() {
        return progress;
    }

    public BooleanProperty runningProperty() {
        return running;
    }

    /** "Retried 4 of 4 processes failed at 'chargePayment'; 1 had moved on": what a job that ended did, in the log's words. */
    static String outcome(JobSnapshot job, String what) {
        StringBuilder text = new StringBuilder(switch (job.kind()) {
            case RETRY, RETRY_FROM -> "Retried ";
            case CANCEL -> "Cancelled ";
            case MIGRATE -> "Migrated ";
        }).append(job.count(ItemState.DONE)).append(" of ").append(job.total()).append(' ').append(what);
        if (job.count(ItemState.MOVED_ON) > 0) {
            text.append("; ").append(job.count(ItemState.MOVED_ON)).append(" had moved on");
        }
        if (job.count(ItemState.REFUSED) > 0) {
            text.append("; ").append(job.count(ItemState.REFUSED)).append(" did not need it");
        }
        if (job.count(ItemState.NOT_FOUND) + job.count(ItemState.FAILED) > 0) {
            text.append("; ").append(job.count(ItemState.NOT_FOUND) + job.count(ItemState.FAILED)).append(" could not be done");
        }
        if (job.state() == JobState.CANCELLED) {
            text.append("; the job was cancelled");
        }
        return text.toString();
    }

    private static String verb(JobKind kind) {
        return switch (kind) {
            case RETRY -> "retrying";
            case RETRY_FROM -> "retrying from a stage";
            case CANCEL -> "cancelling";
            case MIGRATE -> "migrating";
        };
    }

    private static String capitalize(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
