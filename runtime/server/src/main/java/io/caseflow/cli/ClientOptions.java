package io.caseflow.cli;

import io.caseflow.client.CaseflowClient;
import io.caseflow.config.Settings;
import java.net.URI;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Where the caseflow server is and the token to use. */
final class ClientOptions {
    @Option(names = "--server", paramLabel = "URL", description = "The server's base URL (default http://localhost:8080; env CASEFLOW_SERVER_URL).")
    String server;

    @Option(names = "--token", description = "API token (env CASEFLOW_API_TOKEN; prefer env: flags show in ps).")
    String token;

    @Option(names = "--config", paramLabel = "FILE", description = "A properties file with server.url and api.token.")
    Path config;

    CaseflowClient client() {
        Settings settings = Settings.load(config, System.getenv());
        String url = settings.get(Settings.SERVER_URL, server, "http://localhost:8080");
        try {
            return new CaseflowClient(URI.create(url), settings.get(Settings.API_TOKEN, token).orElse(null));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the server URL '" + url + "' is not valid: " + e.getMessage(), e);
        }
    }
}
