package io.caseflow.store;

import java.util.Locale;
import java.util.Map;

/** Everything that differs between the databases caseflow runs on, in one place. */
public enum SqlDialect {
    H2("CHARACTER VARYING(1000000)", " FOR UPDATE"),
    POSTGRESQL("TEXT", " FOR UPDATE SKIP LOCKED");

    private final String textType;
    private final String lockForClaim;

    SqlDialect(String textType, String lockForClaim) {
        this.textType = textType;
        this.lockForClaim = lockForClaim;
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
        return Map.of("text", textType);
    }

    /**
     * Row locking for claims: with SKIP LOCKED, many nodes claim different rows at once instead of
     * queueing behind each other. H2 (embedded, one process) has a single claimer per database.
     */
    public String lockForClaim() {
        return lockForClaim;
    }
}
