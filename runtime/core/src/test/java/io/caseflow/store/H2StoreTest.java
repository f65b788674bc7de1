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

    @Test
    void an_h2_file_is_this_processs_alone_unless_it_is_shared_through_a_server() {
        assertThat(database.isExclusive()).as("H2 locks an embedded file to the process that opened it").isTrue();
        try (Database shared = Database.open("jdbc:h2:file:" + dir.resolve("shared").toAbsolutePath()
                + ";WRITE_DELAY=0;AUTO_SERVER=TRUE", 2)) {
            assertThat(shared.isExclusive()).as("other processes may connect through its server").isFalse();
        }
        try (Database inMemory = Database.open("jdbc:h2:mem:exclusive-test;DB_CLOSE_DELAY=-1", 2)) {
            assertThat(inMemory.isExclusive()).isFalse();
        }
    }
}
