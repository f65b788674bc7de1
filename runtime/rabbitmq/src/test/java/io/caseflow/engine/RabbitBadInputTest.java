package io.caseflow.engine;

import io.caseflow.testing.RabbitRuntimes;
import io.caseflow.CaseflowRuntime;
import io.caseflow.testing.ExternalServices;
import java.util.List;

/** Bad input over RabbitMQ: dead-lettered to the broker's dead-letter exchange with the reason, and archived in the store. */
class RabbitBadInputTest extends BadInputContractTest {
    @Override
    protected CaseflowRuntime.Builder configure(CaseflowRuntime.Builder builder) {
        return RabbitRuntimes.onRabbitMqAndPostgres(builder, true);
    }

    @Override
    protected void cleanUp() {
        ExternalServices.deleteQueues(List.of(ExternalServices.testInstallation().innerQ(KEY), ExternalServices.testInstallation().serviceQ(KEY), ExternalServices.testInstallation().serviceRequests(payments)));
    }
}
