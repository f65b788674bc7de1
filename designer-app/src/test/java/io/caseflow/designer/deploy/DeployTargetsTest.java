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
import org.junit.jupiter.api.Test;

class DeployTargetsTest {

    @Test
    void profiles_need_a_name_an_http_url_and_an_amqp_broker() {
        assertThatThrownBy(() -> new ConnectionProfile("x", URI.create("ftp://host"), null)).hasMessageContaining("http://");
        assertThatThrownBy(() -> new ConnectionProfile(" ", URI.create("http://host"), null)).hasMessageContaining("name");
        assertThatThrownBy(() -> new ConnectionProfile("x", URI.create("http://host"), null, URI.create("http://broker")))
                .hasMessageContaining("amqp://");
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
