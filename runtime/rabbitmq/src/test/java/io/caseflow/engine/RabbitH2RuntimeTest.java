package io.caseflow.engine;

import io.caseflow.CaseflowRuntime;
import io.caseflow.testing.ExternalServices;
import io.caseflow.testing.RabbitRuntimes;

/** The runtime contract on an H2 file with the RabbitMQ transport: a single node with a durable broker, as benchmarked. */
class RabbitH2RuntimeTest extends RuntimeContractTest {
    @Override
    protected CaseflowRuntime.Builder configure(CaseflowRuntime.Builder builder) {
        return RabbitRuntimes.onRabbitMqAndH2(builder, dir.resolve("runtime"));
    }

    @Override
    protected void cleanUp() {
        ExternalServices.deleteQueues(queuesUsed());
    }
}
