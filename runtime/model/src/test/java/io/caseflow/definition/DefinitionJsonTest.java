package io.caseflow.definition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DefinitionJsonTest {

    static CaseDefinition sample() {
        return CaseDefinition.builder("orders", "v1")
                .description("an order flow")
                .stage(StageDefinition.task("validate", "orders.validate").withLayout(new Layout(10.5, 20)))
                .stage(StageDefinition.service("charge", "orders.charge", "payments", "charge")
                        .withTimeout(Duration.ofSeconds(5)).withReplyTimeout(Duration.ofMinutes(2))
                        .withRetry(RetryPolicy.attempts(5, Duration.ofMillis(250))).withLayout(new Layout(200, 20)))
                .stage(StageDefinition.end("done").withLayout(new Layout(400, 20)))
                .stage(StageDefinition.end("declined").withLayout(new Layout(400, 120)))
                .transition("validate", "charge")
                .transition("charge", "done", "ok")
                .transition("charge", "declined", "declined")
                .build();
    }

    @Test
    void a_definition_survives_a_round_trip_through_its_file_exactly(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("orders" + DefinitionJson.FILE_SUFFIX);
        DefinitionJson.write(sample(), file);
        CaseDefinition back = DefinitionJson.read(file);
        assertThat(back).isEqualTo(sample());
        assertThat(Files.readString(file)).contains("\"timeout\" : \"PT5S\"", "\"kind\" : \"service\"", "\"x\" : 10.5")
                .doesNotContain("\"end\" :", "\"service\" : true", "\"default\"");
    }

    @Test
    void a_stage_lane_is_kept_and_left_out_of_the_file_when_absent() throws Exception {
        CaseDefinition withLane = sample().withStages(sample().stages().stream()
                .map(s -> s.name().equals("charge") ? s.withLayout(s.layout().withLane("Payments desk")) : s).toList());
        String json = DefinitionJson.write(withLane);
        assertThat(json).contains("\"lane\" : \"Payments desk\"").containsOnlyOnce("\"lane\"");
        assertThat(DefinitionJson.read(json, "lanes.case.json")).isEqualTo(withLane);
        assertThat(DefinitionJson.write(sample())).doesNotContain("lane");
        assertThat(new Layout(1, 2, "  ").lane()).as("a blank lane is no lane").isNull();
        assertThat(new Layout(1, 2, "Sales").at(5, 6)).as("moving keeps the lane").isEqualTo(new Layout(5, 6, "Sales"));
    }

    @Test
    void defaults_fill_what_a_hand_written_file_leaves_out() throws Exception {
        CaseDefinition read = DefinitionJson.read("""
                {"name": "c", "api": "v1", "startStage": "a",
                 "stages": [{"name": "a", "handler": "h"}, {"name": "z", "kind": "end"}],
                 "transitions": [{"from": "a", "to": "z"}]}""", "hand.case.json");
        StageDefinition a = read.stage("a").orElseThrow();
        assertThat(a.kind()).isEqualTo(StageKind.TASK);
        assertThat(a.timeout()).isEqualTo(StageDefinition.DEFAULT_TIMEOUT);
        assertThat(a.retry()).isEqualTo(RetryPolicy.DEFAULT);
        assertThat(read.transitions().get(0).outcome()).isEqualTo(TransitionDefinition.DEFAULT_OUTCOME);
        assertThat(read.version()).isZero();
    }

    @Test
    void broken_json_is_reported_with_file_line_and_column() {
        assertThatThrownBy(() -> DefinitionJson.read("{\n  \"name\": \"c\",\n  \"api\" \"v1\"\n}", "broken.case.json"))
                .isInstanceOf(DefinitionFormatException.class)
                .hasMessageStartingWith("broken.case.json:3:")
                .hasMessageContaining("not valid JSON")
                .satisfies(e -> assertThat(((DefinitionFormatException) e).line()).isEqualTo(3));
    }

    @Test
    void a_misspelt_field_is_named_with_where_it_is_and_what_is_allowed() {
        assertThatThrownBy(() -> DefinitionJson.read("""
                {"name": "c", "api": "v1", "stages": [
                  {"name": "a", "servcie": "payments"}
                ]}""", "typo.case.json"))
                .isInstanceOf(DefinitionFormatException.class)
                .hasMessageContaining("typo.case.json:2:")
                .hasMessageContaining("unknown field 'servcie' at stages[0].servcie")
                .hasMessageContaining("known fields: command, handler, kind, layout, name, replyTimeout, retry, service, timeout");
    }

    @Test
    void a_bad_duration_says_how_to_write_one() {
        assertThatThrownBy(() -> DefinitionJson.read("""
                {"name": "c", "api": "v1", "stages": [{"name": "a", "timeout": "ten seconds"}]}""", "d.case.json"))
                .isInstanceOf(DefinitionFormatException.class)
                .hasMessageContaining("stages[0].timeout")
                .hasMessageContaining("ISO-8601");
    }

    @Test
    void an_unknown_stage_kind_lists_the_kinds() {
        assertThatThrownBy(() -> DefinitionJson.read("""
                {"name": "c", "api": "v1", "stages": [{"name": "a", "kind": "subprocess"}]}""", "k.case.json"))
                .isInstanceOf(DefinitionFormatException.class)
                .hasMessageContaining("stages[0].kind")
                .hasMessageContaining("task, service, end");
    }

    @Test
    void empty_null_and_wrongly_shaped_files_are_refused_clearly() {
        assertThatThrownBy(() -> DefinitionJson.read("  ", "empty.case.json")).hasMessageContaining("empty");
        assertThatThrownBy(() -> DefinitionJson.read("[1, 2]", "list.case.json")).hasMessageContaining("list.case.json:1:");
        assertThatThrownBy(() -> DefinitionJson.read("{\"name\": \"c\", \"stages\": {}}", "s.case.json"))
                .hasMessageContaining("stages").hasMessageContaining("a list");
        assertThatThrownBy(() -> DefinitionJson.read("{} {}", "two.case.json")).isInstanceOf(DefinitionFormatException.class);
    }

    @Test
    void a_missing_file_is_named() {
        assertThatThrownBy(() -> DefinitionJson.read(Path.of("/nowhere/x.case.json")))
                .isInstanceOf(DefinitionFormatException.class).hasMessage("/nowhere/x.case.json: file not found");
    }

    @Test
    void transitions_are_found_by_outcome_or_by_target_stage() {
        CaseDefinition definition = sample();
        assertThat(definition.transition("charge", "declined")).map(TransitionDefinition::to).contains("declined");
        assertThat(definition.transition("charge", "done")).map(TransitionDefinition::to).contains("done");
        assertThat(definition.transition("validate", "next")).map(TransitionDefinition::to).contains("charge");
        assertThat(definition.transition("charge", "next")).isEmpty();
    }

    @Test
    void retry_backoff_grows_and_is_capped() {
        RetryPolicy policy = new RetryPolicy(6, Duration.ofSeconds(1), 3.0, Duration.ofSeconds(20));
        assertThat(policy.delayBefore(1)).isZero();
        assertThat(policy.delayBefore(2)).isEqualTo(Duration.ofSeconds(1));
        assertThat(policy.delayBefore(3)).isEqualTo(Duration.ofSeconds(3));
        assertThat(policy.delayBefore(4)).isEqualTo(Duration.ofSeconds(9));
        assertThat(policy.delayBefore(5)).isEqualTo(Duration.ofSeconds(20));
        assertThat(policy.allowsAttemptAfter(5)).isTrue();
        assertThat(policy.allowsAttemptAfter(6)).isFalse();
    }
}
