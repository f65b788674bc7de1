package io.caseflow.samples;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.caseflow.service.IdempotentInbox;
import io.caseflow.service.ServiceEndpoint;
import io.caseflow.transport.Transport;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.flywaydb.core.Flyway;

/**
 * The three services businessCase1 calls (warehouse, payments, shipping), each with its own database,
 * its idempotent inbox and a ledger of the commands it applied.
 *
 * <pre>{@code
 * try (SampleServices services = SampleServices.h2(dir)) {
 *     services.attach(runtime.transport(), 2);
 *     ...
 *     services.ledgers().forEach(System.out::println);
 * }
 * }</pre>
 */
public final class SampleServices implements AutoCloseable {
    private final Map<String, HikariDataSource> databases = new LinkedHashMap<>();
    private final List<ServiceEndpoint> endpoints = new ArrayList<>();

    /** The services businessCase1 calls. */
    public static final Set<String> NAMES = Set.of(Warehouse.NAME, Payments.NAME, Shipping.NAME);

    private SampleServices(Function<String, String> jdbcUrlOf, Set<String> names) {
        Clock clock = Clock.systemUTC();
        for (String name : names) {
            if (!NAMES.contains(name)) {
                throw new IllegalArgumentException("no sample service '" + name + "'; there are " + new TreeSet<>(NAMES));
            }
        }
        try {
            for (String name : List.of(Warehouse.NAME, Payments.NAME, Shipping.NAME)) {
                if (!names.contains(name)) {
                    continue;
                }
                String url = jdbcUrlOf.apply(name);
                HikariDataSource dataSource = dataSource(url, name);
                databases.put(name, dataSource);
                var flyway = Flyway.configure().dataSource(dataSource).locations("classpath:io/caseflow/samples/db/" + name)
                        .table("sample_schema_history");
                Matcher schema = Pattern.compile("[?&]currentSchema=([A-Za-z0-9_]+)").matcher(url);
                if (schema.find()) {
                    flyway.schemas(schema.group(1)); // a schema per service on one PostgreSQL: created if missing
                }
                flyway.load().migrate();
                IdempotentInbox inbox = IdempotentInbox.create(dataSource, url, clock);
                ServiceEndpoint.Builder builder = ServiceEndpoint.builder(name, inbox).clock(clock);
                switch (name) {
                    case Warehouse.NAME -> builder.command("reserveStock", Warehouse::reserveStock)
                            .command("releaseStock", Warehouse::releaseStock);
                    case Payments.NAME -> builder.command("charge", Payments::charge);
                    default -> builder.command("createShipment", Shipping::createShipment);
                }
                endpoints.add(builder.build());
            }
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /** Each service in its own H2 file under {@code directory} (durable: WRITE_DELAY=0). */
    public static SampleServices h2(Path directory) {
        return new SampleServices(name -> "jdbc:h2:file:" + directory.resolve(name).toAbsolutePath()
                + ";WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE;LOCK_TIMEOUT=10000", NAMES);
    }

    /** Each service in a database whose JDBC URL {@code jdbcUrlOf} gives for its name (e.g. one PostgreSQL schema each). */
    public static SampleServices jdbc(Function<String, String> jdbcUrlOf) {
        return new SampleServices(jdbcUrlOf, NAMES);
    }

    /** Only the named services, each in the database {@code jdbcUrlOf} gives for its name. */
    public static SampleServices jdbc(Function<String, String> jdbcUrlOf, Set<String> names) {
        return new SampleServices(jdbcUrlOf, names);
    }

    /** Starts consuming every service's request queue over {@code transport}. */
    public SampleServices attach(Transport transport, int concurrencyPerService) {
        endpoints.forEach(e -> e.attach(transport, concurrencyPerService));
        return this;
    }

    public List<ServiceEndpoint> endpoints() {
        return List.copyOf(endpoints);
    }

    /** Per service: what its ledger and inbox say it applied. */
    public List<Ledger> ledgers() throws SQLException {
        List<Ledger> result = new ArrayList<>();
        for (Map.Entry<String, HikariDataSource> entry : databases.entrySet()) {
            try (Connection connection = entry.getValue().getConnection()) {
                long applied = count(connection, "SELECT COUNT(*) FROM ledger");
                long distinctTasks = count(connection, "SELECT COUNT(DISTINCT task_id) FROM ledger");
                long doubled = count(connection, "SELECT COUNT(*) FROM (SELECT command, order_id FROM ledger "
                        + "GROUP BY command, order_id HAVING COUNT(*) > 1) d");
                long repeats = count(connection, "SELECT COALESCE(SUM(repeats), 0) FROM caseflow_inbox");
                result.add(new Ledger(entry.getKey(), applied, distinctTasks, doubled, repeats));
            }
        }
        return result;
    }

    /**
     * One service's books.
     *
     * @param appliedCommands rows in its ledger: commands it applied
     * @param distinctTaskIds distinct task ids among them (equal when nothing was applied twice)
     * @param ordersWithRepeatedCommand (command, order) pairs applied more than once; the flaky card's
     *                                  deliberate retry is the only legitimate source
     * @param repeatsRecognised requests recognised as repeats and answered from the inbox
     */
    public record Ledger(String service, long appliedCommands, long distinctTaskIds, long ordersWithRepeatedCommand,
                         long repeatsRecognised) {
    }

    private static long count(Connection connection, String sql) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(sql); ResultSet rs = select.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static HikariDataSource dataSource(String url, String name) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setMaximumPoolSize(4);
        config.setPoolName("sample-" + name);
        return new HikariDataSource(config);
    }

    @Override
    public void close() {
        databases.values().forEach(HikariDataSource::close);
    }
}
