package io.caseflow.store;

import io.caseflow.testing.ExternalServices;

class PostgresStoreTest extends StoreContractTest {
    @Override
    protected String freshDatabaseUrl() {
        return ExternalServices.freshPostgresSchema();
    }
}
