package io.caseflow.store.migration;

import static org.assertj.core.api.Assertions.assertThat;

import io.caseflow.store.Database;
import io.caseflow.testing.ExternalServices;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** V13: on PostgreSQL, what processes carry is compressed with LZ4 where the server has it; H2 opens as before. */
class PayloadCompressionTest {

    @Test
    void postgres_compresses_payload_columns_with_lz4_and_reads_back_what_was_written() {
        try (Database database = Database.open(ExternalServices.freshPostgresSchema(), 2)) {
            boolean lz4 = database.read("lz4?", connection -> {
                try (ResultSet rs = connection.createStatement().executeQuery(
                        "SELECT 1 FROM pg_settings WHERE name = 'default_toast_compression' AND 'lz4' = ANY (enumvals)")) {
                    return rs.next();
                }
            });
            Map<String, String> methods = database.read("column compression", connection -> {
                Map<String, String> found = new HashMap<>();
                for (String[] column : V13__Payload_compression.COLUMNS) {
                    try (PreparedStatement select = connection.prepareStatement("SELECT attcompression FROM pg_attribute "
                            + "WHERE attrelid = to_regclass(?) AND attname = ? AND NOT attisdropped")) {
                        select.setString(1, column[0]);
                        select.setString(2, column[1]);
                        try (ResultSet rs = select.executeQuery()) {
                            assertThat(rs.next()).as("column %s.%s exists", column[0], column[1]).isTrue();
                            found.put(column[0] + "." + column[1], rs.getString(1));
                        }
                    }
                }
                return found;
            });
            // 'l' is LZ4; an empty method is the server's default (pglz), where LZ4 is not built in
            assertThat(methods).hasSize(V13__Payload_compression.COLUMNS.size()).allSatisfy((column, method) ->
                    assertThat(method).as(column).isEqualTo(lz4 ? "l" : ""));

            String document = "{\"items\":[" + "{\"sku\":\"SKU-1\",\"name\":\"blue steel kit\",\"qty\":2},".repeat(400) + "{}]}";
            String[] read = database.inTransaction("write a large output", connection -> {
                try (PreparedStatement insert = connection.prepareStatement("INSERT INTO stage_run (process_id, step, stage, attempt, "
                        + "status, output) VALUES ('p-1', 0, 'reserve', 1, 'COMPLETED', ?)")) {
                    insert.setString(1, document);
                    insert.executeUpdate();
                }
                try (ResultSet rs = connection.createStatement().executeQuery(
                        "SELECT output, pg_column_compression(output) FROM stage_run WHERE process_id = 'p-1'")) {
                    rs.next();
                    return new String[] {rs.getString(1), rs.getString(2)};
                }
            });
            assertThat(read[0]).isEqualTo(document);
            assertThat(read[1]).isEqualTo(lz4 ? "lz4" : "pglz");
        }
    }

    @Test
    void h2_is_left_as_it_was() {
        try (Database database = Database.open("jdbc:h2:mem:compression-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1", 2)) {
            int version = database.read("schema version", connection -> {
                try (ResultSet rs = connection.createStatement().executeQuery(
                        "SELECT MAX(CAST(\"version\" AS INT)) FROM \"caseflow_schema_history\"")) {
                    rs.next();
                    return rs.getInt(1);
                }
            });
            assertThat(version).isEqualTo(13);
        }
    }
}
