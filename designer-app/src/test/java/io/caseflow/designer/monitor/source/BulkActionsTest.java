package io.caseflow.designer.monitor.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.caseflow.designer.concurrent.UiExecutor;
import io.caseflow.designer.deploy.EmbeddedRuntime;
import io.caseflow.designer.monitor.BulkJobsViewModel;
import io.caseflow.designer.monitor.DeadLetterRow;
import io.caseflow.designer.monitor.DeadLetterSettlement;
import io.caseflow.designer.monitor.DeadLettersViewModel;
import io.caseflow.designer.monitor.MonitorActions;
import io.caseflow.designer.monitor.ProcessFilter;
import io.caseflow.job.ItemState;
import io.caseflow.job.JobKind;
import io.caseflow.job.JobSnapshot;
import io.caseflow.json.Json;
import io.caseflow.process.ProcessStatus;
import io.caseflow.samples.BusinessCase1;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The monitor's bulk actions and dead-letter replay on the embedded runtime: the same jobs and settling as the server's. */
class BulkActionsTest {
    @TempDir
    Path home;

    @Test
    void retrying_everything_the_filter_matches_runs_one_job_whose_progress_the_monitor_follows_to_its_end() throws Exception {
        try (EmbeddedRuntime runtime = EmbeddedRuntime.start(home);
             EmbeddedMonitorSource source = EmbeddedMonitorSource.builder(runtime).build()) {
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                ids.add(source.start(BusinessCase1.KEY, Json.object().put("note", "no orderId")).join().id());
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> ids.stream()
                    .allMatch(id -> runtime.runtime().process(id).status() == ProcessStatus.FAILED));
            MonitorActions actions = new MonitorActions(source, UiExecutor.direct(), Clock.systemUTC());
            BulkJobsViewModel jobs = new BulkJobsViewModel(source, UiExecutor.direct(), actions);
            assertThat(jobs.available()).isTrue();
            ProcessFilter failedAtValidate = ProcessFilter.NONE.withStatuses(Set.of(ProcessStatus.FAILED))
                    .withCase(BusinessCase1.KEY.name(), BusinessCase1.KEY.api()).withStage("validateOrder");

            JobSnapshot created = jobs.start(JobKind.RETRY, BulkJobsViewModel.selectionOf(failedAtValidate).orElseThrow(), null,
                    "processes failed at validateOrder").join();
            assertThat(created.total()).isEqualTo(6);
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                jobs.tick(Instant.now().plusSeconds(60));
                return jobs.jobProperty().get().state().isTerminal();
            });
            JobSnapshot done = jobs.jobProperty().get();
            assertThat(done.count(ItemState.DONE)).isEqualTo(6);
            assertThat(jobs.progressProperty().get()).isEqualTo(1.0);
            assertThat(jobs.progressTextProperty().get()).contains("DONE, 6 of 6");
            assertThat(actions.activity()).anyMatch(entry -> entry.text().contains("as job"))
                    .anyMatch(entry -> entry.text().equals("Retried 6 of 6 processes failed at validateOrder"));
        }
    }

    @Test
    void a_filter_a_job_cannot_name_offers_no_bulk_action() {
        assertThat(BulkJobsViewModel.selectionOf(ProcessFilter.NONE)).isEmpty();
        assertThat(BulkJobsViewModel.selectionOf(ProcessFilter.NONE.withStatuses(Set.of(ProcessStatus.FAILED)).withText("acme"))).isEmpty();
        assertThat(BulkJobsViewModel.selectionOf(ProcessFilter.NONE.withStage("chargePayment"))).isPresent();
    }

    @Test
    void a_dead_letter_is_replayed_once_and_discarded_from_the_monitor() throws Exception {
        try (EmbeddedRuntime runtime = EmbeddedRuntime.start(home);
             EmbeddedMonitorSource source = EmbeddedMonitorSource.builder(runtime).build()) {
            source.demo().orElseThrow().sendForgedReply().join();
            DeadLettersViewModel letters = new DeadLettersViewModel(source, UiExecutor.direct());
            await().atMost(Duration.ofSeconds(20)).until(() -> {
                letters.refresh();
                return letters.rows().stream().anyMatch(DeadLetterRow::isDead);
            });
            long id = letters.rows().stream().filter(DeadLetterRow::isDead).findFirst().orElseThrow().id();

            DeadLetterSettlement replayed = letters.replay(List.of(id)).join();
            assertThat(replayed.settled()).isEqualTo(1);
            assertThat(letters.replay(List.of(id)).join().alreadySettled()).as("replayed at most once").isEqualTo(1);
            await().atMost(Duration.ofSeconds(20)).until(() -> {
                letters.refresh();
                return letters.rows().stream().anyMatch(r -> r.id() == id && "REPLAYED".equals(r.state()));
            });
            // The forged reply is refused again when it comes back: a new dead letter, which is discarded.
            await().atMost(Duration.ofSeconds(20)).until(() -> {
                letters.refresh();
                return letters.rows().stream().anyMatch(r -> r.id() != id && r.isDead());
            });
            long again = letters.rows().stream().filter(r -> r.id() != id && r.isDead()).findFirst().orElseThrow().id();
            assertThat(letters.discard(List.of(again)).join().describe()).isEqualTo("Discarded 1 dead letter");
        }
    }
}
