package io.caseflow.designer.play;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.caseflow.definition.CaseDefinition;
import io.caseflow.definition.RetryPolicy;
import io.caseflow.definition.StageDefinition;
import io.caseflow.json.Json;
import io.caseflow.process.ActionResult;
import io.caseflow.process.ProcessSnapshot;
import io.caseflow.process.ProcessStatus;
import io.caseflow.process.StageRun;
import io.caseflow.validation.InvalidDefinitionException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlayRuntimeTest {
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @TempDir
    Path home;
    private final PlaySettings settings = new PlaySettings();
    private PlayRuntime play;

    @AfterEach
    void stop() {
        if (play != null) {
            play.close();
        }
    }

    private List<ProcessSnapshot> awaitEnded(List<String> ids) {
        await().atMost(PATIENCE).until(() -> ids.stream().map(id -> play.runtime().process(id).status()).allMatch(ProcessStatus::isTerminal));
        return ids.stream().map(id -> play.runtime().process(id)).toList();
    }

    private ProcessSnapshot awaitStatus(String id, ProcessStatus status) {
        await().atMost(PATIENCE).until(() -> play.runtime().process(id).status() == status);
        return play.runtime().process(id);
    }

    private static Map<String, Long> endStages(List<ProcessSnapshot> processes) {
        return processes.stream().collect(Collectors.groupingBy(ProcessSnapshot::currentStage, TreeMap::new, Collectors.counting()));
    }

    @Test
    void twenty_processes_take_the_weighted_branch_and_the_service_reply_and_each_play_repeats_the_draws() throws Exception {
        settings.setTask("review", new TaskBehaviour.Weighted(Map.of("approve", 80, "reject", 20)));
        settings.setService("charge", new ServiceBehaviour("ok", (ObjectNode) Json.MAPPER
                .readTree("{\"receipt\": \"R-1\"}"), Duration.ofMillis(5), null));
        play = PlayRuntime.start(home.resolve("play"), PlayCases.approval(), settings);

        List<ProcessSnapshot> ended = awaitEnded(play.startProcesses(20, Json.object().put("amount", 40)));

        // The seed fixes the draws: 20 draws at 80/20 give these counts on every run.
        assertThat(endStages(ended)).containsExactlyEntriesOf(new TreeMap<>(Map.of("rejected", 3L, "shipped", 17L)));
        assertThat(ended).allMatch(p -> p.status() == ProcessStatus.COMPLETED);
        ProcessSnapshot shipped = ended.stream().filter(p -> p.currentStage().equals("shipped")).findFirst().orElseThrow();
        assertThat(shipped.results().path("charge").path("receipt").asText()).isEqualTo("R-1");
        StageRun charge = play.runtime().history(shipped.id()).stream().filter(r -> r.stage().equals("charge")).findFirst().orElseThrow();
        assertThat(charge.taskId()).isNotBlank();

        play.close();
        play = PlayRuntime.start(home.resolve("play"), PlayCases.approval(), settings);
        assertThat(play.runtime().countsByStatus().values().stream().mapToLong(Long::longValue).sum()).isZero();
        List<ProcessSnapshot> again = awaitEnded(play.startProcesses(20, Json.object()));
        assertThat(endStages(again)).isEqualTo(endStages(ended));
    }

    @Test
    void with_no_setting_tasks_take_their_first_outcome_and_services_their_first_reply() throws Exception {
        play = PlayRuntime.start(home.resolve("play"), PlayCases.approval(), settings);

        List<ProcessSnapshot> ended = awaitEnded(play.startProcesses(3, Json.object()));

        assertThat(ended).extracting(ProcessSnapshot::currentStage).containsOnly("shipped");
    }

    @Test
    void a_simulated_service_error_fails_the_process_and_a_retry_after_changing_the_reply_completes_it() throws Exception {
        settings.setService("charge", new ServiceBehaviour("ok", null, Duration.ZERO, "card issuer did not answer"));
        play = PlayRuntime.start(home.resolve("play"), PlayCases.approval(), settings);
        PlayMonitorSource source = new PlayMonitorSource(play, Executors.newSingleThreadExecutor(), Clock.systemUTC());
        String id = play.startProcesses(1, Json.object()).get(0);

        ProcessSnapshot failed = awaitStatus(id, ProcessStatus.FAILED);
        assertThat(failed.failure().stage()).isEqualTo("charge");
        assertThat(failed.failure().message()).contains("card issuer did not answer");

        settings.setService("charge", ServiceBehaviour.answering("declined"));
        ActionResult retried = source.retry(id, null, null).get();

        assertThat(retried.changed()).isTrue();
        assertThat(awaitStatus(id, ProcessStatus.COMPLETED).currentStage()).isEqualTo("declined");
        source.close();
    }

    @Test
    void a_failing_task_fails_after_its_attempts_and_completes_when_retried_with_another_behaviour() throws Exception {
        CaseDefinition quick = PlayCases.approval();
        quick = quick.withStages(quick.stages().stream().map(s -> s.name().equals("review")
                ? s.withRetry(RetryPolicy.NONE) : s).toList());
        settings.setTask("review", new TaskBehaviour.Fail("reviewer is on holiday"));
        play = PlayRuntime.start(home.resolve("play"), quick, settings);
        String id = play.startProcesses(1, Json.object()).get(0);

        assertThat(awaitStatus(id, ProcessStatus.FAILED).failure().message()).contains("reviewer is on holiday");

        settings.setTask("review", new TaskBehaviour.Fixed("reject"));
        play.runtime().retry(id);
        assertThat(awaitStatus(id, ProcessStatus.COMPLETED).currentStage()).isEqualTo("rejected");
    }

    @Test
    void stages_drawn_without_a_handler_are_simulated_too_and_an_invalid_case_is_refused() throws Exception {
        CaseDefinition noHandlers = PlayCases.approval();
        noHandlers = noHandlers.withStages(noHandlers.stages().stream().map(s -> s.withHandler(null)).toList());
        assertThat(PlayRuntime.simulated(noHandlers).stage("review").map(StageDefinition::handler)).contains(PlayRuntime.SIMULATED_HANDLER);
        settings.setTask("review", new TaskBehaviour.Fixed("reject"));
        play = PlayRuntime.start(home.resolve("play"), noHandlers, settings);
        assertThat(awaitEnded(play.startProcesses(1, Json.object()))).extracting(ProcessSnapshot::currentStage).containsOnly("rejected");
        play.close();
        play = null;

        CaseDefinition broken = PlayCases.approval().withStartStage("nowhere");
        assertThatThrownBy(() -> PlayRuntime.start(home.resolve("play"), broken, settings)).isInstanceOf(InvalidDefinitionException.class);
    }

    @Test
    void a_folder_with_files_that_play_did_not_make_is_never_wiped() throws IOException {
        Path notPlay = Files.createDirectories(home.resolve("documents"));
        Files.writeString(notPlay.resolve("thesis.txt"), "years of work");

        assertThatThrownBy(() -> PlayRuntime.start(notPlay, PlayCases.approval(), settings)).isInstanceOf(IOException.class)
                .hasMessageContaining("not made by Play");
        assertThat(notPlay.resolve("thesis.txt")).exists();
    }
}
