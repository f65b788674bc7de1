package io.caseflow.designer.monitor;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.caseflow.definition.CaseKey;
import io.caseflow.designer.concurrent.UiExecutor;
import io.caseflow.process.ActionResult;
import io.caseflow.process.ProcessQuery;
import io.caseflow.process.ProcessSnapshot;
import io.caseflow.process.ProcessStatus;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableSet;

/**
 * What an operator can do from the monitor: retry one failed process, a selection, or every
 * process failed at a stage; retry with edited data or from an earlier stage; cancel; start sample
 * processes. Every action runs on the source's threads and reports back on the UI thread: the
 * processes it works on are marked {@link #busyIds() busy} meanwhile, and its result (or why it
 * could not be done) goes to the {@link #activity() activity log} and {@link #lastProperty()}.
 * The process rows themselves change through live events, as for any other transition.
 *
 * <p>Called on the UI thread; the returned futures complete after the log was written.
 */
public final class MonitorActions {
    /** How a bulk action went. */
    public record BulkOutcome(int requested, int changed, int unchanged, int failed, String firstError) {
        public String describe(String what) {
            StringBuilder b = new StringBuilder();
            b.append("Retried ").append(changed).append(" of ").append(requested).append(' ').append(what);
            if (unchanged > 0) {
                b.append("; ").append(unchanged).append(unchanged == 1 ? " was" : " were").append(" no longer failed");
            }
            if (failed > 0) {
                b.append("; ").append(failed).append(" could not be retried (").append(firstError).append(')');
            }
            return b.toString();
        }
    }

    private final MonitorSource source;
    private final UiExecutor ui;
    private final Clock clock;
    private final ObservableList<ActivityEntry> activity = FXCollections.observableArrayList();
    private final ObjectProperty<ActivityEntry> last = new SimpleObjectProperty<>();
    private final ObservableSet<String> busy = FXCollections.observableSet();
    private final IntegerProperty running = new SimpleIntegerProperty();
    private Runnable afterChange = () -> { };

    public MonitorActions(MonitorSource source, UiExecutor ui, Clock clock) {
        this.source = source;
        this.ui = ui;
        this.clock = clock;
    }

    public ObservableList<ActivityEntry> activity() {
        return activity;
    }

    public ObjectProperty<ActivityEntry> lastProperty() {
        return last;
    }

    /** Processes an action is working on right now. */
    public ObservableSet<String> busyIds() {
        return busy;
    }

    public IntegerProperty runningProperty() {
        return running;
    }

    /** Runs after any action changed something (the monitor reads counts again at once). */
    public void setAfterChange(Runnable action) {
        this.afterChange = action;
    }

    /** Something changed processes (a bulk job ended): the graph's counts are read again. */
    void changed() {
        afterChange.run();
    }

    public void log(ActivityEntry.Kind kind, String text) {
        ActivityEntry entry = new ActivityEntry(clock.instant(), kind, text);
        activity.add(0, entry);
        if (activity.size() > 500) {
            activity.remove(500, activity.size());
        }
        last.set(entry);
    }

    /** Retries one failed process where it failed. */
    public CompletableFuture<ActionResult> retry(String processId) {
        return single(processId, "Retry", source.retry(processId, null, null));
    }

    /**
     * Retries with the data the operator typed (null or blank: unchanged) from {@code fromStage}
     * (null: where it failed). Invalid JSON is refused here, before anything is sent.
     */
    public CompletableFuture<ActionResult> retryWith(String processId, String fromStage, String dataText) {
        ObjectNode data = null;
        if (dataText != null && !dataText.isBlank()) {
            DataEdit.Result parsed = DataEdit.parse(dataText);
            if (!parsed.isValid()) {
                log(ActivityEntry.Kind.FAILURE, "Not retried " + shortId(processId) + ": the data is not valid JSON. " + parsed.error());
                return CompletableFuture.failedFuture(new IllegalArgumentException(parsed.error()));
            }
            data = parsed.data();
        }
        String what = fromStage == null ? "Retry with edited data" : "Retry from '" + fromStage + "'";
        return single(processId, what, source.retry(processId, fromStage, data));
    }

