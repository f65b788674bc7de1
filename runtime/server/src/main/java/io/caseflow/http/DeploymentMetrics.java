package io.caseflow.http;

import io.caseflow.store.CounterValue;
import io.caseflow.store.WorkerStore;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's Prometheus text: the counters of every registered node (workers and servers write theirs
 * with each heartbeat) summed over the deployment, read from the store at each scrape. So a worker's
 * duplicates dropped and dead letters by reason show on the server, as
 * {@code caseflow_duplicates_dropped_total{reason="stale_reply"}}, up to one heartbeat late. A node's
 * last counts stay in the totals until its registry record ages out (a day), when the total may drop
 * (Prometheus reads that as a counter reset). Thread-safe.
 *
 * <pre>{@code
 * DeploymentMetrics metrics = new DeploymentMetrics(new JdbcWorkerStore(runtime.database()),
 *         new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
 * HttpApi.start(runtime, tokens, metrics::scrape, host, port);
 * }</pre>
 */
public final class DeploymentMetrics {
    private static final Logger LOG = LoggerFactory.getLogger(DeploymentMetrics.class);

    private final WorkerStore store;
    private final PrometheusMeterRegistry registry;
    private final Map<CounterValue, Long> totals = new ConcurrentHashMap<>();
    private boolean failing;

    public DeploymentMetrics(WorkerStore store, PrometheusMeterRegistry registry) {
        this.store = store;
        this.registry = registry;
    }

    /** Reads the totals now and renders the registry (the last totals read, if the store cannot answer). */
    public synchronized String scrape() {
        try {
            for (CounterValue total : store.counterTotals()) {
                CounterValue key = new CounterValue(total.meter(), total.tags(), 0);
                if (totals.put(key, total.value()) == null) {
                    FunctionCounter.builder(total.meter(), totals, map -> map.getOrDefault(key, 0L)).tags(tags(total.tags()))
                            .description("summed over every registered node").register(registry);
                }
            }
            failing = false;
        } catch (RuntimeException e) {
            if (!failing) {
                LOG.warn("cannot read the deployment's counters ({}); /api/metrics shows the last ones read", e.getMessage());
                failing = true;
            }
        }
        return registry.scrape();
    }

    private static List<Tag> tags(String encoded) {
        List<Tag> tags = new ArrayList<>();
        for (String pair : encoded.isEmpty() ? new String[0] : encoded.split(",")) {
            int equals = pair.indexOf('=');
            if (equals > 0) {
                tags.add(Tag.of(pair.substring(0, equals), URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8)));
            }
        }
        return tags;
    }
}
