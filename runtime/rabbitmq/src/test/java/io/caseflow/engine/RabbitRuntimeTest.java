package io.caseflow.engine;

import io.caseflow.testing.RabbitRuntimes;
import io.caseflow.CaseflowRuntime;
import io.caseflow.testing.ExternalServices;

/** The runtime contract on PostgreSQL with the RabbitMQ transport (quorum queues). */
class RabbitRuntimeTest extends RuntimeContractTest {
    @Override
    protected CaseflowRuntime.Builder configure(CaseflowRuntime.Builder builder) {
        return RabbitRuntimes.onRabbitMqAndPostgres(builder, false);
    }

    @Override
    protected void cleanUp() {
        ExternalServices.deleteQueues(queuesUsed());
    }
}
