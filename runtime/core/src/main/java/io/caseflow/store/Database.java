package io.caseflow.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The process store's database: a connection pool, the dialect, migrations and a transaction helper.
 *
 * <p>H2 is opened with {@code WRITE_DELAY=0}, so every commit is written to the file before the engine
 * acknowledges anything: a killed JVM loses no committed transition. H2 does not fsync each commit,
 * so an OS crash or power loss can still lose the last moments; PostgreSQL is the store for that.
 *
 * <pre>{@code
 * try (Database db = Database.open(Database.h2File(Path.of("data/caseflow")), 8)) { ... }
 * }</pre>
 */
public final class Database implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Database.class);

    /** Where an embedded runtime keeps its database when nothing else is configured: {@code caseflow} in the {@link DataHome}. */
    public static final Path DEFAULT_H2_PATH = DataHome.folder().resolve("caseflow");
    /** The folder beside an H2 file database where it is copied before its schema is migrated. */
    public static final String BACKUP_FOLDER = "backups";
    private static final DateTimeFormatter BACKUP_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    public static final int DEFAULT_POOL_SIZE = 8;
    /**
     * H2's page cache, in KB: small on purpose. Every commit puts the pages it wrote into this cache, so a large one keeps
     * them alive past young collections and the collector copies them; with an eighth of a 4 GB heap the embedded
     * benchmark ran at about 0.7x its speed with 16 MB (docs/benchmarks.md, sixth sitting), and processes carrying
     * 16 KB per stage or 256 KB of data gained nothing from it: the data is written only when it changes and the
     * embedded store answers from its last commit.
     */
    static final int H2_PAGE_CACHE_KB = 16 * 1024;

    private final HikariDataSource dataSource;
    private final SqlDialect dialect;
    private final String url;
    private final Optional<String> schema;
    private static final Pattern CURRENT_SCHEMA = Pattern.compile("[?&]currentSchema=([A-Za-z0-9_]+)");
    private static final Pattern SCHEMA_NAME = Pattern.compile("[a-z][a-z0-9_]{0,62}");

    private Database(HikariDataSource dataSource, SqlDialect dialect, String url, Optional<String> schema) {
        this.dataSource = dataSource;
        this.dialect = dialect;
        this.url = url;
        this.schema = schema;
    }

    /**
     * The JDBC URL of a durable H2 file database at {@code path} (H2 adds {@code .mv.db}), with H2's page cache at a
     * fixed 16 MB ({@link #H2_PAGE_CACHE_KB}).
     */
    public static String h2File(Path path) {
        return "jdbc:h2:file:" + path.toAbsolutePath() + ";WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE;LOCK_TIMEOUT=10000;CACHE_SIZE="
                + H2_PAGE_CACHE_KB;
    }

    /** Opens a pool on {@code jdbcUrl} and brings the schema up to date. */
    public static Database open(String jdbcUrl, int poolSize) {
        return open(jdbcUrl, null, null, poolSize);
    }

    public static Database open(String jdbcUrl, String user, String password, int poolSize) {
        return open(jdbcUrl, user, password, poolSize, Optional.empty());
    }

    /**
     * Like {@link #open(String, String, String, int)}, with the tables in {@code schema} (an installation's
     * own; created if missing). A {@code currentSchema} in a PostgreSQL URL is more specific and wins.
     */
    public static Database open(String jdbcUrl, String user, String password, int poolSize, Optional<String> schema) {
        SqlDialect dialect = SqlDialect.fromJdbcUrl(jdbcUrl);
        if (dialect == SqlDialect.H2 && !jdbcUrl.toUpperCase(Locale.ROOT).contains("WRITE_DELAY=0")
                && !jdbcUrl.startsWith("jdbc:h2:mem:")) {
            throw new IllegalArgumentException("an H2 file database must be opened with WRITE_DELAY=0, or a killed JVM "
                    + "loses committed transitions; use Database.h2File(path)");
        }
        Optional<Path> h2File = dialect == SqlDialect.H2 ? h2FilePath(jdbcUrl) : Optional.empty();
        if (h2File.isPresent()) {
            // Before H2 tries, whose own error is a trace-file stack trace: say which folder and why.
            Path folder = h2File.get().toAbsolutePath().getParent();
            DataHome.create(folder).ifPresent(why -> {
                throw new StoreException("cannot open the process store " + h2File.get() + ".mv.db: its folder " + folder
                        + " cannot be used: " + why, null);
            });
        }
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        if (user != null) {
            config.setUsername(user);
        }
        if (password != null) {
            config.setPassword(password);
        }
        config.setMaximumPoolSize(poolSize);
        config.setMinimumIdle(Math.min(2, poolSize));
        config.setAutoCommit(false);
        config.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
        config.setConnectionTimeout(Duration.ofSeconds(10).toMillis());
        config.setPoolName("caseflow-store");
        Optional<String> ownSchema = CURRENT_SCHEMA.matcher(jdbcUrl).find() ? Optional.empty() : schema;
        if (ownSchema.isPresent()) {
            createSchema(jdbcUrl, user, password, ownSchema.get());
            config.setSchema(ownSchema.get());
        }
        h2File.ifPresent(file -> backUpBeforeMigrating(file, jdbcUrl, user, password, ownSchema));
        if (dialect.sessionOptions() != null) {
            sessionOptions(config, jdbcUrl, dialect.sessionOptions());
        }
        // Let the engine start even if the database is down for a moment; calls fail clearly until it is back.
        config.setInitializationFailTimeout(-1);
        HikariDataSource dataSource = new HikariDataSource(config);
        Database database = new Database(dataSource, dialect, jdbcUrl, ownSchema);
        try {
            database.migrate();
        } catch (RuntimeException e) {
            dataSource.close();
            throw new StoreException("cannot prepare the process store at " + redact(jdbcUrl) + ": " + rootMessage(e), e);
        }
        return database;
    }

    /**
     * Gives every session caseflow's settings at its start. An {@code options} parameter in the URL is
     * kept and goes after ours, so an operator may tune a setting there (the driver lets the URL win).
     */
    private static void sessionOptions(HikariConfig config, String jdbcUrl, String options) {
        Matcher own = Pattern.compile("[?&]options=([^&]*)").matcher(jdbcUrl);
        if (own.find()) {
            config.setJdbcUrl(jdbcUrl.substring(0, own.start(1)) + URLEncoder.encode(options, StandardCharsets.UTF_8) + "%20"
                    + own.group(1) + jdbcUrl.substring(own.end(1)));
        } else {
            config.addDataSourceProperty("options", options);
        }
    }

    /** Flyway as caseflow runs it on {@code dialect}: its migrations and history table; the caller adds the data source. */
    static FluentConfiguration flyway(SqlDialect dialect) {
        return Flyway.configure()
                .locations("classpath:io/caseflow/store/migration")
                .table("caseflow_schema_history")
                .placeholders(dialect.migrationPlaceholders());
    }

    private void migrate() {
        var flyway = flyway(dialect).dataSource(dataSource);
        Matcher urlSchema = CURRENT_SCHEMA.matcher(url);
        if (schema.isPresent()) {
            flyway.schemas(schema.get());
        } else if (dialect == SqlDialect.POSTGRESQL && urlSchema.find()) {
            flyway.schemas(urlSchema.group(1)); // created if it does not exist yet
        }
        flyway.load().migrate();
        LOG.info("process store ready at {} ({})", describe(), dialect);
    }

    /**
     * The file an H2 URL names, without H2's {@code .mv.db}: empty for an in-memory, remote ({@code tcp:},
     * {@code ssl:}) or other non-file database. A leading {@code ~} is the user's home, as H2 reads it.
     */
    static Optional<Path> h2FilePath(String jdbcUrl) {
        if (!jdbcUrl.startsWith("jdbc:h2:")) {
            return Optional.empty();
        }
        String name = jdbcUrl.substring("jdbc:h2:".length());
        int options = name.indexOf(';');
        name = options < 0 ? name : name.substring(0, options);
        name = name.startsWith("file:") ? name.substring("file:".length()) : name;
        if (name.isBlank() || name.matches("[A-Za-z]{2,}:.*")) { // mem:, tcp:, ssl:, nio:, ... (C: is a Windows drive)
            return Optional.empty();
        }
        if (name.equals("~") || name.startsWith("~/") || name.startsWith("~\\")) {
            name = System.getProperty("user.home") + name.substring(1);
        }
        return Optional.of(Path.of(name));
    }

    /**
     * Keeps the old version's data when its format is about to change: if the H2 file database at
     * {@code file} has a schema and migrations are pending for it, copies {@code file.mv.db} into
     * {@value #BACKUP_FOLDER}/ beside it, named with the schema version it holds and the time (UTC), e.g.
     * {@code backups/caseflow-v3-20261205T171203Z.mv.db}; an older caseflow opens that copy as it was. Runs
     * before the pool opens, when no connection of this runtime holds the file. When the copy cannot be
     * made nothing is migrated and the store does not open. PostgreSQL is never copied: its operators back
     * it up with their own tools before an upgrade.
     */
    private static void backUpBeforeMigrating(Path file, String jdbcUrl, String user, String password, Optional<String> schema) {
        Path database = file.resolveSibling(file.getFileName() + ".mv.db");
        if (!Files.isRegularFile(database)) {
            return; // a new database: nothing to keep
        }
        FluentConfiguration check = flyway(SqlDialect.H2).dataSource(jdbcUrl, user, password);
        schema.ifPresent(check::schemas);
        MigrationInfoService info;
        try {
            info = check.load().info();
        } catch (RuntimeException e) {
            throw new StoreException("cannot read the schema version of the process store at " + redact(jdbcUrl) + ": "
                    + rootMessage(e), e);
        }
        MigrationInfo current = info.current();
        MigrationInfo[] pending = info.pending();
        if (current == null || current.getVersion() == null || pending.length == 0) {
            return; // empty, or up to date
        }
        String version = current.getVersion().getVersion();
        MigrationInfo last = pending[pending.length - 1];
        String target = last.getVersion() == null ? "the latest" : last.getVersion().getVersion();
        Path folder = database.resolveSibling(BACKUP_FOLDER);
        String stem = file.getFileName() + "-v" + version + "-" + BACKUP_TIME.format(Instant.now());
        Path copy = folder.resolve(stem + ".mv.db");
        for (int n = 2; Files.exists(copy); n++) {
            copy = folder.resolve(stem + "-" + n + ".mv.db");
        }
        try {
            Files.createDirectories(folder);
            Files.copy(database, copy, StandardCopyOption.COPY_ATTRIBUTES);
        } catch (IOException e) {
            try {
                Files.deleteIfExists(copy);
            } catch (IOException ignored) {
                // The message below says what failed; a partial copy left behind is named as a backup of its time.
            }
            throw new StoreException("cannot copy the process store " + database + " to " + copy + " before migrating it from "
                    + "schema version " + version + " to " + target + ", so it was left as it is (" + e.getClass().getSimpleName() + ": "
                    + e.getMessage() + "); free some space or make " + folder + " writable, then start again", e);
        }
        // WARN, not INFO: it happens once per format change, and the user should find where the old data went.
        LOG.warn("process store {} is at schema version {}, migrating to {}: copied it first to {} (an older caseflow "
                + "opens that copy; delete it when no longer needed)", database, version, target, copy);
    }

    /**
     * Creates an installation's schema before the pool opens: the pool sets it on every connection, and
     * H2 refuses to switch to a schema that does not exist yet.
     */
    private static void createSchema(String jdbcUrl, String user, String password, String schema) {
        if (!SCHEMA_NAME.matcher(schema).matches()) {
            throw new IllegalArgumentException("schema '" + schema + "' must be lowercase letters, digits and '_', starting with a letter");
        }
        try (Connection connection = DriverManager.getConnection(jdbcUrl, user, password);
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA IF NOT EXISTS \"" + schema + "\"");
            if (!connection.getAutoCommit()) {
                connection.commit();
            }
        } catch (SQLException e) {
            throw new StoreException("cannot prepare schema " + schema + " in the process store at " + redact(jdbcUrl) + ": "
                    + e.getMessage(), e);
        }
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public SqlDialect dialect() {
        return dialect;
    }

    /** The URL with any password removed (and the installation's schema), for logs and messages. */
    public String describe() {
        return redact(url) + schema.map(name -> " schema " + name).orElse("");
    }

    /** Work that runs in one transaction: committed if it returns, rolled back if it throws. */
    @FunctionalInterface
    public interface TransactionWork<T> {
        T run(Connection connection) throws SQLException;
    }

    public <T> T inTransaction(String what, TransactionWork<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                rollbackQuietly(connection);
                throw e;
            }
        } catch (SQLException e) {
            throw new StoreException("store: cannot " + what + ": " + e.getMessage(), e);
        }
    }

    /**
     * Work that only reads, each statement on its own (no {@code FOR UPDATE}): run in autocommit, so PostgreSQL gets
     * the query alone instead of {@code BEGIN}, the query and a {@code COMMIT} round trip of its own. Under READ
     * COMMITTED, which the pool sets, each statement sees its own snapshot either way, so a reader sees the same rows.
     * The pool puts the connection back in manual commit when it returns.
     */
    public <T> T read(String what, TransactionWork<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(true);
            return work.run(connection);
        } catch (SQLException e) {
            throw new StoreException("store: cannot " + what + ": " + e.getMessage(), e);
        }
    }

    private static void rollbackQuietly(Connection connection) {
        try {
            connection.rollback();
        } catch (SQLException ignored) {
            // The connection is broken; the pool discards it and the caller sees the original error.
        }
    }

    /** A round trip to the database ({@code SELECT 1}); throws a {@link StoreException} when it cannot be reached. For health checks. */
    public void ping() {
        inTransaction("check the store", connection -> {
            try (Statement statement = connection.createStatement()) {
                statement.execute("SELECT 1");
            }
            return null;
        });
    }

    /**
     * Publishes the pool's own meters (HikariCP's {@code hikaricp_connections_active}, {@code _pending}, acquire and
     * usage timers, tagged with the pool name) to {@code registry}. Once per database.
     */
    public void bindMetrics(MeterRegistry registry) {
        dataSource.setMetricRegistry(registry);
    }

    @Override
    public void close() {
        dataSource.close();
    }

    static String redact(String url) {
        return url.replaceAll("(?i)(password=)[^;&]*", "$1***");
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage();
    }
}
