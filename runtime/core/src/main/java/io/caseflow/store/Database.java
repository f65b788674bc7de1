package io.caseflow.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
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

    /** Where an embedded runtime keeps its database when nothing else is configured. */
    public static final Path DEFAULT_H2_PATH = Path.of(System.getProperty("user.home"), ".caseflow", "caseflow");
    public static final int DEFAULT_POOL_SIZE = 8;

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

    /** The JDBC URL of a durable H2 file database at {@code path} (H2 adds {@code .mv.db}). */
    public static String h2File(Path path) {
        return "jdbc:h2:file:" + path.toAbsolutePath() + ";WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE;LOCK_TIMEOUT=10000";
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

    private void migrate() {
        var flyway = Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:io/caseflow/store/migration")
                .table("caseflow_schema_history")
                .placeholders(dialect.migrationPlaceholders());
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
