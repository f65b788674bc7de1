package io.caseflow.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

/**
 * Configuration from three places, the first that has a value wins: a command-line flag, an
 * environment variable ({@code CASEFLOW_JDBC_URL} for key {@code jdbc.url}), a properties file
 * ({@code --config FILE}). Secrets ({@link #SECRETS}) are never printed: {@link #describe} masks them.
 */
public final class Settings {
    public static final String INSTALLATION = "installation";
    public static final String JDBC_URL = "jdbc.url";
    public static final String JDBC_USER = "jdbc.user";
    public static final String JDBC_PASSWORD = "jdbc.password";
    public static final String JDBC_POOL_SIZE = "jdbc.pool-size";
    public static final String BROKER_URI = "broker.uri";
    public static final String BROKER_QUORUM = "broker.quorum";
    public static final String BROKER_HEARTBEAT = "broker.heartbeat-seconds";
    public static final String API_TOKEN = "api.token";
    public static final String API_READ_ONLY_TOKEN = "api.read-only-token";
    public static final String API_TOKENS_FILE = "api.tokens-file";
    public static final String TASK_ID_KEY = "task-id.key";
    public static final String HTTP_HOST = "http.host";
    public static final String HTTP_PORT = "http.port";
    public static final String WORKER_THREADS = "worker.threads";
    public static final String WORKER_HEALTH_PORT = "worker.health-port";
    public static final String WORKER_HEALTH_HOST = "worker.health-host";
    public static final String WORKER_CASES = "worker.cases";
    public static final String WORKER_SERVICES = "worker.services";
    public static final String SERVICES_JDBC_URL = "services.jdbc-url";
    public static final String SERVER_URL = "server.url";
    public static final String REGISTRY_HEARTBEAT = "registry.heartbeat-seconds";
    public static final Set<String> SECRETS = Set.of(JDBC_PASSWORD, API_TOKEN, API_READ_ONLY_TOKEN, TASK_ID_KEY);

    private final Properties file;
    private final Map<String, String> environment;
    private final Path source;

    private Settings(Properties file, Map<String, String> environment, Path source) {
        this.file = file;
        this.environment = environment;
        this.source = source;
    }

    /** Settings from the environment and, if {@code configFile} is not null, that properties file. */
    public static Settings load(Path configFile, Map<String, String> environment) {
        Properties properties = new Properties();
        if (configFile != null) {
            try (Reader reader = Files.newBufferedReader(configFile, StandardCharsets.UTF_8)) {
                properties.load(reader);
            } catch (IOException e) {
                throw new IllegalArgumentException("cannot read the configuration file " + configFile + ": " + e.getMessage(), e);
            }
        }
        return new Settings(properties, Map.copyOf(environment), configFile);
    }

    public static String environmentName(String key) {
        return "CASEFLOW_" + key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    /** The flag's value if given, else the environment's, else the file's. */
    public Optional<String> get(String key, String flag) {
        if (flag != null && !flag.isBlank()) {
            return Optional.of(flag.trim());
        }
        String fromEnvironment = environment.get(environmentName(key));
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return Optional.of(fromEnvironment.trim());
        }
        String fromFile = file.getProperty(key);
        return fromFile == null || fromFile.isBlank() ? Optional.empty() : Optional.of(fromFile.trim());
    }

    public String get(String key, String flag, String fallback) {
        return get(key, flag).orElse(fallback);
    }

    public String require(String key, String flag, String flagName) {
        return get(key, flag).orElseThrow(() -> new IllegalArgumentException("no " + key + " configured: pass " + flagName
                + ", set " + environmentName(key) + (source == null ? "" : ", or add '" + key + "=...' to " + source)));
    }

    public int getInt(String key, Integer flag, int fallback) {
        Optional<String> value = get(key, flag == null ? null : flag.toString());
        if (value.isEmpty()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.get());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a whole number, was '" + value.get() + "'");
        }
    }

    /** One line per setting in use, secrets masked; for startup logs. */
    public String describe(Map<String, String> effective) {
        StringBuilder text = new StringBuilder();
        effective.forEach((key, value) -> text.append(key).append('=')
                .append(value == null ? "(none)" : mask(key, value)).append(System.lineSeparator()));
        return text.toString();
    }

    public static String mask(String key, String value) {
        if (SECRETS.contains(key)) {
            return "***";
        }
        return value.replaceAll("(amqps?://[^:/@]*):[^@]*@", "$1:***@").replaceAll("(?i)(password=)[^&;]*", "$1***");
    }
}
