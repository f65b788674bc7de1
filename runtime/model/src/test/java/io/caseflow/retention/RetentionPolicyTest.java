package io.caseflow.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.caseflow.definition.CaseKey;
import io.caseflow.json.Json;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class RetentionPolicyTest {
    private static final CaseKey ORDERS_V1 = new CaseKey("orders", "v1");
    private static final Instant NOW = Instant.parse("2026-12-05T12:00:00Z");

    private static RetentionPolicy policy(String caseName, String api, String period) {
        return new RetentionPolicy(caseName, api, RetentionPeriod.parse(period), NOW);
    }

    @Test
    void a_policy_for_the_case_and_api_wins_over_the_case_and_the_default() {
        List<RetentionPolicy> policies = List.of(policy("orders", null, "P30D"), policy("orders", "v1", "P7D"));

        CaseRetention resolved = RetentionPolicy.resolve(policies, ORDERS_V1, RetentionPeriod.parse("P90D"));

        assertThat(resolved.period()).hasToString("P7D");
        assertThat(resolved.source()).isEqualTo(CaseRetention.Source.CASE_API);
    }

    @Test
    void a_policy_for_the_case_covers_every_api_of_it() {
        List<RetentionPolicy> policies = List.of(policy("orders", null, "P30D"), policy("orders", "v2", "P7D"));

        CaseRetention resolved = RetentionPolicy.resolve(policies, ORDERS_V1, RetentionPeriod.parse("P90D"));

        assertThat(resolved.period()).hasToString("P30D");
        assertThat(resolved.source()).isEqualTo(CaseRetention.Source.CASE);
    }

    @Test
    void without_a_policy_the_default_applies_and_without_a_default_nothing_is_deleted() {
        List<RetentionPolicy> others = List.of(policy("invoices", null, "P1D"));

        assertThat(RetentionPolicy.resolve(others, ORDERS_V1, RetentionPeriod.parse("P90D")).source())
                .isEqualTo(CaseRetention.Source.DEFAULT);
        CaseRetention none = RetentionPolicy.resolve(others, ORDERS_V1, null);
        assertThat(none.source()).isEqualTo(CaseRetention.Source.NONE);
        assertThat(none.period().isForever()).isTrue();
        assertThat(none.period().cutoff(NOW)).isEmpty();
    }

    @Test
    void forever_on_a_case_keeps_it_despite_the_default() {
        CaseRetention resolved = RetentionPolicy.resolve(List.of(policy("orders", "v1", "forever")), ORDERS_V1,
                RetentionPeriod.parse("P90D"));

        assertThat(resolved.period().cutoff(NOW)).isEmpty();
    }

    @Test
    void durations_and_calendar_periods_give_the_cutoff() {
        assertThat(RetentionPeriod.parse("P90D").cutoff(NOW)).contains(Instant.parse("2026-09-06T12:00:00Z"));
        assertThat(RetentionPeriod.parse("pt12h").cutoff(NOW)).contains(Instant.parse("2026-12-05T00:00:00Z"));
        assertThat(RetentionPeriod.parse("P1Y").cutoff(NOW)).contains(Instant.parse("2025-12-05T12:00:00Z"));
        assertThat(RetentionPeriod.parse("P2W").cutoff(NOW)).contains(Instant.parse("2026-11-21T12:00:00Z"));
    }

    @Test
    void a_period_that_is_not_iso_8601_or_negative_or_too_short_is_refused_naming_the_field() {
        for (String bad : List.of("90 days", "90", "", "-P1D", "P-1D", "PT-5H", "PT30M", "P0D", "P200Y", "P1Y2DT3H")) {
            assertThatThrownBy(() -> RetentionPeriod.parse(bad)).as(bad)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("'period'")
                    .hasMessageContaining("P90D");
        }
        assertThatThrownBy(() -> RetentionPeriod.parse(null)).hasMessageContaining("'period'");
    }

    @Test
    void bad_case_and_api_names_are_refused_naming_the_field() {
        assertThatThrownBy(() -> policy(" ", null, "P1D")).hasMessageContaining("'case'");
        assertThatThrownBy(() -> policy("orders", "*", "P1D")).hasMessageContaining("'api'");
        assertThatThrownBy(() -> policy("orders", "a".repeat(101), "P1D")).hasMessageContaining("'api'");
    }

    @Test
    void the_status_reads_back_from_its_json() throws Exception {
        RetentionStatus status = new RetentionStatus(RetentionPeriod.parse("P90D"), List.of(policy("orders", null, "P30D")),
                List.of(RetentionPolicy.resolve(List.of(), ORDERS_V1, null).withOldestFinishedKept(NOW)),
                new RetentionStatus.Sweep("node-1", null, NOW, NOW, 5, 10, 5, null), NOW);

        RetentionStatus read = Json.MAPPER.readValue(Json.write(status), RetentionStatus.class);

        assertThat(read).isEqualTo(status);
        assertThat(Json.tree(status).path("defaultPeriod").asText()).isEqualTo("P90D");
    }
}
