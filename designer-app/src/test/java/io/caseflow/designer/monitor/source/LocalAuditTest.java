package io.caseflow.designer.monitor.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.caseflow.audit.AuditEvent;
import io.caseflow.designer.deploy.EmbeddedRuntime;
import io.caseflow.process.ProcessStatus;
import io.caseflow.samples.Orders;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the designer's user does to embedded processes lands in the audit trail the process detail shows. */
class LocalAuditTest {
    @TempDir
    Path home;

    @Test
    void a_retry_and_a_cancel_from_the_designer_are_in_the_process_audit_trail() throws Exception {
        try (EmbeddedRuntime runtime = EmbeddedRuntime.start(home);
             EmbeddedMonitorSource source = EmbeddedMonitorSource.builder(runtime).build()) {
            source.sampleOrders().setMix(new Orders.Mix(0, 1, 0, null)); // a flaky card: fails once, a retry completes it
            String id = source.sampleOrders().start(1).join().get(0);
            await().atMost(Duration.ofSeconds(20)).until(() -> runtime.runtime().process(id).status() == ProcessStatus.FAILED);
            assertThat(source.audit(id).join()).isEmpty();

            assertThat(source.retry(id, null, null).join().changed()).isTrue();
            await().atMost(Duration.ofSeconds(20)).until(() -> runtime.runtime().process(id).status() == ProcessStatus.COMPLETED);
            assertThat(source.cancel(id).join().changed()).isFalse();

            List<AuditEvent> trail = source.audit(id).join();
            assertThat(trail).extracting(e -> e.action() + " " + e.status() + " " + e.outcome())
                    .containsExactly("cancel (designer) 200 unchanged", "retry (designer) 200 ok");
            assertThat(trail).allSatisfy(e -> {
                assertThat(e.actor()).isEqualTo("designer:" + System.getProperty("user.name"));
                assertThat(e.processId()).isEqualTo(id);
                assertThat(e.remote()).isEqualTo("this computer");
            });
        }
    }
}
