package io.caseflow.cli;

import io.caseflow.CaseflowRuntime;
import io.caseflow.config.Settings;
import io.caseflow.http.ApiTokens;
import io.caseflow.http.DeploymentMetrics;
import io.caseflow.http.HttpApi;
import io.caseflow.registry.WorkerRegistration;
import io.caseflow.retention.sweep.RetentionSweeper;
import io.caseflow.store.JdbcWorkerStore;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/** {@code caseflow server}: the HTTP API, the outbox relay and the timers, on PostgreSQL and RabbitMQ. */
@Command(name = "server", mixinStandardHelpOptions = true,
        description = "Runs the HTTP API, relays committed messages to RabbitMQ and fires timers. Runs no stage handlers: "
                + "workers do. Stops cleanly on SIGTERM/Ctrl-C.")
final class ServerCommand implements Callable<Integer> {
    @Mixin
    RuntimeOptions options;

    @Mixin
    RetentionOptions retention;

    @Option(names = "--host", description = "Interface to listen on (default 0.0.0.0; env CASEFLOW_HTTP_HOST).")
    String host;

    @Option(names = "--port", description = "HTTP port (default 8080; env CASEFLOW_HTTP_PORT).")
    Integer port;

    @Option(names = "--api-token", description = "The admin token, named 'admin' in the audit trail: it may do everything "
            + "(env CASEFLOW_API_TOKEN; prefer env or file: flags show in ps).")
    String apiToken;

    @Option(names = "--read-only-token", description = "A reader token, named 'read-only': sees what processes do, not their data "
            + "(env CASEFLOW_API_READ_ONLY_TOKEN).")
    String readOnlyToken;

    @Option(names = "--tokens-file", description = "More tokens, one per line: NAME ROLE TOKEN (role reader, operator, deployer or admin; "
            + "TOKEN may be sha256:HEX of the token) (env CASEFLOW_API_TOKENS_FILE).")
    String tokensFile;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Settings settings = options.settings();
        ApiTokens tokens = new ApiTokens(settings.require(Settings.API_TOKEN, apiToken, "--api-token"),
                settings.get(Settings.API_READ_ONLY_TOKEN, readOnlyToken).orElse(null));
        Optional<String> moreTokens = settings.get(Settings.API_TOKENS_FILE, tokensFile);
        if (moreTokens.isPresent()) {
            tokens = tokens.withFile(Path.of(moreTokens.get()));
        }
        Map<String, String> effective = options.effective(settings);
        retention.describe(settings, effective);
        spec.commandLine().getOut().print("caseflow server starting with" + System.lineSeparator() + settings.describe(effective));
        spec.commandLine().getOut().flush();
        // The server's own counters reach /api/metrics like every node's: through its registry record.
        PrometheusMeterRegistry node = NodeMeters.create();
        CaseflowRuntime runtime = options.runtime(settings, "caseflow-server", true).serving(key -> false).meterRegistry(node)
                .registerAs(options.registration(settings, WorkerRegistration.SERVER))
                .build().start();
        DeploymentMetrics metrics = new DeploymentMetrics(new JdbcWorkerStore(runtime.database()),
                new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
        HttpApi api = HttpApi.start(runtime, tokens, () -> metrics.scrape() + NodeMeters.withoutFamilies(node.scrape(), "caseflow_"),
                settings.get(Settings.HTTP_HOST, host, "0.0.0.0"),
                settings.getInt(Settings.HTTP_PORT, port, 8080));
        runtime.jobs().startRunner(); // resumes the bulk jobs a server left when it stopped or died
        RetentionSweeper sweeper = retention.start(runtime, settings);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            api.close();
            sweeper.close();
            runtime.close();
            stopped.countDown();
        }, "caseflow-shutdown"));
        spec.commandLine().getOut().println("caseflow server ready: HTTP API on port " + api.port());
        spec.commandLine().getOut().flush();
        stopped.await();
        return 0;
    }
}
