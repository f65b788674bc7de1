package io.caseflow.designer.play;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.caseflow.designer.app.FxUiExecutor;
import io.caseflow.designer.app.MainWindow;
import io.caseflow.designer.app.actions.DesignerDialogs;
import io.caseflow.designer.app.actions.RecentFiles;
import io.caseflow.designer.app.deploy.DeployTargets;
import io.caseflow.designer.deploy.ConnectionProfiles;
import io.caseflow.designer.deploy.EmbeddedRuntime;
import io.caseflow.designer.deploy.TokenStore;
import io.caseflow.designer.editor.CaseDocument;
import io.caseflow.designer.editor.NodeGeometry;
import io.caseflow.designer.editor.Point;
import io.caseflow.designer.monitor.MonitorViewModel;
import io.caseflow.designer.monitor.ProcessItem;
import io.caseflow.designer.monitor.view.MonitorCanvas;
import io.caseflow.designer.monitor.view.MonitorView;
import io.caseflow.designer.problems.ProblemsViewModel;
import io.caseflow.process.ProcessStatus;
import io.caseflow.testing.TempFolders;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.prefs.Preferences;
import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Labeled;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Play driven through the main window: Case ▸ Play on a small drawn case, simulated processes, retries. */
@ExtendWith(ApplicationExtension.class)
class PlayFxTest {
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static Path home;
    private static String homeBefore;
    private static FxUiExecutor ui;

    private final FxRobot robot = new FxRobot();
    private Preferences prefs;
    private Stage stage;

    @BeforeAll
    static void home() throws IOException {
        home = Files.createTempDirectory("caseflow-play-test");
        homeBefore = System.setProperty(EmbeddedRuntime.HOME_PROPERTY, home.toString());
        ui = new FxUiExecutor();
    }

    @AfterAll
    static void restore() {
        ui.close();
        TempFolders.deleteQuietly(home);
        if (homeBefore == null) {
            System.clearProperty(EmbeddedRuntime.HOME_PROPERTY);
        } else {
            System.setProperty(EmbeddedRuntime.HOME_PROPERTY, homeBefore);
        }
    }

    @Start
    void start(Stage fxStage) {
        stage = fxStage;
        prefs = Preferences.userRoot().node("caseflow-play-test-" + UUID.randomUUID());
        CaseDocument document = CaseDocument.untitled(PlayCases.approval());
        document.load(PlayCases.approval(), null, "approval.case.json", List.of());
        DeployTargets targets = new DeployTargets(new ConnectionProfiles(prefs.node("connections"),
                new TokenStore(home.resolve("tokens-" + UUID.randomUUID() + ".properties"))), prefs);
        new MainWindow(stage, ui, silentDialogs(), new RecentFiles(prefs.node("recent")), document, new ProblemsViewModel(), targets);
        stage.show();
    }

    /** Play asks nothing in a dialog; every question gets the do-nothing answer. */
    private static DesignerDialogs silentDialogs() {
        return (DesignerDialogs) Proxy.newProxyInstance(PlayFxTest.class.getClassLoader(), new Class<?>[] {DesignerDialogs.class},
                (proxy, method, args) -> method.getReturnType() == Optional.class ? Optional.empty()
                        : method.getReturnType() == DesignerDialogs.Discard.class ? DesignerDialogs.Discard.DISCARD
                        : method.getReturnType() == boolean.class ? false : null);
    }

    @AfterEach
    void stop() throws Exception {
        // Hiding the window stops the play runtime.
        WaitForAsyncUtils.asyncFx(() -> stage.hide()).get();
        prefs.removeNode();
    }

    // ------------------------------------------------------------------ helpers

