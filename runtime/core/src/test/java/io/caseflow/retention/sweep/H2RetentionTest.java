package io.caseflow.retention.sweep;

import io.caseflow.store.Database;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

class H2RetentionTest extends RetentionContractTest {
    @TempDir
    Path dir;

    @Override
    protected String freshDatabaseUrl() {
        return Database.h2File(dir.resolve("retention"));
    }
}
