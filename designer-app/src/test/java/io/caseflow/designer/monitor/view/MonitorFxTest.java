package io.caseflow.designer.monitor.view;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.caseflow.designer.app.FxUiExecutor;
import io.caseflow.designer.deploy.EmbeddedRuntime;
import io.caseflow.designer.editor.NodeGeometry;
import io.caseflow.designer.editor.Point;
import io.caseflow.designer.monitor.ActivityEntry;
import io.caseflow.designer.monitor.ProcessFilter;
import io.caseflow.designer.monitor.ConnectionState;
import io.caseflow.designer.monitor.DataEdit;
import io.caseflow.designer.monitor.MonitorViewModel;
import io.caseflow.designer.monitor.ProcessItem;
import io.caseflow.designer.monitor.ProcessRow;
import io.caseflow.designer.monitor.source.EmbeddedMonitorSource;
import io.caseflow.process.ProcessSnapshot;
import io.caseflow.process.ProcessStatus;
import io.caseflow.samples.Orders;
import io.caseflow.testing.TempFolders;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.geometry.Side;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The monitor against a real embedded runtime (a fresh H2 folder per test) with the sample
 * services: processes move, fail by design, and are retried, cancelled and edited through the UI;
 * the runtime goes away and the monitor reconnects. Headless (Monocle) in the build.
 */
@ExtendWith(ApplicationExtension.class)
class MonitorFxTest {
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final Orders.Mix ALL_FLAKY = new Orders.Mix(0, 1, 0, null);
    private static final Orders.Mix ALL_FAIL_AT_NOTIFY = new Orders.Mix(0, 0, 1, "notifyCustomer");
    private static FxUiExecutor ui;

    private final List<ConnectionState> states = new CopyOnWriteArrayList<>();
    private Path home;
    private EmbeddedRuntime runtime;
    private EmbeddedMonitorSource source;
    private MonitorViewModel vm;
    private MonitorView view;
    private ScriptedMonitorDialogs dialogs;
    private Stage stage;

    @BeforeAll
    static void executor() {
        ui = new FxUiExecutor();
    }

    @AfterAll
    static void closeExecutor() {
        ui.close();
    }

    @Start
    void start(Stage fxStage) throws Exception {
        stage = fxStage;
        home = Files.createTempDirectory("caseflow-monitor-test");
        runtime = EmbeddedRuntime.start(home);
        source = EmbeddedMonitorSource.builder(runtime).executor(ui.background()).pingEvery(Duration.ofMillis(200))
                .backoff(Duration.ofMillis(100), Duration.ofMillis(400)).build();
        vm = new MonitorViewModel(source, ui, Clock.systemUTC());
        dialogs = new ScriptedMonitorDialogs();
        view = new MonitorView(vm, dialogs);
        vm.connectionProperty().addListener((o, a, b) -> states.add(b));
        Scene scene = new Scene(view, 1440, 860);
        scene.getStylesheets().add(MonitorView.class.getResource("/io/caseflow/designer/designer.css").toExternalForm());
        stage.setScene(scene);
        vm.start();
        stage.show();
    }

