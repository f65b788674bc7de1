package io.caseflow.registry;

import io.caseflow.testing.ExternalServices;

class PostgresWorkerRegistryTest extends WorkerRegistryContractTest {
    @Override
    protected String freshDatabaseUrl() {
        return ExternalServices.freshPostgresSchema();
    }
}
