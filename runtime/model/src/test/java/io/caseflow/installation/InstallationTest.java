package io.caseflow.installation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.caseflow.definition.CaseKey;
import org.junit.jupiter.api.Test;

class InstallationTest {
    private static final CaseKey ORDERS = new CaseKey("orders", "v2");

    @Test
    void the_default_keeps_the_names_of_earlier_releases_and_the_connections_schema() {
        Installation installation = Installation.named(null);
        assertThat(installation).isEqualTo(Installation.DEFAULT);
        assertThat(installation.innerQ(ORDERS)).isEqualTo("caseflow.orders.v2.innerQ");
        assertThat(installation.serviceQ(ORDERS)).isEqualTo("caseflow.orders.v2.serviceQ");
        assertThat(installation.serviceRequests("payments")).isEqualTo("caseflow.service.payments.requests");
        assertThat(installation.schema()).isEmpty();
        assertThat(Installation.named("  ")).isEqualTo(Installation.DEFAULT);
    }

    @Test
    void a_named_installation_prefixes_every_queue_and_owns_a_schema() {
        Installation staging = Installation.named("staging-2");
        assertThat(staging.innerQ(ORDERS)).isEqualTo("staging-2.orders.v2.innerQ");
        assertThat(staging.serviceRequests("payments")).isEqualTo("staging-2.service.payments.requests");
        assertThat(staging.schema()).contains("staging_2");
        assertThat(staging.isInnerQ("staging-2.orders.v2.innerQ")).isTrue();
        assertThat(staging.isInnerQ("caseflow.orders.v2.innerQ")).as("another installation's queue").isFalse();
        assertThat(staging.isServiceQ("staging-2.orders.v2.serviceQ")).isTrue();
    }

    @Test
    void names_that_would_collide_or_break_a_queue_or_schema_name_are_refused_with_the_rule() {
        for (String bad : new String[] {"Prod", "1st", "a.b", "a_b", "trailing-", "-x", "x y", "a".repeat(41), "prod/eu"}) {
            assertThatThrownBy(() -> Installation.named(bad)).as(bad)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("'" + bad.strip() + "'")
                    .hasMessageContaining("lowercase letters, digits or '-'");
        }
        assertThat(Installation.named("a").name()).isEqualTo("a");
        assertThat(Installation.named("a".repeat(40)).name()).hasSize(40);
    }
}