    private <T> T fx(Callable<T> read) {
        try {
            return WaitForAsyncUtils.asyncFx(read).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private Node inPlay(String query) {
        return robot.from(robot.lookup("#playView").queryAs(Node.class)).lookup(query).query();
    }

    private MonitorViewModel playMonitor() {
        return ((MonitorView) inPlay(".monitor-view")).viewModel();
    }

    private void awaitPlaying() {
        await().atMost(PATIENCE).until(() -> fx(() -> ((Labeled) robot.lookup("#playStatus").query()).getText().startsWith("Playing")));
        await().atMost(PATIENCE).until(() -> fx(() -> robot.lookup("#playView .monitor-canvas").tryQuery()
                .map(c -> ((MonitorCanvas) c).definition() != null && ((MonitorCanvas) c).definition().name().equals("approval"))
                .orElse(false)));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private Point2D screenPointOf(String stageName) {
        return fx(() -> {
            MonitorCanvas canvas = (MonitorCanvas) inPlay(".monitor-canvas");
            Point p = canvas.viewport().toScreen(NodeGeometry.bounds(canvas.definition().stage(stageName).orElseThrow()).center());
            return inPlay("#monitorCanvas").localToScreen(p.x(), p.y());
        });
    }

    private long completedAt(String stageName) {
        return fx(() -> playMonitor().counts().load(stageName).completed());
    }

    private long failedAt(String stageName) {
        return fx(() -> playMonitor().counts().load(stageName).failed());
    }

    @SuppressWarnings("unchecked")
    private TableView<ProcessItem> table() {
        return (TableView<ProcessItem>) inPlay("#processTable");
    }

    private void setSpinner(String id, int value) {
        robot.doubleClickOn(id).press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL)
                .write(String.valueOf(value)).type(KeyCode.ENTER);
    }

    private void screenshot(String name) {
        WaitForAsyncUtils.waitForFxEvents();
        fx(() -> {
            Path dir = Path.of(System.getProperty("caseflow.designer.screenshots", "target/screenshots"));
            try {
                Files.createDirectories(dir);
                ImageIO.write(SwingFXUtils.fromFXImage(stage.getScene().getRoot().snapshot(null, null), null), "png",
                        dir.resolve(name + ".png").toFile());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return null;
        });
    }

    // ------------------------------------------------------------------ scenarios

    @Test
    void ctrl_p_plays_the_drawn_case_and_twenty_weighted_processes_show_on_the_graph_and_in_the_table() {
        robot.press(KeyCode.CONTROL, KeyCode.P).release(KeyCode.P, KeyCode.CONTROL);
        awaitPlaying();
        assertThat(fx(() -> robot.lookup("#modeTabs").queryAs(TabPane.class).getSelectionModel()
                .getSelectedItem().getId())).isEqualTo("playTab");

        // A click on a stage chooses it for the settings; a second click clears the table's filter again.
        robot.clickOn(screenPointOf("review"));
        assertThat(fx(() -> ((ComboBox<?>) robot.lookup("#playStage").query()).getValue())).isEqualTo("review");
        robot.clickOn(screenPointOf("review"));
        robot.clickOn("#taskMode-weighted");
        setSpinner("#weight-approve", 80);
        setSpinner("#weight-reject", 20);
        assertThat(fx(() -> ((Labeled) robot.lookup("#share-approve").query()).getText())).isEqualTo("80 %");
        screenshot("play-01-settings");

        assertThat(fx(() -> ((Labeled) robot.lookup("#playStart").query()).getText())).isEqualTo("Start 20 Processes");
        robot.clickOn("#playStart");

        await().atMost(PATIENCE).until(() -> completedAt("shipped") + completedAt("rejected") == 20);
        // The same seed as PlayRuntimeTest: 20 draws at 80/20 give 17 and 3.
        assertThat(completedAt("shipped")).isEqualTo(17);
        assertThat(completedAt("rejected")).isEqualTo(3);
        await().atMost(PATIENCE).until(() -> fx(() -> table().getItems().size()) == 20);
        await().atMost(PATIENCE).until(() -> fx(() -> table().getItems().stream().allMatch(i -> i.row().status() == ProcessStatus.COMPLETED)));
        screenshot("play-02-twenty-processes");

        // Play Again empties the play database and keeps what the stages were set to do.
        robot.clickOn("#playAgain");
        awaitPlaying();
        await().atMost(PATIENCE).until(() -> fx(() -> table().getItems().isEmpty()) && completedAt("shipped") == 0);
        assertThat(fx(() -> ((ComboBox<?>) robot.lookup("#playStage").query()).getValue())).isEqualTo("review");
        assertThat(fx(() -> ((Labeled) robot.lookup("#share-reject").query()).getText())).isEqualTo("20 %");
    }

    @Test
    void a_simulated_service_error_fails_processes_and_they_complete_when_retried_after_the_reply_is_changed() {
        robot.clickOn("#playButton");
        awaitPlaying();
        robot.clickOn("#playStage").clickOn("charge");
        robot.clickOn("#replyError");
        robot.doubleClickOn("#replyErrorMessage").press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL)
                .write("card issuer did not answer");
        setSpinner("#playCount", 3);
        robot.clickOn("#playStart");

        await().atMost(PATIENCE).until(() -> failedAt("charge") == 3);
        assertThat(fx(() -> inPlay("#retryFailedAt").isDisabled())).isFalse();
        await().atMost(PATIENCE).until(() -> fx(() -> table().getItems().stream().filter(i -> i.row().isFailed()).count()) == 3);
        assertThat(fx(() -> table().getItems().get(0).row().error())).contains("card issuer did not answer");
        screenshot("play-03-service-errors");

        robot.clickOn("#replyError");
        String first = fx(() -> table().getItems().get(0).id());
        robot.clickOn("#retry-" + first);
        await().atMost(PATIENCE).until(() -> completedAt("shipped") == 1 && failedAt("charge") == 2);

        robot.clickOn("#retryFailedAt").clickOn("charge  (2 failed)");
        robot.clickOn("Retry 2 processes");
        await().atMost(PATIENCE).until(() -> completedAt("shipped") == 3);
        assertThat(failedAt("charge")).isZero();
        screenshot("play-04-retried");
    }
}
