package io.caseflow.designer.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import io.caseflow.CaseflowRuntime;
import io.caseflow.definition.CaseDefinition;
import io.caseflow.definition.CaseKey;
import io.caseflow.definition.StageDefinition;
import io.caseflow.designer.concurrent.UiExecutor;
import io.caseflow.process.ProcessStatus;
import io.caseflow.retention.sweep.FinishedProcesses;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Retention… dialog's view model over an embedded runtime's store, without the toolkit. */
class RetentionViewModelTest {
    private static final CaseKey ORDERS = new CaseKey("orders", "v1");

    @TempDir
    Path dir;
    private CaseflowRuntime runtime;
    private RetentionViewModel vm;

    @BeforeEach
    void start() {
        runtime = CaseflowRuntime.builder().h2File(dir.resolve("db")).build().start();
        runtime.deploy(CaseDefinition.builder(ORDERS.name(), ORDERS.api()).stage(StageDefinition.task("s1", "h"))
                .stage(StageDefinition.end("done")).transition("s1", "done").build());
        RuntimeRetention control = new RuntimeRetention(new RuntimeRetention.Caller() {
            @Override
            public <T> CompletableFuture<T> call(String what, Function<CaseflowRuntime, T> work) {
                try {
                    return CompletableFuture.completedFuture(work.apply(runtime));
                } catch (RuntimeException e) {
                    return CompletableFuture.failedFuture(e);
                }
            }
        });
        vm = new RetentionViewModel(control, UiExecutor.direct(), ORDERS);
    }

    @AfterEach
    void stop() {
        runtime.close();
    }

    @Test
    void shows_each_case_api_then_sets_a_period_and_sweeps_on_demand() {
        FinishedProcesses.of(ORDERS).insert(runtime.database(), 12, Instant.now().minus(Duration.ofDays(30)), ProcessStatus.COMPLETED);
        vm.refresh();
        assertThat(vm.rowsNow()).singleElement().satisfies(row -> {
            assertThat(row.keep()).isEqualTo("forever");
            assertThat(row.from()).isEqualTo("nothing set");
            assertThat(row.oldestKept()).isNotEqualTo("–");
        });
        assertThat(vm.sweeperProperty().get()).startsWith("The sweeper has not run yet.");
        assertThat(vm.targetProperty().get()).as("the monitored case is the first target").isEqualTo("orders");

        vm.periodProperty().set("P7D");
        vm.set();
        assertThat(vm.messageProperty().get()).isEqualTo("orders: finished processes are kept for P7D.");
        assertThat(vm.rowsNow().get(0).from()).isEqualTo("policy for the case");

        assertThat(vm.canSweep()).isTrue();
        vm.sweepNow();
        assertThat(vm.messageProperty().get()).isEqualTo("Swept: 12 finished processes deleted.");
        assertThat(vm.sweeperProperty().get()).contains("12 deleted then, 12 in all", "No finished process is kept.");
        assertThat(vm.busyProperty().get()).isFalse();
    }

    @Test
    void a_picked_row_becomes_the_target_and_clear_removes_its_policy() {
        vm.targetProperty().set("orders/v1");
        vm.periodProperty().set("forever");
        vm.set();
        vm.pick(vm.rowsNow().get(0));
        assertThat(vm.targetProperty().get()).isEqualTo("orders/v1");
        assertThat(vm.periodProperty().get()).isEqualTo("forever");

        vm.clear();
        assertThat(vm.messageProperty().get()).startsWith("orders/v1: policy removed");
        assertThat(vm.rowsNow().get(0).from()).isEqualTo("nothing set");
    }

    @Test
    void a_bad_period_or_target_is_one_sentence_and_nothing_is_set() {
        vm.periodProperty().set("90 days");
        vm.set();
        assertThat(vm.messageProperty().get()).startsWith("Keep for: must be an ISO-8601 duration");
        vm.targetProperty().set("orders/");
        vm.periodProperty().set("P1D");
        vm.set();
        assertThat(vm.messageProperty().get()).isEqualTo("Name a case (orders) or one api of it (orders/v1).");
        vm.refresh();
        assertThat(vm.rowsNow().get(0).from()).isEqualTo("nothing set");
    }
}
