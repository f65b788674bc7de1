package io.caseflow.designer.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.caseflow.definition.CaseDefinition;
import io.caseflow.definition.Layout;
import io.caseflow.definition.StageDefinition;
import io.caseflow.definition.StageKind;
import io.caseflow.definition.TransitionDefinition;
import io.caseflow.designer.app.actions.RecentFiles;
import io.caseflow.designer.app.deploy.DeployTargets;
import io.caseflow.designer.deploy.ConnectionProfiles;
import io.caseflow.designer.deploy.EmbeddedRuntime;
import io.caseflow.designer.deploy.TokenStore;
import io.caseflow.designer.editor.CaseDocument;
import io.caseflow.designer.problems.ProblemsViewModel;
import io.caseflow.samples.BusinessCase1;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.function.Predicate;
import java.util.prefs.Preferences;
import javafx.scene.AccessibleRole;
import javafx.scene.Node;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
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

/**
 * The editor by keyboard alone: from File ▸ New to a valid case with the menus' accelerators, the
 * canvas's keys (arrows, Tab, C to connect by name, K for the kind, F2, Escape) and Tab into the
 * property sheet; the canvas's accessible text follows the selection. No pointer event at all.
 */
@ExtendWith(ApplicationExtension.class)
class KeyboardEditingFxTest {
    @TempDir
    static Path home;

    static EmbeddedRuntime runtime;
    static FxUiExecutor ui;

    private final FxRobot robot = new FxRobot();
    private Stage stage;
    private CaseDocument document;
    private ProblemsViewModel problems;
    private Preferences prefs;

    /** The embedded runtime knows the sample's handlers (the property sheet lists them, validation checks them). */
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
        problems = new ProblemsViewModel();
        DeployTargets targets = new DeployTargets(new ConnectionProfiles(prefs.node("connections"),
                new TokenStore(home.resolve("tokens-" + UUID.randomUUID() + ".properties"))), prefs);
        MainWindow window = new MainWindow(stage, ui, new ScriptedDialogs(), new RecentFiles(prefs), document, problems, targets);
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

