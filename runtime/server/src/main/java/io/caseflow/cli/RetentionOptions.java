package io.caseflow.cli;

import io.caseflow.CaseflowRuntime;
import io.caseflow.config.Settings;
import io.caseflow.retention.RetentionPeriod;
import io.caseflow.retention.sweep.RetentionStore;
import io.caseflow.retention.sweep.RetentionSweeper;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Map;
import picocli.CommandLine.Option;

/** How the server's retention sweeper runs: the default period for cases without a policy, and how often it sweeps. */
final class RetentionOptions {
    static final String DEFAULT = "retention.default";
    static final String INTERVAL = "retention.interval";

    @Option(names = "--retention-default", paramLabel = "PERIOD",
            description = "Delete finished (COMPLETED or CANCELLED) processes of cases without a retention policy this long after they "
                    + "finished, e.g. P90D (ISO-8601; default: keep them forever; env CASEFLOW_RETENTION_DEFAULT). "
                    + "Per-case policies: caseflow retention set.")
    String retentionDefault;

    @Option(names = "--retention-interval", paramLabel = "DURATION",
            description = "How often the retention sweeper runs (ISO-8601, default PT5M; env CASEFLOW_RETENTION_INTERVAL).")
    String retentionInterval;

    RetentionSweeper.Options options(Settings settings) {
        RetentionPeriod period = settings.get(DEFAULT, retentionDefault).map(text -> RetentionPeriod.parse(DEFAULT, text)).orElse(null);
        RetentionSweeper.Options options = RetentionSweeper.options().defaultPeriod(period);
        String interval = settings.get(INTERVAL, retentionInterval).orElse(null);
        if (interval != null) {
            try {
                options = options.interval(Duration.parse(interval));
            } catch (DateTimeParseException | IllegalArgumentException e) {
                throw new IllegalArgumentException(INTERVAL + " must be an ISO-8601 duration from PT1S to P1D, e.g. PT5M; was '"
                        + interval + "'");
            }
        }
        return options;
    }

    /** Starts the sweeper on the runtime's store; its counters join the runtime's (and so /api/metrics). */
    RetentionSweeper start(CaseflowRuntime runtime, Settings settings) {
        return RetentionSweeper.start(new RetentionStore(runtime.database(), runtime.clock()), runtime.clock(),
                runtime.metrics().registry(), options(settings));
    }

    void describe(Settings settings, Map<String, String> effective) {
        RetentionSweeper.Options options = options(settings);
        effective.put(DEFAULT, options.defaultPeriod() == null ? "keep forever" : options.defaultPeriod().toString());
        effective.put(INTERVAL, options.interval().toString());
    }
}
