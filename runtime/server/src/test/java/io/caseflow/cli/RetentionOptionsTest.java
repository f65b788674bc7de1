package io.caseflow.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.caseflow.config.Settings;
import io.caseflow.retention.sweep.RetentionSweeper;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RetentionOptionsTest {

    private static RetentionSweeper.Options options(String flag, Map<String, String> environment) {
        RetentionOptions retention = new RetentionOptions();
        retention.retentionDefault = flag;
        return retention.options(Settings.load(null, environment));
    }

    @Test
    void without_a_default_finished_processes_are_kept_forever_and_the_sweeper_runs_every_5_minutes() {
        RetentionSweeper.Options options = options(null, Map.of());

        assertThat(options.defaultPeriod()).isNull();
        assertThat(options.interval()).isEqualTo(Duration.ofMinutes(5));
        assertThat(options.batchSize()).isEqualTo(500);
    }

    @Test
    void the_flag_wins_over_the_environment() {
        assertThat(options(null, Map.of("CASEFLOW_RETENTION_DEFAULT", "P30D")).defaultPeriod()).hasToString("P30D");
        assertThat(options("P90D", Map.of("CASEFLOW_RETENTION_DEFAULT", "P30D")).defaultPeriod()).hasToString("P90D");
        assertThat(options("forever", Map.of()).defaultPeriod()).as("forever is no default").isNull();
        assertThat(options(null, Map.of("CASEFLOW_RETENTION_INTERVAL", "PT30S")).interval()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void a_bad_default_or_interval_names_the_setting() {
        assertThatThrownBy(() -> options("90 days", Map.of())).hasMessageContaining("'retention.default'").hasMessageContaining("P90D");
        assertThatThrownBy(() -> options("-P1D", Map.of())).hasMessageContaining("'retention.default'");
        assertThatThrownBy(() -> options(null, Map.of("CASEFLOW_RETENTION_INTERVAL", "5m"))).hasMessageContaining("retention.interval");
        assertThatThrownBy(() -> options(null, Map.of("CASEFLOW_RETENTION_INTERVAL", "P2D"))).hasMessageContaining("retention.interval");
    }

    @Test
    void the_startup_lines_say_what_is_kept() {
        RetentionOptions retention = new RetentionOptions();
        Map<String, String> effective = new LinkedHashMap<>();
        retention.describe(Settings.load(null, Map.of()), effective);
        assertThat(effective).containsEntry("retention.default", "keep forever").containsEntry("retention.interval", "PT5M");
    }
}
