package io.caseflow.transport;

import io.caseflow.store.OutboxStore;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;

/** Makes a runtime's transport once its store exists. */
@FunctionalInterface
public interface TransportFactory {
    Transport create(OutboxStore outbox, Clock clock, MeterRegistry meters);
}
