package io.caseflow.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class H2StoreTest extends StoreContractTest {
    @TempDir
    Path dir;

    @Override
    protected String freshDatabaseUrl() {
        return Database.h2File(dir.resolve("store"));
    }

    @Test
    void the_page_cache_stays_small_whatever_the_heap() {
        // A cache sized by the heap kept every written page alive past young collections (docs/benchmarks.md, sixth sitting).
        String cacheKb = database.read("read the cache setting", connection -> {
            try (Statement statement = connection.createStatement();
                    ResultSet rs = statement.executeQuery("SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = 'CACHE_SIZE'")) {
                rs.next();
                return rs.getString(1);
            }
        });
        assertThat(cacheKb).isEqualTo(String.valueOf(Database.H2_PAGE_CACHE_KB));
    }
}
