package io.caseflow.transport;

import io.caseflow.installation.Installation;
import io.caseflow.store.OutboxStore;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;

/** Makes a runtime's transport once its store exists; the transport carries the queues of {@code installation}. */
@FunctionalInterface
public interface TransportFactory {
    Transport create(Installation installation, OutboxStore outbox, Clock clock, MeterRegistry meters);
}
