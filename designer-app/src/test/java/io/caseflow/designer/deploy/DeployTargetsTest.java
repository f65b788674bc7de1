package io.caseflow.designer.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.caseflow.definition.CaseDefinition;
import io.caseflow.designer.Samples;
import io.caseflow.definition.DeployedDefinition;
import io.caseflow.validation.ValidationReport;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.prefs.Preferences;
import org.junit.jupiter.api.Test;

class DeployTargetsTest {

    @Test
    void a_remote_target_says_plainly_that_the_http_api_is_missing() {
        RemoteTarget remote = new RemoteTarget(new ConnectionProfile("prod", URI.create("https://caseflow.example"), "t0ken"));
        assertThatThrownBy(() -> remote.deploy(Samples.tiny())).isInstanceOf(UnsupportedOperationException.class)
                .hasMessageContaining("prod (https://caseflow.example)").hasMessageContaining("HTTP API");
    }

    @Test
    void profiles_need_a_name_and_an_http_url_and_are_kept_in_preferences() throws Exception {
        assertThatThrownBy(() -> new ConnectionProfile("x", URI.create("ftp://host"), null)).hasMessageContaining("http://");
        assertThatThrownBy(() -> new ConnectionProfile(" ", URI.create("http://host"), null)).hasMessageContaining("name");
        Preferences node = Preferences.userRoot().node("caseflow-profiles-test-" + UUID.randomUUID());
        try {
            ConnectionProfiles profiles = new ConnectionProfiles(node);
            profiles.save(new ConnectionProfile("staging", URI.create("http://staging:8080"), "abc"));
            assertThat(profiles.list()).containsExactly(new ConnectionProfile("staging", URI.create("http://staging:8080"), "abc"));
            profiles.remove("staging");
            assertThat(profiles.list()).isEmpty();
        } finally {
            node.removeNode();
        }
    }

    @Test
    void a_plan_names_the_next_version_or_says_nothing_changes() {
        CaseDefinition deployed = Samples.tiny().withVersion(4);
        DeployTarget target = new DeployTarget() {
            @Override
            public String describe() {
                return "test";
            }

            @Override
            public Optional<CaseDefinition> latest(io.caseflow.definition.CaseKey key) {
                return Optional.of(deployed);
            }

            @Override
            public ValidationReport validate(CaseDefinition definition) {
                return new ValidationReport(List.of());
            }

            @Override
            public DeployedDefinition deploy(CaseDefinition definition) {
                return new DeployedDefinition(definition.withVersion(5), Instant.now(), false);
            }
        };
        DeployPlan same = DeployPlan.create(target, Samples.tiny());
        assertThat(same.unchanged()).isTrue();
        assertThat(same.headline()).isEqualTo("tiny/v1: v4 is already deployed, nothing changes");
        DeployPlan changed = DeployPlan.create(target, Samples.tiny().withIdentity("tiny", "v1").withStartStage("call"));
        assertThat(changed.nextVersion()).isEqualTo(5);
        assertThat(changed.headline()).isEqualTo("tiny/v1: v4 → v5");
    }
}
