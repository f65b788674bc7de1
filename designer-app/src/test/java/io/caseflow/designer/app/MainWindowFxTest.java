package io.caseflow.designer.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.caseflow.definition.CaseDefinition;
import io.caseflow.definition.DefinitionJson;
import io.caseflow.definition.Layout;
import io.caseflow.definition.StageDefinition;
import io.caseflow.definition.TransitionDefinition;
import io.caseflow.definition.StageKind;
import io.caseflow.designer.app.actions.DesignerDialogs;
import io.caseflow.designer.app.actions.RecentFiles;
import io.caseflow.designer.app.deploy.DeployTargets;
import io.caseflow.designer.canvas.CaseCanvas;
import io.caseflow.designer.deploy.ConnectionProfiles;
import io.caseflow.designer.deploy.EmbeddedRuntime;
import io.caseflow.designer.deploy.TokenStore;
import io.caseflow.designer.drawio.DrawioFile;
import io.caseflow.designer.drawio.DrawioImport;
import io.caseflow.designer.editor.CaseDocument;
import io.caseflow.designer.editor.Edits;
import io.caseflow.designer.editor.Hit;
import io.caseflow.designer.editor.NodeGeometry;
import io.caseflow.designer.editor.Point;
import io.caseflow.designer.bench.GeneratedCases;
import io.caseflow.designer.layout.AutoLayoutTest;
import io.caseflow.designer.monitor.source.EmbeddedMonitorSource;
import io.caseflow.designer.problems.ProblemsViewModel;
import io.caseflow.samples.BusinessCase1;
import io.caseflow.definition.DeployedDefinition;
import io.caseflow.validation.Severity;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.prefs.Preferences;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.geometry.VerticalDirection;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.HBox;
import javafx.stage.Stage;
import org.controlsfx.control.StatusBar;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Every interaction of the main window, driven through the real UI (headless Monocle in the build). */
@ExtendWith(ApplicationExtension.class)
class MainWindowFxTest {
    @TempDir
    static Path home;
    @TempDir
    Path files;
    static EmbeddedRuntime runtime;
    static FxUiExecutor ui;

    private final FxRobot robot = new FxRobot();
    private MainWindow window;
    private Stage stage;
    private CaseDocument document;
    private ProblemsViewModel problems;
    private ScriptedDialogs dialogs;
    private Preferences prefs;

    @BeforeAll
    static void startRuntime() throws Exception {
        runtime = EmbeddedRuntime.start(home);
        ui = new FxUiExecutor();
    }

    @AfterAll
    static void stopRuntime() {
        ui.close();
        runtime.close();
    }

    @Start
    void start(Stage stage) {
        prefs = Preferences.userRoot().node("caseflow-designer-test-" + UUID.randomUUID());
        this.stage = stage;
        document = CaseDocument.untitled(BusinessCase1.definition());
        document.load(BusinessCase1.definition(), null, "businessCase1.case.json", List.of());
        problems = new ProblemsViewModel();
        dialogs = new ScriptedDialogs();
        DeployTargets targets = new DeployTargets(new ConnectionProfiles(prefs.node("connections"),
                new TokenStore(home.resolve("tokens-" + UUID.randomUUID() + ".properties"))), prefs);
        window = new MainWindow(stage, ui, dialogs, new RecentFiles(prefs), document, problems, targets);
        window.runtimeReady(runtime);
        stage.show();
    }

    @AfterEach
    void cleanUp() throws Exception {
        prefs.removeNode();
    }

