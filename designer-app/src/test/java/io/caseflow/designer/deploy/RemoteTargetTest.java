package io.caseflow.designer.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.caseflow.CaseflowRuntime;
import io.caseflow.definition.CaseDefinition;
import io.caseflow.definition.DeployedDefinition;
import io.caseflow.definition.StageDefinition;
import io.caseflow.designer.Samples;
import io.caseflow.handler.HandlerRegistry;
import io.caseflow.http.ApiTokens;
import io.caseflow.http.HttpApi;
import io.caseflow.validation.InvalidDefinitionException;
import io.caseflow.validation.ProblemCode;
import io.caseflow.validation.ValidationReport;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.UUID;
import java.util.prefs.Preferences;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The designer's deploy target against a real caseflow server (HTTP API on a runtime with its own handlers). */
class RemoteTargetTest {
    private static final String ADMIN = "admin-token-" + UUID.randomUUID();
    private static final String READER = "reader-token-" + UUID.randomUUID();

    @TempDir
    Path dir;
    private CaseflowRuntime runtime;
    private HttpApi api;
    private URI url;

    @BeforeEach
    void startServer() {
        HandlerRegistry handlers = new HandlerRegistry().register("h.start", ctx -> ctx.next()).register("h.call", ctx -> ctx.next());
        runtime = CaseflowRuntime.builder().h2File(dir.resolve("server")).handlers(handlers).build().start();
        api = HttpApi.start(runtime, new ApiTokens(ADMIN, READER), () -> "", "127.0.0.1", 0);
        url = URI.create("http://127.0.0.1:" + api.port());
    }

    @AfterEach
    void stopServer() {
        api.close();
        runtime.close();
    }

    private RemoteTarget target(String token) {
        return new RemoteTarget(new ConnectionProfile("shared", url, token));
    }

    @Test
    void deploys_a_drawn_case_shows_the_plan_and_a_second_version_lands_beside_the_first() {
        RemoteTarget remote = target(ADMIN);
        assertThat(remote.latest(Samples.tiny().key())).isEmpty();
        assertThat(remote.validate(Samples.tiny()).hasErrors()).isFalse();

        DeployPlan first = DeployPlan.create(remote, Samples.tiny());
        assertThat(first.nextVersion()).isEqualTo(1);
        DeployedDefinition v1 = remote.deploy(Samples.tiny());
        assertThat(v1.version()).isEqualTo(1);
        assertThat(remote.latest(Samples.tiny().key())).hasValueSatisfying(d -> assertThat(d.version()).isEqualTo(1));
        assertThat(DeployPlan.create(remote, Samples.tiny()).unchanged()).isTrue();

        CaseDefinition changed = Samples.tiny().withDescription("orders now wait for the warehouse");
        DeployPlan second = DeployPlan.create(remote, changed);
        assertThat(second.headline()).isEqualTo("tiny/v1: v1 → v2");
        assertThat(remote.deploy(changed).version()).isEqualTo(2);
        assertThat(runtime.definitions()).extracting(DeployedDefinition::version).containsExactlyInAnyOrder(1, 2);
    }

    @Test
    void the_servers_validator_knows_its_handlers_and_a_refused_deploy_changes_nothing() {
        RemoteTarget remote = target(ADMIN);
        CaseDefinition tiny = Samples.tiny();
        CaseDefinition typo = tiny.withStages(tiny.stages().stream()
                .map(s -> s.name().equals("start") ? StageDefinition.task("start", "h.strat") : s).toList());
        ValidationReport report = remote.validate(typo);
        assertThat(report.errors()).anySatisfy(p -> {
            assertThat(p.code()).isEqualTo(ProblemCode.UNKNOWN_HANDLER);
            assertThat(p.target().stage()).isEqualTo("start");
        });
        assertThatThrownBy(() -> remote.deploy(typo)).isInstanceOf(InvalidDefinitionException.class)
                .hasMessageContaining("tiny/v1");
        assertThat(runtime.definitions()).isEmpty();
    }

    @Test
    void a_wrong_token_a_read_only_token_and_a_server_that_is_down_each_say_so() throws Exception {
        assertThatThrownBy(() -> target("wrong-token-0123456789").deploy(Samples.tiny()))
                .isInstanceOf(RemoteTargetException.class).hasMessageContaining("refused the token");
        assertThatThrownBy(() -> target(READER).deploy(Samples.tiny()))
                .isInstanceOf(RemoteTargetException.class).hasMessageContaining("read-only");
        assertThat(target(READER).latest(Samples.tiny().key())).isEmpty(); // reading is what a read-only token may do
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        RemoteTarget down = new RemoteTarget(new ConnectionProfile("down", URI.create("http://127.0.0.1:" + closedPort), ADMIN));
        assertThatThrownBy(() -> down.latest(Samples.tiny().key())).isInstanceOf(RemoteTargetException.class)
                .hasMessageContaining("does not answer").hasMessageContaining("down (http://127.0.0.1:" + closedPort + ")");
        RemoteTarget notCaseflow = new RemoteTarget(new ConnectionProfile("typo", URI.create(url + "/oops"), ADMIN));
        assertThatThrownBy(() -> notCaseflow.deploy(Samples.tiny())).isInstanceOf(RemoteTargetException.class)
                .hasMessageContaining("no such endpoint");
        assertThat(runtime.definitions()).isEmpty();
    }

    @Test
    void profiles_keep_tokens_out_of_the_preferences_in_an_owner_only_file() throws Exception {
        Preferences node = Preferences.userRoot().node("caseflow-profiles-test-" + UUID.randomUUID());
        try {
            node.node("legacy").put("url", "http://old:8080");
            node.node("legacy").put("token", "from-an-older-version");
            TokenStore tokens = new TokenStore(dir.resolve("tokens.properties"));
            ConnectionProfiles profiles = new ConnectionProfiles(node, tokens);
            profiles.save(new ConnectionProfile("shared", url, ADMIN, URI.create("amqp://guest:guest@127.0.0.1:5672")));

            assertThat(profiles.find("shared")).hasValue(new ConnectionProfile("shared", url, ADMIN,
                    URI.create("amqp://guest:guest@127.0.0.1:5672")));
            assertThat(profiles.find("legacy").orElseThrow().token()).isEqualTo("from-an-older-version");
            assertThat(node.node("shared").get("token", null)).isNull();
            assertThat(node.node("legacy").get("token", null)).isNull();
            assertThat(Files.readString(tokens.file())).contains(ADMIN);
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(tokens.file()))).isEqualTo("rw-------");

            profiles.remove("shared");
            assertThat(profiles.find("shared")).isEmpty();
            assertThat(tokens.get("shared")).isEmpty();
        } finally {
            node.removeNode();
        }
    }
}
