package io.caseflow.designer.monitor.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.caseflow.designer.deploy.EmbeddedRuntime;
import io.caseflow.designer.monitor.ConnectionState;
import io.caseflow.designer.monitor.LiveEventBuffer;
import io.caseflow.designer.monitor.SequenceTracker;
import io.caseflow.designer.monitor.SourceUnavailableException;
import io.caseflow.process.ProcessStatus;
import io.caseflow.samples.Orders;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded source's connection: live events, a stopped runtime, giving up, and reconnecting on request. */
class EmbeddedMonitorSourceTest {
    @TempDir
    Path home;

    @Test
    void events_flow_and_a_runtime_that_stays_down_ends_lost_until_asked_to_reconnect() throws Exception {
        try (EmbeddedRuntime runtime = EmbeddedRuntime.start(home);
             EmbeddedMonitorSource source = EmbeddedMonitorSource.builder(runtime).pingEvery(Duration.ofMillis(100))
                     .backoff(Duration.ofMillis(50), Duration.ofMillis(200)).giveUpAfter(Duration.ofSeconds(1))
                     .restartStopped(false).build()) {
            LiveEventBuffer buffer = new LiveEventBuffer(new SequenceTracker());
            source.subscribe(buffer);
            source.sampleOrders().setMix(Orders.Mix.ALL_GOOD);
            List<String> ids = source.sampleOrders().start(2).join();
            await().atMost(Duration.ofSeconds(20)).until(() -> ids.stream()
                    .allMatch(id -> runtime.runtime().process(id).status() == ProcessStatus.COMPLETED));
            assertThat(buffer.receivedTotal()).as("every transition of both orders").isGreaterThanOrEqualTo(2 * 9);
            assertThat(buffer.gapsTotal()).isZero();

            runtime.stop();

            await().atMost(Duration.ofSeconds(10)).until(() -> source.connection().kind() == ConnectionState.Kind.LOST);
            assertThat(source.connection().reason()).isEqualTo("the embedded runtime is not running");
            assertThat(buffer.drain().connection().kind()).isEqualTo(ConnectionState.Kind.LOST);
            assertThatThrownBy(() -> source.list(io.caseflow.process.ProcessQuery.all(1)).join())
                    .isInstanceOf(CompletionException.class).cause().isInstanceOf(SourceUnavailableException.class)
                    .hasMessage("The embedded runtime is not running; listing processes is not possible now");

            runtime.restart();
            // Lost stays lost until someone asks.
            await().during(Duration.ofMillis(400)).atMost(Duration.ofSeconds(2))
                    .until(() -> source.connection().kind() == ConnectionState.Kind.LOST);
            source.reconnect();
            await().atMost(Duration.ofSeconds(10)).until(() -> source.connection().isUp());
            assertThat(source.process(ids.get(0)).join().status()).isEqualTo(ProcessStatus.COMPLETED);
        }
    }
}
