package io.caseflow.bulk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.caseflow.CaseflowRuntime;
import io.caseflow.definition.CaseDefinition;
import io.caseflow.definition.CaseKey;
import io.caseflow.definition.StageDefinition;
import io.caseflow.handler.HandlerRegistry;
import io.caseflow.job.ItemState;
import io.caseflow.job.JobItem;
import io.caseflow.job.JobKind;
import io.caseflow.job.JobRequest;
import io.caseflow.job.JobRequestException;
import io.caseflow.job.JobSelection;
import io.caseflow.job.JobSnapshot;
import io.caseflow.job.JobState;
import io.caseflow.process.ProcessSnapshot;
import io.caseflow.process.ProcessStatus;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bulk jobs on an embedded runtime: the step fence that makes a resumed job act once, selection, cancel, idempotent creation. */
class BulkJobsTest {
    private static final CaseKey KEY = new CaseKey("orders", "v1");

    @TempDir
    Path dir;
    private CaseflowRuntime runtime;

    @BeforeEach
    void start() {
        HandlerRegistry handlers = new HandlerRegistry().register("check", ctx -> ctx.failPermanently("card issuer did not answer"));
        runtime = CaseflowRuntime.builder().h2File(dir.resolve("db")).handlers(handlers).build().start();
        runtime.deploy(CaseDefinition.builder(KEY.name(), KEY.api()).stage(StageDefinition.task("check", "check"))
                .stage(StageDefinition.end("done")).transition("check", "done").build());
    }

    @AfterEach
    void stop() {
        runtime.close();
    }

    private List<ProcessSnapshot> failed(int count) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(runtime.startProcess(KEY, Map.of("n", i)).id());
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> ids.stream().allMatch(id -> runtime.process(id).status() == ProcessStatus.FAILED));
        return ids.stream().map(runtime::process).toList();
    }

    private JobSnapshot awaitEnded(String jobId) {
        await().atMost(Duration.ofSeconds(20)).until(() -> runtime.jobs().find(jobId).orElseThrow().state().isTerminal());
        return runtime.jobs().find(jobId).orElseThrow();
    }

    @Test
    void a_job_resumed_after_its_results_were_lost_records_the_processes_it_moved_as_moved_on_and_retries_none_twice() throws Exception {
        List<ProcessSnapshot> processes = failed(4);
        JobRequest retry = JobRequest.of(JobKind.RETRY, new JobSelection(Set.of(), KEY.name(), KEY.api(), null, "check", "ISSUER", null,
                null, List.of()));
        JobSnapshot job = runtime.jobs().create(retry, "test", null).job();
        assertThat(job.total()).isEqualTo(4);
        assertThat(job.request().selection().statuses()).as("a retry selects failed processes").containsExactly(ProcessStatus.FAILED);
        assertThat(awaitEnded(job.id()).count(ItemState.DONE)).isEqualTo(4);
        await().atMost(Duration.ofSeconds(20)).until(() -> processes.stream()
                .allMatch(p -> runtime.process(p.id()).status() == ProcessStatus.FAILED && runtime.process(p.id()).step() == p.step() + 2));

        // What a kill -9 between applying the batch and recording it leaves: the job running, its items pending.
        try (Connection connection = runtime.database().dataSource().getConnection();
             PreparedStatement items = connection.prepareStatement("UPDATE bulk_job_item SET state = 'PENDING', message = NULL WHERE job_id = ?");
             PreparedStatement jobRow = connection.prepareStatement("UPDATE bulk_job SET state = 'RUNNING', lease_owner = NULL WHERE id = ?")) {
            items.setString(1, job.id());
            items.executeUpdate();
            jobRow.setString(1, job.id());
            jobRow.executeUpdate();
            connection.commit();
        }
        runtime.jobs().startRunner();
        JobSnapshot resumed = awaitEnded(job.id());

        assertThat(resumed.state()).isEqualTo(JobState.DONE);
        assertThat(resumed.count(ItemState.MOVED_ON)).isEqualTo(4);
        for (ProcessSnapshot p : processes) {
            assertThat(runtime.process(p.id()).step()).as("retried once").isEqualTo(p.step() + 2);
            assertThat(runtime.history(p.id()).stream().filter(run -> run.stage().equals("check"))).hasSize(2);
        }
        List<JobItem> movedOn = runtime.jobs().items(job.id(), ItemState.MOVED_ON, null, 10);
        assertThat(movedOn).hasSize(4).allMatch(item -> item.message().contains("moved on"));
    }

    @Test
    void ids_that_do_not_apply_are_refused_or_not_found_and_the_same_key_gives_the_same_job() {
        ProcessSnapshot process = failed(1).get(0);
        runtime.cancel(process.id());
        JobRequest retry = JobRequest.of(JobKind.RETRY, JobSelection.ofIds(List.of(process.id(), "no-such-process")));
        JobSnapshot job = runtime.jobs().create(retry, "test", "key-1").job();
        JobSnapshot ended = awaitEnded(job.id());
        assertThat(ended.count(ItemState.REFUSED)).isEqualTo(1);
        assertThat(ended.count(ItemState.NOT_FOUND)).isEqualTo(1);
        assertThat(runtime.jobs().items(job.id(), ItemState.REFUSED, null, 10).get(0).message()).contains("only a FAILED process is retried");

        assertThat(runtime.jobs().create(retry, "test", "key-1").created()).isFalse();
        assertThat(runtime.jobs().create(retry, "test", "key-1").job().id()).isEqualTo(job.id());
        JobRequest other = JobRequest.of(JobKind.CANCEL, JobSelection.ofIds(List.of(process.id())));
        assertThatThrownBy(() -> runtime.jobs().create(other, "test", "key-1")).isInstanceOf(JobRequestException.class)
                .hasMessageContaining("already used for job " + job.id());
    }

    @Test
    void a_request_naming_what_is_not_deployed_is_refused_naming_the_field() {
        assertThatThrownBy(() -> runtime.jobs().create(JobRequest.of(JobKind.RETRY, new JobSelection(Set.of(), null, null, null, "chek", null,
                null, null, List.of())), "test", null)).isInstanceOf(JobRequestException.class)
                .satisfies(e -> assertThat(((JobRequestException) e).field()).isEqualTo("query.stage"));
        assertThatThrownBy(() -> new JobRequest(JobKind.RETRY_FROM, JobSelection.ofIds(List.of("x")), null, null, Map.of()))
                .isInstanceOf(JobRequestException.class).satisfies(e -> assertThat(((JobRequestException) e).field()).isEqualTo("fromStage"));
        assertThatThrownBy(() -> runtime.jobs().create(new JobRequest(JobKind.MIGRATE, new JobSelection(Set.of(), KEY.name(), KEY.api(), null,
                null, null, null, null, List.of()), null, 7, Map.of()), "test", null)).isInstanceOf(JobRequestException.class)
                .satisfies(e -> assertThat(((JobRequestException) e).field()).isEqualTo("toVersion"));
    }
}