    private void settle() {
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void key(KeyCode... chord) {
        robot.press(chord);
        for (int i = chord.length - 1; i >= 0; i--) {
            robot.release(chord[i]);
        }
        settle();
    }

    private Canvas canvas() {
        return robot.lookup("#caseCanvas").queryAs(Canvas.class);
    }

    private String spoken() {
        return fx(() -> canvas().getAccessibleText());
    }

    private List<String> selected() {
        return fx(() -> document.selection().orderedStages());
    }

    private CaseDefinition definition() {
        return fx(() -> document.definition());
    }

    /** Presses Tab (or Shift+Tab) until the focus owner is what {@code target} wants; fails after 80 presses. */
    private void tabUntil(Predicate<Node> target, boolean backwards, String what) {
        for (int i = 0; i < 80; i++) {
            Node owner = fx(() -> stage.getScene().getFocusOwner());
            if (owner != null && target.test(owner)) {
                return;
            }
            if (backwards) {
                key(KeyCode.SHIFT, KeyCode.TAB);
            } else {
                key(KeyCode.TAB);
            }
        }
        throw new AssertionError("Tab never reached " + what + "; focus is on " + fx(() -> stage.getScene().getFocusOwner()));
    }

    private static boolean within(Node node, String id) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (id.equals(n.getId())) {
                return true;
            }
        }
        return false;
    }

    private void rename(String name) {
        key(KeyCode.F2);
        key(KeyCode.CONTROL, KeyCode.A);
        robot.write(name);
        key(KeyCode.ENTER);
    }

    /**
     * Tabs from the canvas into the property sheet's handler field (forwards past the last stage, or
     * backwards past the first), types {@code handler}, and tabs back to the canvas.
     */
    private void setHandler(String handler, boolean backwards) {
        String stageName = selected().get(0);
        tabUntil(n -> within(n, "prop-stage-handler"), backwards, "the handler field");
        assertThat(selected()).as("leaving the canvas keeps the selection").containsExactly(stageName);
        key(KeyCode.CONTROL, KeyCode.A);
        robot.write(handler);
        key(KeyCode.ENTER);
        tabUntil(n -> n == canvas(), !backwards, "the canvas");
        assertThat(selected()).containsExactly(stageName);
        assertThat(definition().stage(stageName).orElseThrow().handler()).isEqualTo(handler);
    }

    @Test
    void a_case_is_drawn_from_new_to_valid_by_keyboard_alone() {
        settle();
        assertThat(fx(() -> canvas().getAccessibleRole())).isEqualTo(AccessibleRole.TEXT);
        assertThat(fx(() -> canvas().getAccessibleHelp())).contains("Arrow keys", "C connects", "Tab");

        key(KeyCode.CONTROL, KeyCode.N);
        assertThat(definition().stages()).isEmpty();
        tabUntil(n -> n == canvas(), false, "the canvas");
        assertThat(spoken()).isEqualTo("Case 'newCase', 0 stages, nothing selected");

        // three stages from the Stage menu's accelerators, each selected as it is added
        // (the handler field is reached by tabbing out of the canvas: Shift+Tab past the first stage, Tab past the last)
        key(KeyCode.CONTROL, KeyCode.DIGIT1);
        rename("check");
        setHandler("orders.validateOrder", true);
        key(KeyCode.CONTROL, KeyCode.DIGIT1);
        rename("approve");
        setHandler("orders.reserveStock", false);
        key(KeyCode.CONTROL, KeyCode.DIGIT1);
        String added = selected().get(0);
        assertThat(spoken()).startsWith("Stage '" + added + "', task without handler, 1 error, 1 warning: Error: no path leads here");
        key(KeyCode.K);
        assertThat(definition().stage(added).orElseThrow().kind()).isEqualTo(StageKind.SERVICE);
        key(KeyCode.K);
        assertThat(definition().stage(added).orElseThrow().kind()).isEqualTo(StageKind.END);
        rename("done");
        assertThat(spoken()).startsWith("Stage 'done', end, ");
        assertThat(fx(() -> stage.getScene().getFocusOwner())).as("back on the canvas after renaming").isSameAs(canvas());

        // arrows go to the nearest stage that way (each added stage sits down and right of the one before), Home and End, Tab
        key(KeyCode.LEFT);
        assertThat(selected()).containsExactly("approve");
        key(KeyCode.UP);
        assertThat(selected()).containsExactly("check");
        assertThat(spoken()).startsWith("Stage 'check', task orders.validateOrder, start stage, 1 error: it has no outgoing transition");
        key(KeyCode.END);
        assertThat(selected()).containsExactly("done");
        key(KeyCode.HOME);
        assertThat(selected()).containsExactly("check");
        key(KeyCode.TAB);
        assertThat(selected()).containsExactly("approve");
        key(KeyCode.SHIFT, KeyCode.TAB);
        assertThat(selected()).containsExactly("check");
        assertThat(fx(() -> stage.getScene().getFocusOwner())).isSameAs(canvas());

        // connect by name: C, a few letters, Enter; Escape cancels
        key(KeyCode.C);
        assertThat(fx(() -> robot.lookup("#connectPicker").query().isVisible())).isTrue();
        robot.write("ap");
        settle();
        assertThat(fx(() -> List.copyOf(robot.lookup("#connectList").queryAs(ListView.class).getItems()))).containsExactly("approve");
        key(KeyCode.ENTER);
        assertThat(definition().transitions()).containsExactly(new TransitionDefinition("check", "approve", "next"));
        assertThat(fx(() -> stage.getScene().getFocusOwner())).isSameAs(canvas());
        key(KeyCode.C);
        robot.write("d");
        key(KeyCode.ESCAPE);
        assertThat(fx(() -> robot.lookup("#connectPicker").query().isVisible())).isFalse();
        assertThat(definition().transitions()).hasSize(1);
        key(KeyCode.RIGHT);
        assertThat(selected()).containsExactly("approve");
        key(KeyCode.C);
        robot.write("do");
        key(KeyCode.ENTER);
        assertThat(definition().transitions()).contains(new TransitionDefinition("approve", "done", "next"));

        // start stage (Stage ▸ Set as Start Stage)
        key(KeyCode.HOME);
        key(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.T);
        assertThat(definition().startStage()).isEqualTo("check");

        assertThat(fx(() -> problems.rows())).as("the problems list").isEmpty();
        key(KeyCode.HOME);
        assertThat(spoken()).isEqualTo("Stage 'check', task orders.validateOrder, start stage, no problems");
        key(KeyCode.ESCAPE);
        assertThat(spoken()).isEqualTo("Case 'newCase', 3 stages, nothing selected");

        // Delete deletes what is selected (Edit ▸ Delete), and undo brings it back
        key(KeyCode.END);
        key(KeyCode.DELETE);
        assertThat(definition().stage("done")).isEmpty();
        key(KeyCode.CONTROL, KeyCode.Z);
        assertThat(definition().stage("done")).isPresent();
        fx(() -> Screenshots.save(stage.getScene().getRoot(), "keyboard-01-valid"));
    }

    @Test
    void transitions_are_selected_relabelled_and_deleted_by_keyboard() {
        CaseDefinition charge = CaseDefinition.builder("pay", "v1")
                .stage(StageDefinition.service("charge", "orders.chargePayment", "payments", "charge").withLayout(new Layout(40, 40)))
                .stage(StageDefinition.end("paid").withLayout(new Layout(320, 40)))
                .stage(StageDefinition.end("refused").withLayout(new Layout(320, 200)))
                .transition("charge", "paid", "ok")
                .transition("charge", "refused", "declined")
                .build();
        fx(() -> {
            document.load(charge, null, "pay.case.json", List.of());
            return null;
        });
        tabUntil(n -> n == canvas(), false, "the canvas");
        key(KeyCode.HOME);
        assertThat(selected()).containsExactly("charge");
        assertThat(fx(() -> canvas().getAccessibleHelp())).contains("T selects the transitions leaving the selected stage");

        // T walks the transitions leaving the stage, Shift+T and Up go back, Down forward
        key(KeyCode.T);
        assertThat(fx(() -> document.selection().singleTransition())).contains(0);
        assertThat(spoken()).startsWith("Transition from 'charge' to 'paid' (1 of 2 leaving it), outcome ok, ");
        key(KeyCode.T);
        assertThat(fx(() -> document.selection().singleTransition())).contains(1);
        key(KeyCode.T);
        assertThat(fx(() -> document.selection().singleTransition())).as("wraps around").contains(0);
        key(KeyCode.SHIFT, KeyCode.T);
        assertThat(fx(() -> document.selection().singleTransition())).contains(1);
        key(KeyCode.UP);
        assertThat(fx(() -> document.selection().singleTransition())).contains(0);
        key(KeyCode.DOWN);
        assertThat(spoken()).startsWith("Transition from 'charge' to 'refused' (2 of 2 leaving it), outcome declined, ");

        // F2 edits the outcome in place; the transition stays selected
        key(KeyCode.F2);
        key(KeyCode.CONTROL, KeyCode.A);
        robot.write("refused");
        key(KeyCode.ENTER);
        assertThat(definition().transitions().get(1)).isEqualTo(new TransitionDefinition("charge", "refused", "refused"));
        assertThat(spoken()).startsWith("Transition from 'charge' to 'refused' (2 of 2 leaving it), outcome refused, ");
        assertThat(fx(() -> stage.getScene().getFocusOwner())).isSameAs(canvas());
        fx(() -> Screenshots.save(stage.getScene().getRoot(), "keyboard-02-transition"));

        // Right and Left follow the transition to its stages
        key(KeyCode.RIGHT);
        assertThat(selected()).containsExactly("refused");
        key(KeyCode.T);
        assertThat(selected()).as("nothing leaves an end stage; the selection stays").containsExactly("refused");
        key(KeyCode.HOME);
        key(KeyCode.T);
        key(KeyCode.LEFT);
        assertThat(selected()).containsExactly("charge");
        assertThat(fx(() -> robot.lookup("#statusBar").queryAs(StatusBar.class).getText()))
                .as("the status line follows, no longer describing the transition").isEqualTo("'charge', the stage the transition leaves.");

        // Delete deletes the selected transition only, undo brings it back
        key(KeyCode.T);
        key(KeyCode.DELETE);
        assertThat(definition().transitions()).containsExactly(new TransitionDefinition("charge", "refused", "refused"));
        assertThat(definition().stages()).hasSize(3);
        key(KeyCode.CONTROL, KeyCode.Z);
        assertThat(definition().transitions()).hasSize(2);
    }
}
