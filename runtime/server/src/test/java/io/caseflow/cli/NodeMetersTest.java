package io.caseflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.Test;

class NodeMetersTest {

    @Test
    void the_server_adds_its_own_jvm_pool_and_client_families_but_never_a_caseflow_one_twice() {
        PrometheusMeterRegistry registry = NodeMeters.create();
        registry.counter("caseflow.transitions", "case", "orders").increment();
        registry.gauge("hikaricp.connections.active", 3);
        String scrape = registry.scrape();
        assertThat(scrape).contains("caseflow_transitions_total", "jvm_memory_used_bytes", "system_cpu_count");

        String kept = NodeMeters.withoutFamilies(scrape, "caseflow_");
        assertThat(kept).doesNotContain("caseflow_").contains("# TYPE jvm_memory_used_bytes gauge", "hikaricp_connections_active 3.0");
        assertThat(kept.lines().filter(line -> line.startsWith("jvm_memory_used_bytes{")).count()).isPositive();
    }
}
