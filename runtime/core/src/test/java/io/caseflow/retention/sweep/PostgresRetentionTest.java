package io.caseflow.retention.sweep;

import io.caseflow.testing.ExternalServices;

class PostgresRetentionTest extends RetentionContractTest {
    @Override
    protected String freshDatabaseUrl() {
        return ExternalServices.freshPostgresSchema();
    }
}
