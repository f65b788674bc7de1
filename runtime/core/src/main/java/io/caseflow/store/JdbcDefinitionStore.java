package io.caseflow.store;

import io.caseflow.definition.CaseDefinition;
import io.caseflow.definition.CaseKey;
import io.caseflow.definition.DefinitionFormatException;
import io.caseflow.definition.DefinitionJson;
import io.caseflow.definition.DeployedDefinition;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Deployed case definitions, every version kept. Deploying a definition identical to the latest
 * version returns that version instead of adding a new one. Validation is the caller's job (the
 * runtime validates before it deploys). Thread-safe.
 */
public final class JdbcDefinitionStore implements DefinitionStore {
    private final Database database;
    private final Clock clock;
    private final Map<String, CaseDefinition> byVersion = new ConcurrentHashMap<>();

    public JdbcDefinitionStore(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    @Override
    public DeployedDefinition deploy(CaseDefinition definition) {
        String checksum = checksum(definition);
        Instant now = clock.instant();
        return database.inTransaction("deploy " + definition.key(), connection -> {
            Optional<Row> latest = latestRow(connection, definition.key());
            if (latest.isPresent() && latest.get().checksum.equals(checksum)) {
                return new DeployedDefinition(latest.get().definition, latest.get().deployedAt, true);
            }
            int version = latest.map(r -> r.definition.version() + 1).orElse(1);
            CaseDefinition versioned = definition.withVersion(version);
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO case_definition (case_name, case_api, version, definition, checksum, deployed_at) VALUES (?, ?, ?, ?, ?, ?)")) {
                insert.setString(1, definition.name());
                insert.setString(2, definition.api());
                insert.setInt(3, version);
                insert.setString(4, DefinitionJson.write(versioned));
                insert.setString(5, checksum);
                Jdbc.setInstant(insert, 6, now);
                insert.executeUpdate();
            }
            return new DeployedDefinition(versioned, now, false);
        });
    }

    /** A deployed version; cached, since a version never changes once deployed. */
    @Override
    public Optional<CaseDefinition> find(CaseKey key, int version) {
        String cacheKey = key.name() + "\u0000" + key.api() + "\u0000" + version;
        CaseDefinition cached = byVersion.get(cacheKey);
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<CaseDefinition> loaded = database.read("read definition " + key + " v" + version, connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT definition, checksum, deployed_at FROM case_definition WHERE case_name = ? AND case_api = ? AND version = ?")) {
                select.setString(1, key.name());
                select.setString(2, key.api());
                select.setInt(3, version);
                try (ResultSet rs = select.executeQuery()) {
                    return rs.next() ? Optional.of(row(rs).definition) : Optional.<CaseDefinition>empty();
                }
            }
        });
        loaded.ifPresent(d -> byVersion.put(cacheKey, d));
        return loaded;
    }

    /**
     * The highest version, read from the cache once its number is known: every start asks, and parsing the stored
     * definition each time was a fifth of what starting a process allocated (issue 14).
     */
    @Override
    public Optional<CaseDefinition> latest(CaseKey key) {
        Optional<Integer> version = database.read("read latest version of " + key, connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT MAX(version) FROM case_definition WHERE case_name = ? AND case_api = ?")) {
                select.setString(1, key.name());
                select.setString(2, key.api());
                try (ResultSet rs = select.executeQuery()) {
                    rs.next();
                    int max = rs.getInt(1);
                    return rs.wasNull() ? Optional.<Integer>empty() : Optional.of(max);
                }
            }
        });
        return version.flatMap(v -> find(key, v));
    }

    /** Every deployed version of every case, newest version first within a case. */
    @Override
    public List<DeployedDefinition> all() {
        return database.read("list definitions", connection -> {
            List<DeployedDefinition> result = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT definition, checksum, deployed_at FROM case_definition ORDER BY case_name, case_api, version DESC");
                 ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    Row row = row(rs);
                    result.add(new DeployedDefinition(row.definition, row.deployedAt, false));
                }
            }
            return result;
        });
    }

    private Optional<Row> latestRow(Connection connection, CaseKey key) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT definition, checksum, deployed_at FROM case_definition WHERE case_name = ? AND case_api = ? "
                        + "ORDER BY version DESC LIMIT 1")) {
            select.setString(1, key.name());
            select.setString(2, key.api());
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? Optional.of(row(rs)) : Optional.empty();
            }
        }
    }

    private static Row row(ResultSet rs) throws SQLException {
        String json = rs.getString("definition");
        try {
            return new Row(DefinitionJson.read(json, "stored definition"), rs.getString("checksum"),
                    Jdbc.getInstant(rs, "deployed_at"));
        } catch (DefinitionFormatException e) {
            throw new SQLException("a stored definition cannot be read: " + e.getMessage(), e);
        }
    }

    /** Identifies a definition's content, whatever version number it carries. */
    static String checksum(CaseDefinition definition) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(DefinitionJson.write(definition.withVersion(0)).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private record Row(CaseDefinition definition, String checksum, Instant deployedAt) {
    }
}