    public CompletableFuture<ActionResult> cancel(String processId) {
        return single(processId, "Cancel", source.cancel(processId));
    }

    private CompletableFuture<ActionResult> single(String processId, String what, CompletableFuture<ActionResult> call) {
        busy.add(processId);
        running.set(running.get() + 1);
        CompletableFuture<ActionResult> done = new CompletableFuture<>();
        ui.on(call, result -> {
            busy.remove(processId);
            running.set(running.get() - 1);
            log(result.changed() ? ActivityEntry.Kind.SUCCESS : ActivityEntry.Kind.WARNING, capitalize(result.message()));
            if (result.changed()) {
                afterChange.run();
            }
            done.complete(result);
        }, e -> {
            busy.remove(processId);
            running.set(running.get() - 1);
            log(ActivityEntry.Kind.FAILURE, what + " of " + shortId(processId) + " failed: " + ProcessTableViewModel.message(e));
            done.completeExceptionally(e);
        });
        return done;
    }

    /** Retries each of {@code processIds} (the failed ones among them), one after the other. */
    public CompletableFuture<BulkOutcome> retryAll(List<String> processIds, String what) {
        List<String> ids = List.copyOf(processIds);
        busy.addAll(ids);
        running.set(running.get() + 1);
        log(ActivityEntry.Kind.INFO, "Retrying " + ids.size() + " " + what + "…");
        CompletableFuture<BulkOutcome> all = retrySequentially(ids);
        CompletableFuture<BulkOutcome> done = new CompletableFuture<>();
        ui.on(all, outcome -> {
            ids.forEach(busy::remove);
            running.set(running.get() - 1);
            log(outcome.failed() > 0 ? ActivityEntry.Kind.WARNING : ActivityEntry.Kind.SUCCESS, outcome.describe(what));
            if (outcome.changed() > 0) {
                afterChange.run();
            }
            done.complete(outcome);
        }, e -> {
            ids.forEach(busy::remove);
            running.set(running.get() - 1);
            log(ActivityEntry.Kind.FAILURE, "Retrying " + what + " failed: " + ProcessTableViewModel.message(e));
            done.completeExceptionally(e);
        });
        return done;
    }

    private CompletableFuture<BulkOutcome> retrySequentially(List<String> ids) {
        int[] counts = new int[3];
        String[] firstError = new String[1];
        CompletableFuture<Void> chain = CompletableFuture.completedFuture(null);
        for (String id : ids) {
            chain = chain.thenCompose(v -> source.retry(id, null, null).handle((result, error) -> {
                if (error != null) {
                    counts[2]++;
                    if (firstError[0] == null) {
                        firstError[0] = ProcessTableViewModel.message(error);
                    }
                } else if (result.changed()) {
                    counts[0]++;
                } else {
                    counts[1]++;
                }
                return null;
            }));
        }
        return chain.thenApply(v -> new BulkOutcome(ids.size(), counts[0], counts[1], counts[2], firstError[0]));
    }

    /** How many processes of the case are FAILED at {@code stage} (for the confirmation). */
    public CompletableFuture<Long> countFailedAt(CaseKey key, String stage) {
        return source.list(failedAt(key, stage, 0, 1)).thenApply(p -> p.total());
    }

    /** Retries every process of the case that is FAILED at {@code stage}. */
    public CompletableFuture<BulkOutcome> retryFailedAt(CaseKey key, String stage) {
        CompletableFuture<List<String>> ids = collectFailedAt(key, stage, 0, new ArrayList<>());
        CompletableFuture<BulkOutcome> done = new CompletableFuture<>();
        ui.on(ids, list -> retryAll(list, "processes failed at '" + stage + "'").whenComplete((o, e) -> {
            if (e != null) {
                done.completeExceptionally(e);
            } else {
                done.complete(o);
            }
        }), e -> {
            log(ActivityEntry.Kind.FAILURE, "Could not list the processes failed at '" + stage + "': " + ProcessTableViewModel.message(e));
            done.completeExceptionally(e);
        });
        return done;
    }

