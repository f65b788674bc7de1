package io.caseflow.cli;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.sdk.autoconfigure.AutoConfiguredOpenTelemetrySdk;
import java.util.Map;

/**
 * Tracing for a server or worker, from the standard OpenTelemetry variables: on when {@code OTEL_TRACES_EXPORTER}
 * names an exporter ({@code otlp}, {@code logging}) or an OTLP endpoint is given, off otherwise (nothing is
 * recorded; trace context still passes through the messages). Metrics and logs stay with Prometheus and logback.
 */
final class TracingSetup {
    private TracingSetup() {
    }

    static OpenTelemetry fromEnvironment(Map<String, String> env, String serviceName) {
        if (!wanted(env)) {
            return OpenTelemetry.noop();
        }
        return AutoConfiguredOpenTelemetrySdk.builder()
                .addPropertiesSupplier(() -> Map.of(
                        "otel.service.name", serviceName,
                        "otel.traces.exporter", "otlp",
                        "otel.exporter.otlp.protocol", "http/protobuf",
                        "otel.metrics.exporter", "none",
                        "otel.logs.exporter", "none"))
                .build()
                .getOpenTelemetrySdk();
    }

    static boolean wanted(Map<String, String> env) {
        String exporter = env.getOrDefault("OTEL_TRACES_EXPORTER", "");
        if (!exporter.isBlank()) {
            return !exporter.equals("none");
        }
        return env.containsKey("OTEL_EXPORTER_OTLP_ENDPOINT") || env.containsKey("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT");
    }
}
