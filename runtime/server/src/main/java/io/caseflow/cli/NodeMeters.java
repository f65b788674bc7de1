package io.caseflow.cli;

import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/**
 * One node's own meters in Prometheus form: JVM memory, GC, threads and CPU here, and what the runtime adds
 * (its counters, the HikariCP pool, the RabbitMQ client).
 */
final class NodeMeters {
    private NodeMeters() {
    }

    static PrometheusMeterRegistry create() {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        new JvmMemoryMetrics().bindTo(registry);
        new JvmGcMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        return registry;
    }

    /**
     * The exposition text without the metric families whose names start with {@code prefix}: the server shows
     * the deployment's caseflow counters (every node's, from the store) and adds only its own JVM, pool and broker
     * client families, so no family appears twice.
     */
    static String withoutFamilies(String scrape, String prefix) {
        StringBuilder kept = new StringBuilder(scrape.length());
        boolean keep = true;
        for (String line : scrape.split("\n")) {
            if (line.startsWith("# HELP ") || line.startsWith("# TYPE ")) {
                keep = !line.substring(7).startsWith(prefix);
            } else if (!line.startsWith("#") && !line.isEmpty()) {
                keep = !line.startsWith(prefix);
            }
            if (keep && !line.isEmpty()) {
                kept.append(line).append('\n');
            }
        }
        return kept.toString();
    }
}
