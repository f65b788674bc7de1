package io.caseflow.transport;

import io.caseflow.installation.Installation;
import io.caseflow.store.OutboxStore;
import io.caseflow.transport.embedded.EmbeddedTransport;
import java.time.Clock;

class EmbeddedTransportTest extends TransportContractTest {
    @Override
    protected Transport newTransport(OutboxStore outbox) {
        return new EmbeddedTransport(Installation.DEFAULT, outbox, Clock.systemUTC());
    }
}
