package io.caseflow.store;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

class H2StoreTest extends StoreContractTest {
    @TempDir
    Path dir;

    @Override
    protected String freshDatabaseUrl() {
        return Database.h2File(dir.resolve("store"));
    }
}
