package io.caseflow.designer.monitor.view;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.caseflow.definition.CaseKey;
import io.caseflow.designer.app.FxUiExecutor;
import io.caseflow.designer.deploy.EmbeddedRuntime;
import io.caseflow.designer.monitor.RetentionViewModel;
import io.caseflow.designer.monitor.source.EmbeddedMonitorSource;
import io.caseflow.process.ProcessStatus;
import io.caseflow.retention.sweep.FinishedProcesses;
import io.caseflow.testing.TempFolders;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.StackPane;
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

/** Monitor ▸ Retention… on the app's embedded runtime: the case's row, a period set by typing, a sweep on demand. */
@ExtendWith(ApplicationExtension.class)
class RetentionDialogFxTest {
    private static final CaseKey SAMPLE = new CaseKey("businessCase1", "v1");
    private static FxUiExecutor ui;
    private EmbeddedRuntime runtime;
    private Path home;
    private EmbeddedMonitorSource source;
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
        home = Files.createTempDirectory("caseflow-retention-test");
        runtime = EmbeddedRuntime.start(home);
        source = EmbeddedMonitorSource.builder(runtime).executor(ui.background()).build();
        FinishedProcesses.of(SAMPLE).insert(runtime.runtime().database(), 40, Instant.now().minus(Duration.ofDays(30)),
                ProcessStatus.COMPLETED);
        stage.setScene(new Scene(new StackPane(), 640, 400)); // a dialog takes its owner's stylesheets
        stage.show();
    }

    @AfterEach
    void stop() {
        source.close();
        runtime.close();
        TempFolders.deleteQuietly(home);
    }

    @Test
    void a_period_typed_in_is_set_and_a_sweep_deletes_what_expired() {
        RetentionViewModel vm = new RetentionViewModel(source.retention().orElseThrow(), ui, SAMPLE);
        fxRun(() -> new RetentionDialog(vm).show(stage));
        FxRobot robot = new FxRobot();
        await().atMost(Duration.ofSeconds(20)).until(() -> fx(() -> robot.lookup("#retentionTable").queryAs(TableView.class)
                .getItems().size()) >= 1);
        assertThat(fx(() -> vm.rowsNow().stream().filter(r -> r.caseName().equals("businessCase1")).findFirst().orElseThrow().keep()))
                .isEqualTo("forever");

        fxRun(() -> {
            robot.lookup("#retentionTarget").queryAs(TextField.class).setText("businessCase1");
            robot.lookup("#retentionPeriod").queryAs(TextField.class).setText("P7D");
        });
        robot.clickOn("#retentionSet");
        await().atMost(Duration.ofSeconds(20)).until(() -> text(robot, "#retentionMessage").contains("kept for P7D"));
        robot.clickOn("#retentionSweep");
        await().atMost(Duration.ofSeconds(20)).until(() -> text(robot, "#retentionMessage").equals("Swept: 40 finished processes deleted."));
        await().atMost(Duration.ofSeconds(20)).until(() -> text(robot, "#retentionSweeper").contains("40 deleted then"));
        fxRun(() -> Shots.save(robot.lookup("#retentionDialog").query(), "retention-dialog"));
        assertThat(fx(() -> vm.rowsNow().stream().filter(r -> r.caseName().equals("businessCase1")).findFirst().orElseThrow().from()))
                .isEqualTo("policy for the case");
    }

    private String text(FxRobot robot, String id) {
        return fx(() -> robot.lookup(id).queryAs(Label.class).getText());
    }

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
}
