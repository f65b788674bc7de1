package io.caseflow.store.migration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * On PostgreSQL, what processes carry is compressed with LZ4 instead of the default pglz (issue 14). PostgreSQL
 * compresses every value over about 2 KB as it stores it, on the committing path: a stage result of 16 KB of item
 * lists cost it 730-840 µs with pglz and 230-290 µs with LZ4 (at much the same size on disk), and with pglz that was
 * most of the database's CPU per transition. Only new values are compressed so; old ones are read as they are.
 *
 * <p>A Java migration because it depends on the server: LZ4 needs PostgreSQL 14 or newer built with it (the
 * packages and images of postgresql.org are), and where it is missing the columns keep pglz, and the log says so.
 * H2 compresses nothing here (its pages are not compressed), so there this migration does nothing.
 */
public class V13__Payload_compression extends BaseJavaMigration {
    private static final Logger LOG = LoggerFactory.getLogger(V13__Payload_compression.class);

    /** Table and column of every value whose size is the user's: payloads, results, requests and their errors. */
    static final List<String[]> COLUMNS = List.of(
            new String[] {"stage_run", "output"},
            new String[] {"stage_run", "error_trace"},
            new String[] {"process_payload", "input"},
            new String[] {"process_data", "data"},
            new String[] {"process", "pending_request"},
            new String[] {"process", "error_trace"},
            new String[] {"outbox", "body"},
            new String[] {"dead_letter", "body"});

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        if (!"PostgreSQL".equals(connection.getMetaData().getDatabaseProductName())) {
            return;
        }
        if (!lz4Available(connection)) {
            LOG.warn("this PostgreSQL cannot compress with LZ4 (it needs version 14 or newer, built with lz4): what processes "
                    + "carry stays compressed with pglz, which costs the database about three times the CPU for large payloads");
            return;
        }
        try (Statement statement = connection.createStatement()) {
            for (String[] column : COLUMNS) {
                statement.execute("ALTER TABLE " + column[0] + " ALTER COLUMN " + column[1] + " SET COMPRESSION lz4");
            }
        }
    }

    private static boolean lz4Available(Connection connection) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT 1 FROM pg_settings WHERE name = 'default_toast_compression' AND 'lz4' = ANY (enumvals)");
             ResultSet rs = query.executeQuery()) {
            return rs.next();
        }
    }
}