    @AfterEach
    void stop() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> view.close()).get();
        source.close();
        runtime.close();
        TempFolders.deleteQuietly(home);
    }

    // ------------------------------------------------------------------ helpers

    private <T> T fx(Callable<T> read) {
        try {
            return WaitForAsyncUtils.asyncFx(read).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private void fxRun(Runnable action) {
        try {
            WaitForAsyncUtils.asyncFx(action).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    private List<String> start(int count, Orders.Mix mix) {
        source.sampleOrders().setMix(mix);
        return source.sampleOrders().start(count).join();
    }

    private ProcessStatus statusInTable(String id) {
        return fx(() -> {
            ProcessItem item = vm.table().item(id);
            return item == null ? null : item.row().status();
        });
    }

    private ProcessStatus statusInStore(String id) {
        return runtime.runtime().process(id).status();
    }

    private void awaitInTable(List<String> ids, ProcessStatus status) {
        await().atMost(PATIENCE).until(() -> ids.stream().allMatch(id -> statusInTable(id) == status));
    }

    /** Screen coordinates of a stage's centre on the monitor's graph. */
    private Point2D screenPointOf(String stage) {
        MonitorCanvas canvas = new FxRobot().lookup(".monitor-canvas").queryAs(MonitorCanvas.class);
        Point p = canvas.viewport().toScreen(NodeGeometry.bounds(canvas.definition().stage(stage).orElseThrow()).center());
        return new FxRobot().lookup("#monitorCanvas").query().localToScreen(p.x(), p.y());
    }

    private long failedAt(String stage) {
        return fx(() -> vm.counts().load(stage).failed());
    }

    private void screenshot(String name) {
        WaitForAsyncUtils.waitForFxEvents();
        fxRun(() -> {
            view.canvas().paintNow();
            part("#throughputChart", ThroughputChart.class).paint();
            Shots.save(stage.getScene().getRoot(), name);
        });
    }

    private void select(String id) {
        fxRun(() -> {
            ProcessItem item = vm.table().item(id);
            part("#processTablePane", ProcessTablePane.class).table().getSelectionModel().clearSelection();
            part("#processTablePane", ProcessTablePane.class).table().getSelectionModel().select(item);
            part("#processTablePane", ProcessTablePane.class).table().scrollTo(item);
        });
        await().atMost(PATIENCE).until(() -> fx(() -> vm.detail().processProperty().get() != null
                && vm.detail().processProperty().get().id().equals(id) && vm.detail().pathProperty().get() != null));
    }

    // ------------------------------------------------------------------ scenarios

    /** A part of the monitor, found as a user's eye would: by its id in the scene. */
    private static <T extends Node> T part(String id, Class<T> type) {
        return new FxRobot().lookup(id).queryAs(type);
    }

    @Test
    void counts_move_on_the_graph_a_flaky_charge_fails_and_one_click_on_retry_completes_it(FxRobot robot) {
        List<String> flaky = start(3, ALL_FLAKY);
        List<String> good = start(5, Orders.Mix.ALL_GOOD);

        awaitInTable(flaky, ProcessStatus.FAILED);
        await().atMost(PATIENCE).until(() -> failedAt("chargePayment") == 3);
        awaitInTable(good, ProcessStatus.COMPLETED);
        await().atMost(PATIENCE).until(() -> fx(() -> vm.counts().load("completed").completed()) == 5);
        assertThat(fx(() -> part("#statusTiles", StatusTiles.class).value(ProcessStatus.FAILED))).isEqualTo("3");
        assertThat(fx(() -> vm.throughput().totalStageRuns())).isGreaterThan(20);
        ProcessRow failed = fx(() -> vm.table().item(flaky.get(0)).row());
        assertThat(failed.stage()).isEqualTo("chargePayment");
        assertThat(failed.error()).contains("flaky card");
        screenshot("monitor-01-live-with-failures");

        robot.clickOn("#retry-" + flaky.get(0));

        awaitInTable(List.of(flaky.get(0)), ProcessStatus.COMPLETED);
        await().atMost(PATIENCE).until(() -> failedAt("chargePayment") == 2);
        assertThat(statusInStore(flaky.get(0))).isEqualTo(ProcessStatus.COMPLETED);
        assertThat(fx(() -> vm.actions().activity().stream().map(ActivityEntry::text).toList()))
                .anyMatch(t -> t.endsWith("resumes at stage 'chargePayment'"));

        select(flaky.get(0));
        assertThat(fx(() -> vm.detail().pathProperty().get().stages())).containsExactly("validateOrder", "reserveStock",
                "chargePayment", "createShipment", "notifyCustomer", "completed");
        assertThat(fx(() -> vm.detail().pathProperty().get().attempts().get("chargePayment"))).isEqualTo(2);
        assertThat(fx(() -> part("#detailPane", ProcessDetailPane.class).timeline().getItems().stream().filter(r -> r.taskId() != null).count()))
                .as("every service call has its task id").isEqualTo(4);
        screenshot("monitor-02-retried-process-path");
    }

    @Test
    void retry_all_failed_at_a_stage_asks_with_the_count_then_retries_them(FxRobot robot) {
        List<String> flaky = start(4, ALL_FLAKY);
        await().atMost(PATIENCE).until(() -> failedAt("chargePayment") == 4);
        WaitForAsyncUtils.waitForFxEvents();

        Point2D at = fx(() -> screenPointOf("chargePayment"));
        robot.moveTo(at).clickOn(MouseButton.SECONDARY);
        robot.clickOn("Retry All Failed at 'chargePayment'…");

        await().atMost(PATIENCE).until(() -> dialogs.confirmations.size() == 1);
        assertThat(dialogs.confirmations.get(0)).isEqualTo("Retry 4 processes failed at 'chargePayment'? | Retry 4 processes");
        awaitInTable(flaky, ProcessStatus.COMPLETED);
        await().atMost(PATIENCE).until(() -> failedAt("chargePayment") == 0);
        // A bulk job on the runtime: its end is logged once the monitor reads that it is done.
        await().atMost(PATIENCE).until(() -> fx(() -> vm.actions().lastProperty().get().text())
                .equals("Retried 4 of 4 processes failed at 'chargePayment'"));
    }

    @Test
    void retrying_a_selection_retries_the_failed_ones(FxRobot robot) {
        List<String> flaky = start(3, ALL_FLAKY);
        awaitInTable(flaky, ProcessStatus.FAILED);
        fxRun(() -> {
            part("#processTablePane", ProcessTablePane.class).table().getSelectionModel().clearSelection();
            flaky.forEach(id -> part("#processTablePane", ProcessTablePane.class).table().getSelectionModel().select(vm.table().item(id)));
        });
        assertThat(fx(() -> robot.lookup("#retrySelected").queryButton().getText())).isEqualTo("Retry 3 Selected");

        robot.clickOn("#retrySelected");

        awaitInTable(flaky, ProcessStatus.COMPLETED);
        await().atMost(PATIENCE).until(() -> fx(() -> vm.actions().lastProperty().get().text()).equals("Retried 3 of 3 selected processes"));
        assertThat(fx(() -> part("#processTablePane", ProcessTablePane.class).selectedIds())).as("the selection stayed through the updates")
                .containsExactlyInAnyOrderElementsOf(flaky);
    }

    @Test
    void retry_with_edited_data_checks_the_json_and_completes_once_failAt_is_removed(FxRobot robot) {
        List<String> failing = start(1, ALL_FAIL_AT_NOTIFY);
        String id = failing.get(0);
        awaitInTable(failing, ProcessStatus.FAILED);
        select(id);
        assertThat(fx(() -> part("#detailPane", ProcessDetailPane.class).failureMessage().getText())).contains("simulated failure at stage 'notifyCustomer'");
        assertThat(fx(() -> vm.detail().processProperty().get().failure().stackTrace())).contains("SimulatedFailure");
        screenshot("monitor-03-failed-process-detail");

        List<String> seenErrors = new ArrayList<>();
        dialogs.retryScript = form -> {
            form.dataArea().setText("{\"orderId\": ");
            seenErrors.add(form.errorText());
            seenErrors.add(String.valueOf(form.validProperty().get()));
            var data = DataEdit.parse(DataEdit.pretty(vm.detail().processProperty().get().data().asObject())).data();
            data.remove("failAt");
            form.dataArea().setText(DataEdit.pretty(data));
            seenErrors.add(String.valueOf(form.validProperty().get()));
            return Optional.of(form.request());
        };
        robot.clickOn("#detailRetryWith");

        await().atMost(PATIENCE).until(() -> dialogs.lastForm != null);
        assertThat(seenErrors.get(0)).startsWith("Line 1, column").contains("ends too early");
        assertThat(seenErrors.subList(1, 3)).containsExactly("false", "true");
        awaitInTable(failing, ProcessStatus.COMPLETED);
        ProcessSnapshot done = runtime.runtime().process(id);
        assertThat(done.data().has("failAt")).isFalse();
        assertThat(done.data().path("notification").asText()).startsWith("Dear ");
    }

    @Test
    void cancel_stops_a_failed_process_after_asking(FxRobot robot) {
        List<String> flaky = start(1, ALL_FLAKY);
        awaitInTable(flaky, ProcessStatus.FAILED);
        select(flaky.get(0));

        robot.clickOn("#detailCancel");

        awaitInTable(flaky, ProcessStatus.CANCELLED);
        assertThat(dialogs.confirmations).singleElement().asString().startsWith("Cancel process");
        assertThat(statusInStore(flaky.get(0))).isEqualTo(ProcessStatus.CANCELLED);
        await().atMost(PATIENCE).until(() -> fx(() -> robot.lookup("#detailStatus").queryLabeled().getText()).equals("Cancelled"));
    }

    @Test
    void new_processes_wait_behind_a_pill_while_a_row_is_selected_and_the_selection_never_moves(FxRobot robot) {
        List<String> first = start(3, Orders.Mix.ALL_GOOD);
        awaitInTable(first, ProcessStatus.COMPLETED);
        String chosen = first.get(1);
        select(chosen);
        int before = fx(() -> vm.table().items().size());

        List<String> more = start(4, Orders.Mix.ALL_GOOD);

        await().atMost(PATIENCE).until(() -> fx(() -> vm.table().pendingCountProperty().get()) == 4);
        assertThat(fx(() -> vm.table().items().size())).isEqualTo(before);
        assertThat(fx(() -> part("#processTablePane", ProcessTablePane.class).table().getSelectionModel().getSelectedItem().id())).isEqualTo(chosen);
        assertThat(fx(() -> part("#processTablePane", ProcessTablePane.class).pendingPill().isVisible())).isTrue();
        screenshot("monitor-04-new-processes-pill");

        robot.clickOn("#pendingPill");

        assertThat(fx(() -> vm.table().items().size())).isEqualTo(before + 4);
        assertThat(fx(() -> part("#processTablePane", ProcessTablePane.class).table().getSelectionModel().getSelectedItem().id())).isEqualTo(chosen);
        awaitInTable(more, ProcessStatus.COMPLETED);
    }

    @Test
    void a_stopped_runtime_shows_plainly_actions_fail_plainly_and_the_monitor_reconnects_and_rereads(FxRobot robot) {
        List<String> flaky = start(2, ALL_FLAKY);
        awaitInTable(flaky, ProcessStatus.FAILED);
        EmbeddedMonitorSource restarting = source;
        // Keep the runtime down long enough to look at it: this source does not restart it by itself.
        fxRun(() -> view.close());
        source.close();
        source = EmbeddedMonitorSource.builder(runtime).executor(ui.background()).pingEvery(Duration.ofMillis(200))
                .backoff(Duration.ofMillis(100), Duration.ofMillis(300)).restartStopped(false).build();
        vm = new MonitorViewModel(source, ui, Clock.systemUTC());
        fxRun(() -> {
            view = new MonitorView(vm, dialogs);
            stage.getScene().setRoot(view);
            vm.start();
        });
        assertThat(restarting).isNotSameAs(source);
        awaitInTable(flaky, ProcessStatus.FAILED);

        runtime.stop();

        await().atMost(PATIENCE).until(() -> fx(() -> vm.connectionProperty().get().kind()) == ConnectionState.Kind.RECONNECTING);
        assertThat(fx(() -> part("#connectionBadge", ConnectionBadge.class).text())).startsWith("Reconnecting").contains("the embedded runtime is not running");
        robot.clickOn("#retry-" + flaky.get(0));
        await().atMost(PATIENCE).until(() -> fx(() -> vm.actions().lastProperty().get().kind()) == ActivityEntry.Kind.FAILURE
                && fx(() -> vm.actions().lastProperty().get().text()).startsWith("Retry of"));
        assertThat(fx(() -> vm.actions().lastProperty().get().text())).contains("The embedded runtime is not running");
        screenshot("monitor-05-runtime-down");

        runtime.restart();

        await().atMost(PATIENCE).until(() -> fx(() -> vm.connectionProperty().get().isUp()));
        await().atMost(PATIENCE).until(() -> fx(() -> vm.resyncs()) >= 1);
        robot.clickOn("#retry-" + flaky.get(0));
        awaitInTable(List.of(flaky.get(0)), ProcessStatus.COMPLETED);
    }

    @Test
    void the_monitor_restarts_a_stopped_embedded_runtime_by_itself_and_reads_again() {
        List<String> flaky = start(2, ALL_FLAKY);
        awaitInTable(flaky, ProcessStatus.FAILED);

        runtime.stop();

        await().atMost(PATIENCE).until(() -> runtime.isRunning() && fx(() -> vm.connectionProperty().get().isUp())
                && states.stream().anyMatch(s -> s.kind() == ConnectionState.Kind.RECONNECTING));
        await().atMost(PATIENCE).until(() -> fx(() -> vm.resyncs()) >= 1);
        List<String> after = start(2, Orders.Mix.ALL_GOOD);
        awaitInTable(after, ProcessStatus.COMPLETED);
        assertThat(fx(() -> vm.actions().activity().stream().map(ActivityEntry::text).toList()))
                .anyMatch(t -> t.startsWith("Lost the embedded runtime"))
                .anyMatch(t -> t.startsWith("Reconnected to the embedded runtime"));
    }

    @Test
    void a_forged_service_reply_shows_up_as_a_dead_letter_with_its_reason(FxRobot robot) {
        vm.actions().sendForgedReply().join();
        robot.clickOn("#deadLettersTab");
        await().atMost(PATIENCE).until(() -> fx(() -> part("#deadLettersPane", DeadLettersPane.class).table().getItems().size()) == 1);
        assertThat(fx(() -> part("#deadLettersPane", DeadLettersPane.class).table().getItems().get(0).explain())).isEqualTo("The task id was forged or damaged");
        fxRun(() -> part("#deadLettersPane", DeadLettersPane.class).table().getSelectionModel().select(0));
        assertThat(fx(() -> part("#monitorTabs", TabPane.class).getSelectionModel().getSelectedItem().getText())).isEqualTo("Dead letters (1)");
        screenshot("monitor-06-dead-letters");
    }

    @Test
    void cancelling_all_matching_the_filter_runs_one_job_shown_under_the_table(FxRobot robot) {
        List<String> flaky = start(3, ALL_FLAKY);
        awaitInTable(flaky, ProcessStatus.FAILED);
        fxRun(() -> vm.setFilter(ProcessFilter.NONE.withStatuses(Set.of(ProcessStatus.FAILED))));
        await().atMost(PATIENCE).until(() -> fx(() -> vm.table().totalProperty().get()) == 3);

        // The headless robot's right click makes no ContextMenuEvent: open the table's menu as that event would.
        fxRun(() -> {
            TableView<ProcessItem> table = part("#processTablePane", ProcessTablePane.class).table();
            table.getContextMenu().show(table, Side.TOP, 40, 60);
        });
        robot.clickOn("Cancel All Matching the Filter…");

        await().atMost(PATIENCE).until(() -> dialogs.confirmations.size() == 1);
        assertThat(dialogs.confirmations.get(0)).isEqualTo("Cancel the 3 processes matching the filter? | Cancel 3 processes");
        await().atMost(PATIENCE).until(() -> flaky.stream().allMatch(id -> statusInStore(id) == ProcessStatus.CANCELLED));
        await().atMost(PATIENCE).until(() -> fx(() -> vm.actions().lastProperty().get().text())
                .equals("Cancelled 3 of 3 processes matching the filter"));
        assertThat(fx(() -> robot.lookup("#jobProgressText").queryAs(Label.class).getText())).contains("cancel job", "DONE, 3 of 3");
        fxRun(() -> vm.setFilter(ProcessFilter.NONE));
        screenshot("monitor-07-bulk-job-done");
    }

    @Test
    void a_dead_letter_is_replayed_with_a_click_and_counted_no_more(FxRobot robot) {
        vm.actions().sendForgedReply().join();
        robot.clickOn("#deadLettersTab");
        await().atMost(PATIENCE).until(() -> fx(() -> part("#deadLettersPane", DeadLettersPane.class).table().getItems().size()) == 1);
        fxRun(() -> part("#deadLettersPane", DeadLettersPane.class).table().getSelectionModel().select(0));

        robot.clickOn("#replayDeadLetters");

        await().atMost(PATIENCE).until(() -> fx(() -> part("#deadLettersPane", DeadLettersPane.class).table().getItems().stream()
                .anyMatch(r -> "REPLAYED".equals(r.state()))));
        // The forged reply is refused again when it comes back: one new dead letter, the replayed one no longer counted.
        await().atMost(PATIENCE).until(() -> fx(() -> part("#deadLettersPane", DeadLettersPane.class).table().getItems().size()) == 2);
        assertThat(fx(() -> part("#monitorTabs", TabPane.class).getSelectionModel().getSelectedItem().getText())).isEqualTo("Dead letters (1)");
        assertThat(fx(() -> vm.actions().activity().stream().map(ActivityEntry::text).toList())).contains("Replayed 1 dead letter");
        screenshot("monitor-08-dead-letter-replayed");
    }

    @Test
    void the_table_filters_through_the_store_and_sorts_the_loaded_rows(FxRobot robot) {
        List<String> flaky = start(2, ALL_FLAKY);
        List<String> good = start(3, Orders.Mix.ALL_GOOD);
        awaitInTable(flaky, ProcessStatus.FAILED);
        awaitInTable(good, ProcessStatus.COMPLETED);

        robot.clickOn("#tile-failed");
        await().atMost(PATIENCE).until(() -> fx(() -> vm.table().items().size()) == 2);
        assertThat(fx(() -> vm.table().items().stream().map(ProcessItem::id).toList())).containsExactlyInAnyOrderElementsOf(flaky);

        robot.clickOn("#tile-failed");
        robot.clickOn("#searchField").write(good.get(2).substring(good.get(2).length() - 12)).type(KeyCode.ENTER);
        await().atMost(PATIENCE).until(() -> fx(() -> vm.table().items().size()) == 1);
        assertThat(fx(() -> vm.table().items().get(0).id())).isEqualTo(good.get(2));

        robot.clickOn("#clearFilters");
        await().atMost(PATIENCE).until(() -> fx(() -> vm.table().items().size()) == 5);
        fxRun(() -> {
            var table = part("#processTablePane", ProcessTablePane.class).table();
            table.getSortOrder().setAll(table.getColumns().stream().filter(c -> c.getText().equals("Stage")).findFirst().orElseThrow());
        });
        List<String> stages = fx(() -> vm.table().items().stream().map(i -> i.row().stage()).toList());
        assertThat(stages).isSortedAccordingTo(Comparator.naturalOrder());
    }
}
