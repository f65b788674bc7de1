package io.caseflow.designer.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.caseflow.cli.CaseflowCli;
import io.caseflow.client.CaseflowClient;
import io.caseflow.definition.CaseDefinition;
import io.caseflow.definition.CaseKey;
import io.caseflow.definition.Layout;
import io.caseflow.definition.StageDefinition;
import io.caseflow.designer.app.actions.RecentFiles;
import io.caseflow.designer.app.deploy.DeployTargets;
import io.caseflow.designer.concurrent.UiExecutor;
import io.caseflow.designer.deploy.ConnectionProfile;
import io.caseflow.designer.deploy.ConnectionProfiles;
import io.caseflow.designer.deploy.TokenStore;
import io.caseflow.designer.editor.CaseDocument;
import io.caseflow.designer.editor.Edits;
import io.caseflow.designer.monitor.view.MonitorView;
import io.caseflow.designer.problems.ProblemsViewModel;
import io.caseflow.installation.Installation;
import io.caseflow.process.ProcessQuery;
import io.caseflow.samples.BusinessCase1;
import io.caseflow.samples.jvm.WorkerProcess;
import io.caseflow.testing.ExternalServices;
import io.caseflow.worker.WorkerSnapshot;
import io.caseflow.worker.WorkerStatus;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.prefs.Preferences;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;
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
 * The designer against a real shared runtime: a {@code caseflow server} JVM on PostgreSQL and
 * RabbitMQ, and {@code caseflow worker} JVMs of the samples' module. Each run uses its own schema
 * and its own case api, so its queues are its own on the shared broker.
 */
@ExtendWith(ApplicationExtension.class)
class SharedRuntimeFxTest {
    private static final Pattern PORT = Pattern.compile(".*HTTP API on port (\\d+).*");
    private static final String TOKEN = "api-token-" + UUID.randomUUID();
    private static final String READ_ONLY = "read-token-" + UUID.randomUUID();

    @TempDir
    static Path dir;
    private static final Map<String, String> environment = new HashMap<>();
    private static final List<WorkerProcess> jvms = new ArrayList<>();
    private static WorkerProcess server;
    private static URI url;

    private final CaseKey key = new CaseKey("drawn" + UUID.randomUUID().toString().substring(0, 8), "v1");
    private final UiExecutor ui = UiExecutor.direct();
    private Preferences prefs;
    private CaseDocument document;
    private ScriptedDialogs dialogs;
    private ProblemsViewModel problems;
    private MainWindow window;

    @BeforeAll
    static void startServer() throws Exception {
        ExternalServices.requireRabbitMq();
        environment.put("CASEFLOW_JDBC_URL", ExternalServices.freshPostgresSchema());
        environment.put("CASEFLOW_BROKER_URI", ExternalServices.RABBITMQ_URI);
        environment.put("CASEFLOW_INSTALLATION", ExternalServices.testInstallation().name());
        environment.put("CASEFLOW_API_TOKEN", TOKEN);
        environment.put("CASEFLOW_API_READ_ONLY_TOKEN", READ_ONLY);
        environment.put("CASEFLOW_REGISTRY_HEARTBEAT_SECONDS", "1");
        server = start("server", "server", "--port", "0");
        String ready = server.awaitLine("caseflow server ready", Duration.ofSeconds(60))
                .orElseThrow(() -> new AssertionError("the server did not start: " + server.output()));
        Matcher port = PORT.matcher(ready);
        assertThat(port.matches()).as(ready).isTrue();
        url = URI.create("http://127.0.0.1:" + port.group(1));
    }

    @AfterAll
    static void stopAll() {
        jvms.forEach(WorkerProcess::destroy);
        Installation installation = ExternalServices.testInstallation();
        ExternalServices.deleteQueues(List.of(installation.innerQ(BusinessCase1.KEY), installation.serviceQ(BusinessCase1.KEY),
                installation.serviceRequests("warehouse"), installation.serviceRequests("payments"),
                installation.serviceRequests("shipping")));
    }

    private static WorkerProcess start(String name, String... args) throws Exception {
        WorkerProcess process = WorkerProcess.start(CaseflowCli.class, List.of(), environment, dir.resolve(name + ".log"), args);
        jvms.add(process);
        return process;
    }

    private WorkerProcess startWorker(String name) throws Exception {
        WorkerProcess worker = start(name + "-" + UUID.randomUUID(), "worker", "--cases", key.toString(), "--threads", "2");
        worker.awaitLine("caseflow worker ready", Duration.ofSeconds(60))
                .orElseThrow(() -> new AssertionError("worker " + name + " did not start: " + worker.output()));
        return worker;
    }

