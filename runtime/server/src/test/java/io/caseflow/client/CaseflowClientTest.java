package io.caseflow.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.caseflow.CaseflowRuntime;
import io.caseflow.definition.CaseDefinition;
import io.caseflow.definition.CaseKey;
import io.caseflow.definition.StageDefinition;
import io.caseflow.handler.HandlerRegistry;
import io.caseflow.http.ApiTokens;
import io.caseflow.http.HttpApi;
import io.caseflow.json.Json;
import io.caseflow.process.ProcessSnapshot;
import io.caseflow.process.ProcessStatus;
import io.caseflow.process.ProcessQuery;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CaseflowClientTest {
    private static final String TOKEN = "client-test-token-0123456789";
    private static final CaseKey KEY = new CaseKey("orders", "v1");

    @TempDir
    Path dir;
    private CaseflowRuntime runtime;
    private HttpApi api;
    private CaseflowClient client;

    @BeforeEach
    void start() {
        HandlerRegistry handlers = new HandlerRegistry()
                .register("check", ctx -> ctx.data().get("fixed").isPresent() ? ctx.next() : ctx.failPermanently("not fixed yet"));
        runtime = CaseflowRuntime.builder().h2File(dir.resolve("db")).handlers(handlers).build().start();
        api = HttpApi.start(runtime, new ApiTokens(TOKEN, null), () -> "", "127.0.0.1", 0);
        client = new CaseflowClient(URI.create("http://127.0.0.1:" + api.port()), TOKEN);
    }

    @AfterEach
    void stop() {
        api.close();
        runtime.close();
    }

    @Test
    void the_client_reads_and_acts_on_processes_as_the_runtime_does() {
        CaseDefinition definition = CaseDefinition.builder("orders", "v1").stage(StageDefinition.task("check", "check"))
                .stage(StageDefinition.end("done")).transition("check", "done").build();
        assertThat(client.deploy(definition).path("version").asInt()).isEqualTo(1);
        assertThat(client.definition(KEY, 1)).isEqualTo(definition.withVersion(1));
        assertThat(client.healthy()).isTrue();

        ProcessSnapshot started = runtime.startProcess(KEY, Map.of("n", 1));
        await().atMost(Duration.ofSeconds(10)).until(() -> client.process(started.id()).status() == ProcessStatus.FAILED);
        ProcessSnapshot failed = client.process(started.id());
        assertThat(failed.failure().message()).isEqualTo("not fixed yet");
        assertThat(failed.input().path("n").asInt()).isEqualTo(1);
        assertThat(client.processes(ProcessQuery.all(10).withStatuses(Set.of(ProcessStatus.FAILED))).processes())
                .extracting(ProcessSnapshot::id).containsExactly(started.id());
        assertThat(client.countsByStage(KEY)).containsEntry("check", Map.of(ProcessStatus.FAILED, 1L));
        assertThat(client.history(failed)).singleElement().satisfies(run -> assertThat(run.error()).isEqualTo("not fixed yet"));

        assertThat(client.retry(failed, null, Json.object().put("fixed", true)).changed()).isTrue();
        await().atMost(Duration.ofSeconds(10)).until(() -> client.process(started.id()).status() == ProcessStatus.COMPLETED);
        assertThat(client.cancel(client.process(started.id())).changed()).isFalse();
        assertThat(client.deadLetters(10)).isEmpty();
    }

    @Test
    void server_errors_keep_their_code_and_an_unreachable_server_says_where() {
        assertThatThrownBy(() -> client.process("nope")).isInstanceOf(ApiException.class)
                .satisfies(e -> assertThat(((ApiException) e).code()).isEqualTo("not_found"));
        assertThatThrownBy(() -> new CaseflowClient(URI.create("http://127.0.0.1:" + api.port()), "wrong-token-0123456789").process("x"))
                .isInstanceOf(ApiException.class).satisfies(e -> assertThat(((ApiException) e).status()).isEqualTo(401));
        assertThatThrownBy(() -> new CaseflowClient(URI.create("http://127.0.0.1:1"), TOKEN).process("x"))
                .isInstanceOf(java.io.UncheckedIOException.class).hasMessageContaining("cannot reach the caseflow server at http://127.0.0.1:1");
    }
}