    private <T> T fx(Callable<T> read) {
        try {
            return WaitForAsyncUtils.asyncFx(read).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private void fx(Runnable action) {
        WaitForAsyncUtils.asyncFx(action);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void settle() {
        WaitForAsyncUtils.waitForFxEvents();
    }

    private CaseCanvas canvas() {
        return robot.lookup("#designCanvas").queryAs(CaseCanvas.class);
    }

    /** The painted canvas node inside the case canvas (what the pointer clicks on). */
    private Canvas paintedCanvas() {
        return robot.lookup("#caseCanvas").queryAs(Canvas.class);
    }

    /** Screen coordinates of a model point. */
    private Point2D screenPoint(Point model) {
        Point p = canvas().viewport().toScreen(model);
        return paintedCanvas().localToScreen(p.x(), p.y());
    }

    private Point2D centerOf(String stage) {
        return fx(() -> {
            Layout l = document.definition().stage(stage).orElseThrow().layout();
            return screenPoint(new Point(l.x() + NodeGeometry.WIDTH / 2, l.y() + NodeGeometry.HEIGHT / 2));
        });
    }

    private Point2D portOf(String stage) {
        return fx(() -> {
            Layout l = document.definition().stage(stage).orElseThrow().layout();
            return screenPoint(new Point(l.x() + NodeGeometry.WIDTH, l.y() + NodeGeometry.HEIGHT / 2));
        });
    }

    private CaseDefinition definition() {
        return fx(() -> document.definition());
    }

    private void screenshot(String name) {
        settle();
        fx(() -> {
            canvas().paintNow();
            Screenshots.save(stage.getScene().getRoot(), name);
        });
    }

    /** Clicks a tool bar button the way a user would, without moving the pointer. */
    private void fire(String buttonId) {
        fx(() -> robot.lookup(buttonId).queryButton().fire());
    }

    /** Chooses a menu item by its id ({@code menu-…}). */
    private void fireMenu(String itemId) {
        MenuItem item = MenuItems.find(robot, itemId);
        assertThat(item).as(itemId).isNotNull();
        fx(item::fire);
    }

    @Test
    void the_monitor_tab_watches_the_embedded_runtime_and_the_status_bar_shows_its_connection(FxRobot robot) {
        settle();
        var view = fx(() -> window.monitorOn(EmbeddedMonitorSource.builder(runtime)
                .executor(ui.background()).build()));
        robot.clickOn("#monitorTab");
        assertThat(fx(() -> window.isMonitorShown())).isTrue();
        await().atMost(Duration.ofSeconds(20)).until(() -> fx(() -> robot.lookup("#monitorStatus").queryAs(HBox.class)
                .getChildren().get(1).toString()).contains("Monitor: live · embedded runtime"));
        List<String> ids = view.viewModel().source().demo().orElseThrow().start(3).join();
        await().atMost(Duration.ofSeconds(30)).until(() -> fx(() -> ids.stream().allMatch(id -> view.viewModel().table().item(id) != null
                && view.viewModel().table().item(id).row().status().isTerminal())));
        settle();
        fx(() -> {
            view.canvas().paintNow();
            Screenshots.save(stage.getScene().getRoot(), "11-monitor-tab");
        });
        robot.clickOn("#designTab");
        assertThat(fx(() -> window.isMonitorShown())).isFalse();
        fx(() -> window.closeMonitor());
        fireMenu("menu-monitorRefresh");
        assertThat(fx(() -> robotStatus())).as("no monitor any more").startsWith("The monitor is not ready yet");
    }

    @Test
    void the_remote_monitor_dialog_names_what_is_missing() {
        assertThat(RemoteMonitorDialog.problem("localhost:8080", "t")).isEqualTo("The server URL must start with http:// or https://");
        assertThat(RemoteMonitorDialog.problem("http://localhost:8080", " ")).isEqualTo("The read-only token is needed to read processes");
        assertThat(RemoteMonitorDialog.problem("https://caseflow.example.com", "token")).isNull();
    }

    @Test
    void opens_on_the_sample_drawn_and_valid(FxRobot robot) {
        settle();
        assertThat(stage.getTitle()).isEqualTo("businessCase1.case.json — caseflow designer");
        assertThat(definition().stages()).hasSize(9);
        assertThat(fx(() -> problems.rows())).isEmpty();
        assertThat(robot.lookup("#validationStatus").queryAs(HBox.class).getChildren().get(1).toString())
                .contains("No problems");
        screenshot("01-sample");
    }

    @Test
    void clicking_a_palette_item_adds_a_stage_and_undo_removes_it(FxRobot robot) {
        settle();
        robot.clickOn("#palette-service");
        settle();
        assertThat(definition().stages()).hasSize(10);
        StageDefinition added = definition().stage("service1").orElseThrow();
        assertThat(added.isService()).isTrue();
        assertThat(fx(() -> document.selection().stages())).containsExactly("service1");
        assertThat(stage.getTitle()).startsWith("businessCase1.case.json*");
        screenshot("02-added-service-stage");

        robot.press(KeyCode.CONTROL, KeyCode.Z).release(KeyCode.Z, KeyCode.CONTROL);
        settle();
        assertThat(definition().stages()).hasSize(9);
        assertThat(stage.getTitle()).doesNotContain("*");
    }

    @Test
    void dropping_a_palette_kind_adds_it_where_it_was_dropped() {
        settle();
        fx(() -> {
            Point at = canvas().viewport().toScreen(new Point(600, 500));
            canvas().dropStage(StageKind.END, at.x(), at.y());
        });
        StageDefinition end = definition().stage("end1").orElseThrow();
        assertThat(end.layout()).isEqualTo(new Layout(520, 480));
    }

    @Test
    void dragging_a_stage_moves_it_on_the_grid_as_one_undoable_step(FxRobot robot) {
        settle();
        Point2D from = centerOf("validateOrder");
        double scale = fx(() -> canvas().viewport().scale());
        robot.drag(from, MouseButton.PRIMARY).moveBy(30, 20).moveBy(30 + 0 * scale, 40).release(MouseButton.PRIMARY);
        settle();
        Layout moved = definition().stage("validateOrder").orElseThrow().layout();
        assertThat(moved).isNotEqualTo(new Layout(40, 200));
        assertThat(moved.x() % 20).isZero();
        assertThat(moved.y() % 20).isZero();
        assertThat(fx(() -> document.stack().undoSize())).isEqualTo(1);
        robot.press(KeyCode.CONTROL, KeyCode.Z).release(KeyCode.Z, KeyCode.CONTROL);
        settle();
        assertThat(definition().stage("validateOrder").orElseThrow().layout()).isEqualTo(new Layout(40, 200));
    }

    @Test
    void dragging_from_a_port_to_another_stage_connects_them(FxRobot robot) {
        settle();
        robot.drag(portOf("cancelOrder"), MouseButton.PRIMARY).moveBy(20, -40).moveTo(centerOf("completed")).release(MouseButton.PRIMARY);
        settle();
        assertThat(definition().transitions()).contains(new TransitionDefinition("cancelOrder", "completed", "branch1"));
        screenshot("03-connected");
    }

    @Test
    void delete_removes_the_stage_and_its_transitions_and_undo_brings_them_back(FxRobot robot) {
        settle();
        robot.clickOn(centerOf("releaseStock"));
        robot.type(KeyCode.DELETE);
        settle();
        assertThat(definition().stage("releaseStock")).isEmpty();
        assertThat(definition().transitions()).noneMatch(t -> t.from().equals("releaseStock") || t.to().equals("releaseStock"));
        robot.press(KeyCode.CONTROL, KeyCode.Z).release(KeyCode.Z, KeyCode.CONTROL);
        settle();
        assertThat(definition()).isEqualTo(BusinessCase1.definition());
    }

    @Test
    void zoom_by_wheel_keys_fit_and_100_percent(FxRobot robot) {
        settle();
        robot.clickOn("#actualSizeButton");
        settle();
        assertThat(fx(() -> canvas().viewport().scale())).isEqualTo(1.0);
        robot.press(KeyCode.CONTROL, KeyCode.MINUS).release(KeyCode.MINUS, KeyCode.CONTROL);
        settle();
        assertThat(fx(() -> canvas().viewport().scale())).isLessThan(1.0);
        robot.moveTo(centerOf("chargePayment")).scroll(3, VerticalDirection.UP);
        settle();
        double afterWheel = fx(() -> canvas().viewport().scale());
        assertThat(afterWheel).isNotEqualTo(1 / 1.2);
        robot.clickOn("#fitButton");
        settle();
        Bounds canvas = fx(() -> paintedCanvas().localToScreen(paintedCanvas().getBoundsInLocal()));
        for (StageDefinition s : definition().stages()) {
            assertThat(canvas.contains(centerOf(s.name()))).as(s.name()).isTrue();
        }
        assertThat(robot.lookup("#zoomLabel").queryLabeled().getText()).endsWith("%");
        screenshot("04-fit-to-window");
    }

    @Test
    void editing_a_property_is_an_undoable_command(FxRobot robot) {
        settle();
        robot.clickOn(centerOf("reserveStock"));
        settle();
        TextField timeout = robot.lookup("#prop-stage-timeout").queryAs(TextField.class);
        assertThat(timeout.getText()).isEqualTo("10s");
        robot.doubleClickOn(timeout).press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL);
        robot.write("45s").type(KeyCode.ENTER);
        settle();
        assertThat(definition().stage("reserveStock").orElseThrow().timeout()).isEqualTo(Duration.ofSeconds(45));
        screenshot("05-property-edited");
        fire("#undoButton");
        assertThat(definition().stage("reserveStock").orElseThrow().timeout()).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void a_broken_case_gets_markers_and_clicking_a_problem_reveals_it(FxRobot robot) {
        settle();
        int index = definition().transitions().indexOf(TransitionDefinition.of("notifyCustomer", "completed"));
        fx(() -> document.execute(Edits.delete(List.of(), List.of(index))));
        settle();
        await().atMost(Duration.ofSeconds(5)).until(() -> fx(() -> problems.stageMarks().containsKey("notifyCustomer")));
        assertThat(fx(() -> problems.stageMarks().get("notifyCustomer"))).isEqualTo(Severity.ERROR);
        assertThat(fx(() -> canvas().decorations().stageMarks())).containsKey("notifyCustomer");
        String tooltip = fx(() -> problems.tooltip(new Hit.StageBody("notifyCustomer")));
        assertThat(tooltip).contains("no outgoing transition");
        screenshot("06-validation-markers");

        TableView<ProblemsViewModel.Row> table = robot.lookup("#problemsTable").queryTableView();
        int row = fx(() -> {
            for (int i = 0; i < table.getItems().size(); i++) {
                if ("stage 'notifyCustomer'".equals(table.getItems().get(i).element())) {
                    return i;
                }
            }
            return -1;
        });
        fx(() -> document.selection().clear());
        fx(() -> table.getSelectionModel().select(row));
        assertThat(fx(() -> document.selection().stages())).containsExactly("notifyCustomer");
    }

    @Test
    void double_click_renames_in_place(FxRobot robot) {
        settle();
        robot.doubleClickOn(centerOf("validateOrder"));
        settle();
        TextField editor = robot.lookup("#inlineEditor").queryAs(TextField.class);
        assertThat(editor.isVisible()).isTrue();
        robot.press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL).write("checkOrder").type(KeyCode.ENTER);
        settle();
        assertThat(definition().stage("checkOrder")).isPresent();
        assertThat(definition().startStage()).isEqualTo("checkOrder");
        assertThat(definition().transitions().get(0).from()).isEqualTo("checkOrder");
    }

    @Test
    void save_writes_the_layout_exactly_and_open_reads_it_back(FxRobot robot) throws Exception {
        settle();
        Path file = files.resolve("orders.case.json");
        fx(() -> document.execute(Edits.move(Map.of("completed", new Layout(1160.5, 80)))));
        dialogs.files.add(file);
        robot.press(KeyCode.CONTROL, KeyCode.S).release(KeyCode.S, KeyCode.CONTROL);
        settle();
        assertThat(Files.readString(file)).isEqualTo(DefinitionJson.write(definition()));
        assertThat(DefinitionJson.read(file).stage("completed").orElseThrow().layout()).isEqualTo(new Layout(1160.5, 80));
        assertThat(stage.getTitle()).isEqualTo("orders.case.json — caseflow designer");
        assertThat(new RecentFiles(prefs).list()).containsExactly(file.toAbsolutePath());

        fire("#newButton");
        assertThat(definition().stages()).isEmpty();
        dialogs.files.add(file);
        fire("#openButton");
        assertThat(definition().stage("completed").orElseThrow().layout()).isEqualTo(new Layout(1160.5, 80));
        assertThat(dialogs.discardPrompts).isEmpty();
    }

    @Test
    void unsaved_changes_are_confirmed_before_they_are_lost() {
        settle();
        fx(() -> document.execute(Edits.rename("cancelled", "aborted")));
        dialogs.discardAnswer = DesignerDialogs.Discard.CANCEL;
        fire("#newButton");
        assertThat(dialogs.discardPrompts).containsExactly("businessCase1.case.json");
        assertThat(definition().stage("aborted")).isPresent();
        dialogs.discardAnswer = DesignerDialogs.Discard.DISCARD;
        fire("#newButton");
        assertThat(definition().stages()).isEmpty();
    }

    @Test
    void a_malformed_file_is_reported_and_the_document_is_untouched() throws Exception {
        settle();
        Path bad = files.resolve("broken.case.json");
        Files.writeString(bad, "{\n  \"name\": \"x\",\n  \"stages\": [ { \"name\": \"a\", \"timeout\": \"soon\" } ]\n}\n");
        fx(() -> window.openFile(bad));
        assertThat(dialogs.errors).singleElement().asString().contains("Cannot open broken.case.json", bad.toString() + ":3:",
                "stages[0].timeout");
        assertThat(definition()).isEqualTo(BusinessCase1.definition());

        Path badDrawio = files.resolve("broken.drawio");
        Files.writeString(badDrawio, "<mxfile><diagram name=\"P\"><mxGraphModel></diagram></mxfile>");
        fx(() -> window.importDrawioFile(badDrawio));
        assertThat(dialogs.errors).hasSize(2);
        assertThat(dialogs.errors.get(1)).contains("Cannot import broken.drawio", badDrawio + ":1:");
        assertThat(definition()).isEqualTo(BusinessCase1.definition());
    }

    @Test
    void export_then_import_gives_the_same_case_and_multi_page_imports_ask_for_a_page() throws Exception {
        settle();
        Path out = files.resolve("sample.drawio");
        dialogs.files.add(out);
        fireMenu("menu-exportDrawio");
        assertThat(DrawioImport.importPage(DrawioFile.read(out).pages().get(0), "sample.drawio").definition())
                .isEqualTo(BusinessCase1.definition());

        Path twoPages = Path.of(getClass().getResource("/drawio/plain-two-pages.drawio").toURI());
        dialogs.pageIndex = 1;
        dialogs.files.add(twoPages);
        fireMenu("menu-importDrawio");
        assertThat(definition().stages()).extracting(StageDefinition::name).containsExactly("Refund", "Closed");
        assertThat(stage.getTitle()).startsWith("plain-two-pages.drawio (Refunds)");

        Path edgeCases = Path.of(getClass().getResource("/drawio/edge-cases.drawio").toURI());
        fx(() -> window.importDrawioFile(edgeCases));
        settle();
        assertThat(fx(() -> problems.rows())).anyMatch(r -> r.element().equals("import") && r.message().contains("has no target"));
        screenshot("07-imported-edge-cases");
    }

    @Test
    void deploy_shows_the_changes_and_the_new_version_then_deploys_off_the_fx_thread() {
        settle();
        int before = latestVersion();
        fx(() -> document.execute(Edits.updateStage("reserveStock", "t", s -> s.withTimeout(Duration.ofSeconds(20)))));
        fx(() -> document.execute(Edits.move(Map.of("cancelled", new Layout(1140, 400)))));
        dialogs.whileConfirming = plan -> Screenshots.save(stage.getScene().getRoot(), "08-deploy-diff");
        fire("#deployButton");
        await().atMost(Duration.ofSeconds(10)).until(() -> dialogs.lastPlan != null);
        assertThat(dialogs.lastPlan.nextVersion()).isEqualTo(before + 1);
        assertThat(dialogs.lastPlan.diff().describe()).anyMatch(l -> l.startsWith("~ stage reserveStock: timeout 10s → 20s"));
        assertThat(dialogs.lastPlan.diff().onlyMoved("cancelled")).isTrue();
        await().atMost(Duration.ofSeconds(10)).until(() -> latestVersion() == before + 1);
        await().atMost(Duration.ofSeconds(5)).until(() -> fx(() -> robotStatus()).startsWith("Deployed businessCase1/v1 v" + (before + 1)));
        assertThat(fx(() -> canvas().decorations().diff())).isNull();
    }

    @Test
    void auto_layout_of_500_stages_is_one_undoable_step(FxRobot robot) {
        settle();
        CaseDefinition big = GeneratedCases.generate(500, 7);
        fx(() -> document.load(big, null, "generated.case.json", List.of()));
        robot.clickOn("#layoutButton");
        await().atMost(Duration.ofSeconds(20)).until(() -> fx(() -> document.stack().canUndo()));
        CaseDefinition laidOut = definition();
        assertThat(laidOut.stages()).hasSize(500);
        assertThat(laidOut).isNotEqualTo(big);
        assertThat(fx(() -> document.stack().undoLabel())).contains("Auto-layout");
        AutoLayoutTest.assertNoOverlaps(laidOut);
        screenshot("09-500-stages-fit");
        fx(() -> {
            canvas().actualSize();
            canvas().viewport().centerOn(new Point(NodeGeometry.WIDTH * 3, laidOut.stage("stage0").orElseThrow().layout().y()),
                    paintedCanvas().getWidth(), paintedCanvas().getHeight());
        });
        screenshot("10-500-stages-100-percent");
        fire("#undoButton");
        assertThat(definition()).isEqualTo(big);
    }

    @Test
    void deploy_refuses_an_invalid_case() {
        settle();
        int before = latestVersion();
        fx(() -> document.execute(Edits.delete(List.of(), List.of(0))));
        fire("#deployButton");
        assertThat(dialogs.errors).singleElement().asString().startsWith("Cannot deploy businessCase1/v1");
        assertThat(dialogs.lastPlan).isNull();
        assertThat(latestVersion()).isEqualTo(before);
    }

    private String robotStatus() {
        return robot.lookup("#statusBar").queryAs(StatusBar.class).getText();
    }

    private static int latestVersion() {
        return runtime.runtime().definitions().stream().map(DeployedDefinition::definition)
                .filter(d -> d.key().equals(BusinessCase1.KEY)).mapToInt(CaseDefinition::version).max().orElse(0);
    }
}
