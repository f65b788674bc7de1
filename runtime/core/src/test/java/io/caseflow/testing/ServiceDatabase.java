package io.caseflow.testing;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;

/** A service's own H2 database for tests, durable like a real one. */
public final class ServiceDatabase {
    private ServiceDatabase() {
    }

    public static String url(Path file) {
        return "jdbc:h2:file:" + file.toAbsolutePath() + ";WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE";
    }

    public static HikariDataSource open(Path file) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url(file));
        config.setMaximumPoolSize(4);
        return new HikariDataSource(config);
    }
}