    @Start
    void start(Stage stage) {
        prefs = Preferences.userRoot().node("caseflow-shared-runtime-test-" + UUID.randomUUID());
        document = CaseDocument.untitled(drawn());
        document.load(drawn(), null, key.name() + ".case.json", List.of());
        problems = new ProblemsViewModel();
        dialogs = new ScriptedDialogs();
        DeployTargets targets = new DeployTargets(new ConnectionProfiles(prefs.node("connections"),
                new TokenStore(dir.resolve("tokens-" + UUID.randomUUID() + ".properties"))), prefs);
        window = new MainWindow(stage, ui, dialogs, new RecentFiles(prefs), document, problems, targets);
        stage.show();
    }

    @AfterEach
    void cleanUp() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> window.closeMonitor());
        WaitForAsyncUtils.waitForFxEvents();
        prefs.removeNode();
        ExternalServices.deleteQueues(List.of(ExternalServices.testInstallation().innerQ(key), ExternalServices.testInstallation().serviceQ(key)));
    }

    /** A case drawn for the samples' handlers: validate the order, then end. */
    private CaseDefinition drawn() {
        return CaseDefinition.builder(key.name(), key.api())
                .stage(StageDefinition.task("validateOrder", "orders.validateOrder").withLayout(new Layout(60, 120)))
                .stage(StageDefinition.end("done").withLayout(new Layout(300, 120)))
                .transition("validateOrder", "done")
                .build();
    }

    /** Saves a connection through Case ▸ Deploy To ▸ New Connection… (the dialog answered by the script). */
    private void connect(FxRobot robot, String name, URI server, String token) {
        dialogs.connections.add(new ConnectionProfile(name, server, token));
        fireMenu(robot, "menu-newConnection");
    }

    private void fireMenu(FxRobot robot, String id) {
        MenuItem item = MenuItems.find(robot, id);
        assertThat(item).as(id).isNotNull();
        WaitForAsyncUtils.asyncFx(item::fire);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void deploy(FxRobot robot) {
        WaitForAsyncUtils.asyncFx(() -> robot.lookup("#deployButton").queryButton().fire());
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void each_wrong_connection_says_what_is_wrong_and_changes_nothing(FxRobot robot) throws Exception {
        connect(robot, "wrong-token", url, "not-the-token-0123456789");
        deploy(robot);
        await().atMost(Duration.ofSeconds(20)).until(() -> !dialogs.errors.isEmpty());
        assertThat(dialogs.errors.get(0)).contains("refused the token");

        connect(robot, "read-only", url, READ_ONLY);
        deploy(robot);
        await().atMost(Duration.ofSeconds(20)).until(() -> dialogs.errors.size() >= 2);
        assertThat(dialogs.errors.get(1)).contains("read-only");

        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        connect(robot, "down", URI.create("http://127.0.0.1:" + closed), TOKEN);
        deploy(robot);
        await().atMost(Duration.ofSeconds(20)).until(() -> dialogs.errors.size() >= 3);
        assertThat(dialogs.errors.get(2)).contains("does not answer").contains("http://127.0.0.1:" + closed);

        // A definition the server's validator refuses is covered against a server with handlers in RemoteTargetTest:
        // a `caseflow server` has none (its workers do), so it accepts any handler name.
        assertThat(client().latest(key)).isEmpty();
    }
    @Test
    void a_drawn_case_deploys_with_its_diff_a_second_version_lands_beside_it_and_the_monitor_follows(FxRobot robot)
            throws Exception {
        connect(robot, "shared", url, TOKEN);
        deploy(robot);
        await().atMost(Duration.ofSeconds(20)).until(() -> dialogs.lastPlan != null);
        assertThat(dialogs.lastPlan.headline()).isEqualTo(key + ": first deploy, becomes v1");
        assertThat(dialogs.lastPlan.target()).isEqualTo("shared (" + url + ")");
        await().atMost(Duration.ofSeconds(20)).until(() -> client().latest(key).isPresent());

        WaitForAsyncUtils.asyncFx(() -> document.execute(Edits.move(Map.of("done", new Layout(420, 160)))));
        WaitForAsyncUtils.waitForFxEvents();
        dialogs.lastPlan = null;
        deploy(robot);
        await().atMost(Duration.ofSeconds(20)).until(() -> dialogs.lastPlan != null);
        assertThat(dialogs.lastPlan.headline()).isEqualTo(key + ": v1 → v2");
        assertThat(dialogs.lastPlan.diff().describe()).anySatisfy(line -> assertThat(line).contains("done"));
        await().atMost(Duration.ofSeconds(20)).until(() -> client().latest(key).map(CaseDefinition::version).orElse(0) == 2);
        assertThat(client().definition(key, 1).version()).isEqualTo(1);
        assertThat(dialogs.errors).isEmpty();

        // The monitor now watches the shared runtime, and the server itself shows among its live nodes.
        await().atMost(Duration.ofSeconds(20)).until(() -> fx(() -> robot.lookup("#workersTable").tryQuery().isPresent()
                && robot.lookup("#monitorTabs").tryQuery().isPresent()));
        MonitorView monitor = fx(() -> findMonitor(robot));
        assertThat(monitor).isNotNull();
        assertThat(monitor.viewModel().source().describe()).isEqualTo("shared (" + url + ")");

        // Start a process of the drawn case from the monitor, with an input written in its dialog.
        await().atMost(Duration.ofSeconds(20)).until(() -> fx(() -> key.equals(monitor.viewModel().monitoredCaseProperty().get())));
        WaitForAsyncUtils.asyncFx(() -> ((Button) monitor.lookup("#startProcess")).fire());
        await().atMost(Duration.ofSeconds(10)).until(() -> robot.lookup("#startInput").tryQuery().isPresent());
        WaitForAsyncUtils.asyncFx(() -> robot.lookup("#startInput").queryAs(TextArea.class)
                .setText("{\"orderId\": \"FROM-THE-APP\", \"items\": [{\"sku\": \"A\", \"qty\": 1, \"price\": 3}]}"));
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("Start");
        await().atMost(Duration.ofSeconds(20)).until(() -> client().processes(ProcessQuery.all(10).withCase(key.name(), key.api()))
                .processes().stream().anyMatch(p -> p.input().path("orderId").asText().equals("FROM-THE-APP")));

        // Migrate from the app: the one process started on v2 already, so nothing of v1 is left to move.
        fireMenu(robot, "menu-migrateProcesses");
        await().atMost(Duration.ofSeconds(10)).until(() -> robot.lookup("#migratePreview").tryQuery().isPresent());
        WaitForAsyncUtils.asyncFx(() -> robot.lookup("#migratePreview").queryButton().fire());
        await().atMost(Duration.ofSeconds(20)).until(() -> fx(() -> robot.lookup("#migrationMessage").queryLabeled().getText())
                .matches("(?s).*(refused|Cannot).*"));
        assertThat(fx(() -> robot.lookup("#migrationMessage").queryLabeled().getText())).startsWith("0 would move, 0 refused");
        assertThat(fx(() -> robot.lookup("#migrateMove").queryButton().isDisabled())).isTrue();
    }

    @Test
    void live_workers_decide_the_handler_warnings_and_a_killed_worker_shows_as_gone(FxRobot robot) throws Exception {
        connect(robot, "shared", url, TOKEN);
        String warning = "no live worker serves handler orders.validateOrder for " + key;
        await().atMost(Duration.ofSeconds(20)).until(() -> problemTexts().stream().anyMatch(t -> t.contains(warning)));

        WorkerProcess first = startWorker("first");
        WorkerProcess second = startWorker("second");
        fireMenu(robot, "menu-checkLiveWorkers");
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            fireMenu(robot, "menu-checkLiveWorkers");
            return problemTexts().stream().noneMatch(t -> t.contains(warning));
        });

        first.kill9();
        long killed = first.pid();
        await().atMost(Duration.ofSeconds(20)).until(() -> client().workers().stream()
                .anyMatch(w -> w.worker().pid() == killed && w.status() == WorkerStatus.GONE));
        assertThat(client().workers().stream().filter(w -> w.worker().pid() == second.pid()).map(WorkerSnapshot::status))
                .containsExactly(WorkerStatus.ALIVE);
        assertThat(problemTexts()).noneMatch(t -> t.contains(warning)); // the second one still has the handler

        second.kill9();
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            fireMenu(robot, "menu-checkLiveWorkers");
            return problemTexts().stream().anyMatch(t -> t.contains(warning));
        });
    }

    private static MonitorView findMonitor(FxRobot robot) {
        Node node = robot.lookup("#workersTable").query();
        while (node != null && !(node instanceof MonitorView)) {
            node = node.getParent();
        }
        return (MonitorView) node;
    }

    private <T> T fx(Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get();
    }

    private CaseflowClient client() {
        return new CaseflowClient(url, TOKEN);
    }

    private List<String> problemTexts() throws Exception {
        return fx(() -> problems.rows().stream().map(r -> r.element() + ": " + r.message()).toList());
    }
}
