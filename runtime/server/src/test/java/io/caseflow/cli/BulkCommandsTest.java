package io.caseflow.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.caseflow.CaseflowRuntime;
import io.caseflow.definition.CaseDefinition;
import io.caseflow.definition.CaseKey;
import io.caseflow.definition.StageDefinition;
import io.caseflow.handler.HandlerRegistry;
import io.caseflow.http.ApiTokens;
import io.caseflow.http.HttpApi;
import io.caseflow.process.ProcessStatus;
import io.caseflow.store.OutboxStore;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code caseflow processes retry|cancel} with a query, {@code caseflow jobs} and {@code caseflow dead-letters}, against a real server. */
class BulkCommandsTest {
    private static final String ADMIN = "admin-token-0123456789";
    private static final String READER = "reader-token-0123456789";
    private static final CaseKey KEY = new CaseKey("orders", "v1");

    @TempDir
    Path dir;
    private CaseflowRuntime runtime;
    private HttpApi api;
    private final List<String> ids = new ArrayList<>();

    @BeforeEach
    void start() {
        HandlerRegistry handlers = new HandlerRegistry().register("check", ctx -> ctx.failPermanently("card issuer did not answer"));
        runtime = CaseflowRuntime.builder().h2File(dir.resolve("db")).handlers(handlers).build().start();
        api = HttpApi.start(runtime, new ApiTokens(ADMIN, READER), () -> "", "127.0.0.1", 0);
        runtime.deploy(CaseDefinition.builder(KEY.name(), KEY.api()).stage(StageDefinition.task("check", "check"))
                .stage(StageDefinition.end("done")).transition("check", "done").build());
        for (int i = 0; i < 5; i++) {
            ids.add(runtime.startProcess(KEY, Map.of("n", i)).id());
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> ids.stream().allMatch(id -> runtime.process(id).status() == ProcessStatus.FAILED));
    }

    @AfterEach
    void stop() {
        api.close();
        runtime.close();
    }

    private record Run(int exit, String out) {
    }

    private Run caseflow(String... args) {
        CommandLine cli = CaseflowCli.commandLine();
        StringWriter out = new StringWriter();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(out));
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--server", "http://127.0.0.1:" + api.port(), "--token", ADMIN));
        return new Run(cli.execute(all.toArray(String[]::new)), out.toString());
    }

    @Test
    void a_bulk_retry_from_the_command_line_creates_a_job_and_follows_it_to_its_end() {
        Run run = caseflow("processes", "retry", "--stage", "check", "--status", "FAILED", "--error-contains", "ISSUER");
        assertThat(run.exit()).as(run.out()).isZero();
        assertThat(run.out()).contains("created retry job", "over 5 process(es)", "DONE, 5 of 5 (done 5)");
        String jobId = run.out().replaceAll("(?s).*created retry job (\\S+) over.*", "$1");

        Run list = caseflow("jobs", "list");
        assertThat(list.out()).contains(jobId, "retry", "DONE", "5/5");
        Run items = caseflow("jobs", "items", jobId, "--state", "done");
        assertThat(items.out().lines().filter(l -> l.contains("DONE"))).hasSize(5);
        assertThat(caseflow("jobs", "show", jobId).out()).contains("requested by admin@", "\"stage\":\"check\"");
    }

    @Test
    void a_bulk_cancel_by_ids_without_waiting_prints_the_job_and_bad_input_names_the_field() {
        Run run = caseflow("processes", "cancel", "--ids", ids.get(0) + "," + ids.get(1), "--no-wait");
        assertThat(run.exit()).as(run.out()).isZero();
        assertThat(run.out()).contains("created cancel job", "caseflow jobs show");
        await().atMost(Duration.ofSeconds(20)).until(() -> runtime.process(ids.get(1)).status() == ProcessStatus.CANCELLED);

        Run unknownStage = caseflow("processes", "retry", "--stage", "chek");
        assertThat(unknownStage.exit()).isEqualTo(1);
        assertThat(unknownStage.out()).contains("unknown stage 'chek'");
        assertThat(caseflow("processes", "retry").out()).contains("give a process ID, or a query");
        assertThat(caseflow("jobs", "show", "no-such-job").out()).contains("ERROR no job no-such-job");
    }

    @Test
    void dead_letters_are_listed_replayed_once_and_discarded_from_the_command_line() {
        OutboxStore outbox = new OutboxStore(runtime.database(), runtime.clock());
        String queue = runtime.installation().innerQ(KEY);
        String stale = "{\"type\":\"stageDue\",\"processId\":\"" + ids.get(0) + "\",\"step\":0,\"stage\":\"check\"}";
        outbox.deadLetter(queue, "redelivered", "kept crashing", stale, ids.get(0));
        outbox.deadLetter(queue, "malformed", "not json", "{oops", null);
        long first = runtime.deadLetters(10).get(1).id();

        assertThat(caseflow("dead-letters", "list", "--state", "DEAD").out()).contains("redelivered", "malformed");
        Run replay = caseflow("dead-letters", "replay", Long.toString(first));
        assertThat(replay.out()).contains("replayed: 1");
        assertThat(caseflow("dead-letters", "replay", Long.toString(first)).out()).contains("replayed: 0, already settled: 1");
        assertThat(caseflow("dead-letters", "discard", "--reason", "malformed").out()).contains("discarded: 1");
        assertThat(caseflow("dead-letters", "list", "--state", "DEAD").out()).doesNotContain("redelivered", "malformed");
        assertThat(caseflow("dead-letters", "list").out()).contains("REPLAYED", "DISCARDED");
    }
}