    private CompletableFuture<List<String>> collectFailedAt(CaseKey key, String stage, int offset, List<String> into) {
        return source.list(failedAt(key, stage, offset, ProcessQuery.MAX_LIMIT)).thenCompose(page -> {
            page.processes().forEach(p -> into.add(p.id()));
            int next = offset + page.processes().size();
            if (page.processes().isEmpty() || next >= page.total()) {
                return CompletableFuture.completedFuture(into);
            }
            return collectFailedAt(key, stage, next, into);
        });
    }

    private static ProcessQuery failedAt(CaseKey key, String stage, int offset, int limit) {
        return new ProcessQuery(Set.of(ProcessStatus.FAILED), key.name(), key.api(), null, stage, null, offset, limit);
    }

    /** Starts one process of {@code key} with the input the operator wrote (a JSON object). */
    public CompletableFuture<ProcessSnapshot> start(CaseKey key, String inputText) {
        DataEdit.Result parsed = DataEdit.parse(inputText == null || inputText.isBlank() ? "{}" : inputText);
        if (!parsed.isValid()) {
            log(ActivityEntry.Kind.FAILURE, "Not started: the input is not a JSON object. " + parsed.error());
            return CompletableFuture.failedFuture(new IllegalArgumentException(parsed.error()));
        }
        running.set(running.get() + 1);
        CompletableFuture<ProcessSnapshot> done = new CompletableFuture<>();
        ui.on(source.start(key, parsed.data()), process -> {
            running.set(running.get() - 1);
            log(ActivityEntry.Kind.SUCCESS, "Started process " + shortId(process.id()) + " of " + key);
            afterChange.run();
            done.complete(process);
        }, e -> {
            running.set(running.get() - 1);
            log(ActivityEntry.Kind.FAILURE, "Could not start a process of " + key + ": " + ProcessTableViewModel.message(e));
            done.completeExceptionally(e);
        });
        return done;
    }

    /** Starts {@code count} sample processes, where the source can. */
    public CompletableFuture<List<String>> startDemo(int count) {
        var demo = source.demo();
        if (demo.isEmpty()) {
            log(ActivityEntry.Kind.FAILURE, "This source cannot start sample processes.");
            return CompletableFuture.failedFuture(new IllegalStateException("no sample traffic on " + source.describe()));
        }
        running.set(running.get() + 1);
        CompletableFuture<List<String>> done = new CompletableFuture<>();
        ui.on(demo.get().start(count), ids -> {
            running.set(running.get() - 1);
            log(ActivityEntry.Kind.SUCCESS, "Started " + ids.size() + " " + demo.get().describe());
            afterChange.run();
            done.complete(ids);
        }, e -> {
            running.set(running.get() - 1);
            log(ActivityEntry.Kind.FAILURE, "Could not start " + demo.get().describe() + ": " + ProcessTableViewModel.message(e));
            done.completeExceptionally(e);
        });
        return done;
    }

    /** Sends a message the runtime refuses, so a dead letter appears (sample traffic only). */
    public CompletableFuture<String> sendForgedReply() {
        var demo = source.demo();
        if (demo.isEmpty()) {
            log(ActivityEntry.Kind.FAILURE, "This source cannot send test messages.");
            return CompletableFuture.failedFuture(new IllegalStateException("no sample traffic on " + source.describe()));
        }
        CompletableFuture<String> done = new CompletableFuture<>();
        ui.on(demo.get().sendForgedReply(), what -> {
            log(ActivityEntry.Kind.INFO, "Sent " + what + "; the runtime refuses it and keeps it as a dead letter");
            done.complete(what);
        }, e -> {
            log(ActivityEntry.Kind.FAILURE, "Could not send the forged reply: " + ProcessTableViewModel.message(e));
            done.completeExceptionally(e);
        });
        return done;
    }

    static String shortId(String id) {
        return id == null || id.length() <= 13 ? String.valueOf(id) : "…" + id.substring(id.length() - 12);
    }

    private static String capitalize(String s) {
        return s == null || s.isEmpty() ? "" : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
