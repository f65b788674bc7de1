package io.caseflow.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.caseflow.testing.ExternalServices;
import org.junit.jupiter.api.Test;

class PostgresStoreTest extends StoreContractTest {
    @Override
    protected String freshDatabaseUrl() {
        return ExternalServices.freshPostgresSchema();
    }

    @Test
    void a_postgresql_database_is_shared_by_the_nodes() {
        assertThat(database.isExclusive()).isFalse();
    }
}
