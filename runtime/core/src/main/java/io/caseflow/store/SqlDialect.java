package io.caseflow.store;

import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Locale;
import java.util.Map;

/** Everything that differs between the databases caseflow runs on, in one place. */
public enum SqlDialect {
    H2("CHARACTER VARYING(1000000)", "VARBINARY(1000000000)", " FOR UPDATE", null, ""),
    // A node that freezes (GC pause, SIGSTOP, a stuck VM) inside a transaction must not hold row locks
    // forever: its session is ended after 15 s idle in a transaction, and nobody waits more than 5 s for a lock.
    // Startup options, not SQL run on each new connection: with autocommit off, such SQL would open a
    // transaction that the pooled connection then rests in until that very timeout ends it.
    POSTGRESQL("TEXT", "TEXT", " FOR UPDATE SKIP LOCKED", "-c lock_timeout=5s -c idle_in_transaction_session_timeout=15s",
            "WHERE status IN ('COMPLETED', 'CANCELLED')");

    private final String textType;
    private final String jsonType;
    private final String lockForClaim;
    private final String sessionOptions;
    private final String finishedOnly;

    SqlDialect(String textType, String jsonType, String lockForClaim, String sessionOptions, String finishedOnly) {
        this.textType = textType;
        this.jsonType = jsonType;
        this.lockForClaim = lockForClaim;
        this.sessionOptions = sessionOptions;
        this.finishedOnly = finishedOnly;
    }

    /** Settings every session starts with (PostgreSQL's startup {@code options}), or null. */
    public String sessionOptions() {
        return sessionOptions;
    }

    public static SqlDialect fromJdbcUrl(String url) {
        String lower = url.toLowerCase(Locale.ROOT);
        if (lower.startsWith("jdbc:h2:")) {
            return H2;
        }
        if (lower.startsWith("jdbc:postgresql:")) {
            return POSTGRESQL;
        }
        throw new IllegalArgumentException("unsupported database URL '" + url
                + "'; caseflow runs on H2 (jdbc:h2:...) and PostgreSQL (jdbc:postgresql://...)");
    }

    /** Placeholders the migrations use. */
    public Map<String, String> migrationPlaceholders() {
        // finishedOnly: the filter of a partial index of finished processes (V6), where the database has them.
        // idCache: identity values an identity column hands out between two writes of its sequence (V12). H2 writes the
        // sequence in a commit of its own, with its own fsync, each time the cache runs out; PostgreSQL's cache is per
        // session and its sequence writes are cheap, so it keeps the V1 value.
        return Map.of("text", textType, "json", jsonType, "finishedOnly", finishedOnly, "idCache", this == H2 ? "100000" : "1000");
    }

    /**
     * Binds JSON for a column of what processes carry (input, data, a stage's output; {@code ${json}} in the
     * migrations). On H2 these are UTF-8 bytes: H2 writes and reads a string a character at a time and hashes
     * it whole to cache it, which made large payloads cost 2x (V9). PostgreSQL keeps them as readable text.
     */
    public void bindJson(PreparedStatement statement, int index, byte[] utf8) throws SQLException {
        if (utf8 == null) {
            statement.setNull(index, this == H2 ? Types.VARBINARY : Types.VARCHAR);
        } else if (this == H2) {
            statement.setBytes(index, utf8);
        } else {
            statement.setString(index, new String(utf8, StandardCharsets.UTF_8));
        }
    }

    /** Reads a column bound by {@link #bindJson} as UTF-8 JSON, or null. */
    public byte[] readJson(ResultSet rs, int column) throws SQLException {
        if (this == H2) {
            return rs.getBytes(column);
        }
        String text = rs.getString(column);
        return text == null ? null : text.getBytes(StandardCharsets.UTF_8);
    }

    /** The same by column name. */
    public byte[] readJson(ResultSet rs, String column) throws SQLException {
        return readJson(rs, rs.findColumn(column));
    }

    /** A JSON column as text in SQL, for a search. */
    public String jsonAsText(String column) {
        return this == H2 ? "CAST(" + column + " AS VARCHAR(1000000000))" : column;
    }

    /**
     * Row locking for claims: with SKIP LOCKED, many nodes claim different rows at once instead of
     * queueing behind each other. H2 (embedded, one process) has a single claimer per database.
     */
    public String lockForClaim() {
        return lockForClaim;
    }
}
