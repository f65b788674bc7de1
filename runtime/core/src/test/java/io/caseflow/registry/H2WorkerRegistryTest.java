package io.caseflow.registry;

import io.caseflow.store.Database;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

class H2WorkerRegistryTest extends WorkerRegistryContractTest {
    @TempDir
    Path dir;

    @Override
    protected String freshDatabaseUrl() {
        return Database.h2File(dir.resolve("store"));
    }
}
