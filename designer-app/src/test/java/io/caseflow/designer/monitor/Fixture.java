package io.caseflow.designer.monitor;

import io.caseflow.designer.concurrent.UiExecutor;
import io.caseflow.designer.monitor.source.InMemoryMonitorSource;
import io.caseflow.json.Json;
import io.caseflow.process.ProcessIds;
import io.caseflow.process.ProcessSnapshot;
import io.caseflow.process.ProcessStatus;
import io.caseflow.samples.BusinessCase1;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** An in-memory source on the sample case, a same-thread UI executor and a manual clock. */
final class Fixture {
    final ManualClock clock = new ManualClock(Instant.parse("2025-03-01T09:00:00Z"));
    final InMemoryMonitorSource source = InMemoryMonitorSource.direct(clock);
    final UiExecutor ui = UiExecutor.direct();

    Fixture() {
        source.deploy(BusinessCase1.definition().withVersion(1));
    }

    /** Stores {@code n} processes (oldest first), as a store would hold them before the monitor opens. */
    List<ProcessSnapshot> stored(int n, ProcessStatus status, String stage) {
        List<ProcessSnapshot> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ProcessSnapshot p = InMemoryMonitorSource.snapshot(ProcessIds.next(), BusinessCase1.KEY, 1, status, stage, 2,
                    Json.object().put("orderId", "ORD-" + (10000 + i)),
                    status == ProcessStatus.FAILED ? InMemoryMonitorSource.failure(stage, "simulated failure", clock.instant()) : null,
                    clock.instant());
            source.put(p);
            out.add(p);
        }
        return out;
    }

    ProcessSnapshot moved(ProcessSnapshot p, ProcessStatus status, String stage) {
        clock.advance(Duration.ofMillis(10));
        return p.toBuilder().status(status).moveTo(stage).step(p.step() + 1).updatedAt(clock.instant())
                .failure(status == ProcessStatus.FAILED ? InMemoryMonitorSource.failure(stage, "boom at " + stage, clock.instant()) : null)
                .build();
    }

    ProcessSnapshot started(String stage) {
        clock.advance(Duration.ofMillis(10));
        return InMemoryMonitorSource.snapshot(ProcessIds.next(), BusinessCase1.KEY, 1, ProcessStatus.RUNNING, stage, 1,
                Json.object(), null, clock.instant());
    }
}
