package io.caseflow.validation;

import static org.assertj.core.api.Assertions.assertThat;

import io.caseflow.definition.CaseDefinition;
import io.caseflow.definition.RetryPolicy;
import io.caseflow.definition.StageDefinition;
import io.caseflow.definition.StageKind;
import io.caseflow.definition.TransitionDefinition;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DefinitionValidatorTest {
    private final DefinitionValidator validator = DefinitionValidator.forSource("orders.case.json");

    private static CaseDefinition.Builder valid() {
        return CaseDefinition.builder("orders", "v1")
                .stage(StageDefinition.task("validate", "h.validate"))
                .stage(StageDefinition.service("charge", "h.charge", "payments", "charge"))
                .stage(StageDefinition.end("done"))
                .stage(StageDefinition.end("declined"))
                .transition("validate", "charge")
                .transition("charge", "done", "ok")
                .transition("charge", "declined", "declined");
    }

    private List<ProblemCode> codes(CaseDefinition definition) {
        return validator.validate(definition).problems().stream().map(Problem::code).toList();
    }

    @Test
    void a_sound_case_has_no_problems() {
        assertThat(validator.validate(valid().build()).isClean()).isTrue();
    }

    @Test
    void every_problem_names_the_file_the_element_and_what_to_change() {
        CaseDefinition definition = valid().stage(StageDefinition.service("ship", "h.ship", null, "create")).build();
        Problem problem = validator.validate(definition).problems().stream()
                .filter(p -> p.code() == ProblemCode.SERVICE_WITHOUT_SERVICE).findFirst().orElseThrow();
        assertThat(problem.toString()).isEqualTo("orders.case.json: stage 'ship': a service stage needs a service. "
                + "Set \"service\" to the name of the service it calls, e.g. \"warehouse\"");
        assertThat(problem.target()).isEqualTo(ProblemTarget.stage("ship"));
        assertThat(problem.isError()).isTrue();
    }

    @Test
    void missing_or_unsafe_identity_is_reported() {
        assertThat(codes(new CaseDefinition(null, " ", 0, null, "a", List.of(StageDefinition.end("a")), List.of())))
                .contains(ProblemCode.MISSING_CASE_NAME, ProblemCode.MISSING_API);
        assertThat(codes(valid().build().withIdentity("my orders", "v/1")))
                .containsExactly(ProblemCode.BAD_IDENTIFIER, ProblemCode.BAD_IDENTIFIER);
        assertThat(codes(CaseDefinition.builder("c", "v1").build())).contains(ProblemCode.NO_STAGES);
    }

    @Test
    void empty_and_duplicate_stage_names_are_reported() {
        assertThat(codes(valid().stage(StageDefinition.task("", "h.x")).build())).contains(ProblemCode.EMPTY_STAGE_NAME);
        assertThat(codes(valid().stage(StageDefinition.task("validate", "h.validate")).build()))
                .contains(ProblemCode.DUPLICATE_STAGE_NAME);
        assertThat(codes(valid().stage(StageDefinition.task(" padded ", "h.x")).build())).contains(ProblemCode.BAD_STAGE_NAME);
    }

    @Test
    void dangling_transitions_name_the_missing_end() {
        ValidationReport report = validator.validate(valid().transition("charge", "refund", "refund").build());
        Problem dangling = report.errors().stream().filter(p -> p.code() == ProblemCode.DANGLING_TRANSITION).findFirst().orElseThrow();
        assertThat(dangling.target().kind()).isEqualTo(ProblemTarget.Kind.TRANSITION);
        assertThat(dangling.target().transitionIndex()).isEqualTo(3);
        assertThat(dangling.toString()).contains("transition #4 (charge → refund [refund])", "'refund', which is not a stage");
    }

    @Test
    void two_edges_for_the_same_outcome_are_ambiguous() {
        assertThat(codes(valid().transition("charge", "declined", "ok").build())).contains(ProblemCode.DUPLICATE_OUTCOME);
    }

    @Test
    void unreachable_stages_and_stages_without_a_way_to_an_end_are_reported() {
        CaseDefinition definition = valid()
                .stage(StageDefinition.task("orphan", "h.x"))
                .stage(StageDefinition.task("loopA", "h.x"))
                .stage(StageDefinition.task("loopB", "h.x"))
                .transition("orphan", "done")
                .transition("validate", "loopA", "loop")
                .transition("loopA", "loopB")
                .transition("loopB", "loopA")
                .build();
        ValidationReport report = validator.validate(definition);
        assertThat(report.errors()).anyMatch(p -> p.code() == ProblemCode.UNREACHABLE_STAGE && "orphan".equals(p.target().stage()));
        assertThat(report.errors()).filteredOn(p -> p.code() == ProblemCode.NO_PATH_TO_END)
                .extracting(p -> p.target().stage()).containsExactlyInAnyOrder("loopA", "loopB");
    }

    @Test
    void a_dead_end_says_to_add_a_transition_or_make_it_an_end() {
        CaseDefinition definition = valid().stage(StageDefinition.task("stuck", "h.x")).transition("validate", "stuck", "odd").build();
        Problem problem = validator.validate(definition).errors().stream()
                .filter(p -> p.code() == ProblemCode.NO_PATH_TO_END).findFirst().orElseThrow();
        assertThat(problem.toString()).contains("stage 'stuck'", "no outgoing transition", "make it an end stage");
    }

    @Test
    void a_case_without_end_stage_or_start_is_reported() {
        CaseDefinition noEnd = CaseDefinition.builder("c", "v1").stage(StageDefinition.task("a", "h")).build();
        assertThat(codes(noEnd)).contains(ProblemCode.NO_END_STAGE);
        assertThat(codes(valid().build().withStartStage("nope"))).contains(ProblemCode.UNKNOWN_START_STAGE);
        assertThat(codes(valid().build().withStartStage(null))).contains(ProblemCode.MISSING_START_STAGE);
    }

    @Test
    void an_end_stage_may_not_lead_anywhere() {
        assertThat(codes(valid().transition("done", "validate").build())).contains(ProblemCode.END_STAGE_HAS_TRANSITIONS);
    }

    @Test
    void service_stages_need_service_and_command_and_others_should_not_have_them() {
        CaseDefinition definition = valid()
                .stage(StageDefinition.service("noCommand", "h.x", "payments", null))
                .stage(StageDefinition.task("confused", "h.x").withService("payments", "charge"))
                .transition("charge", "noCommand", "retry").transition("noCommand", "done")
                .transition("charge", "confused", "weird").transition("confused", "done")
                .build();
        ValidationReport report = validator.validate(definition);
        assertThat(report.errors()).anyMatch(p -> p.code() == ProblemCode.SERVICE_WITHOUT_COMMAND);
        assertThat(report.warnings()).anyMatch(p -> p.code() == ProblemCode.SERVICE_FIELDS_IGNORED);
        assertThat(report.hasErrors()).isTrue();
    }

    @Test
    void unknown_handlers_are_errors_only_when_the_workers_handlers_are_known() {
        CaseDefinition definition = valid().build();
        assertThat(validator.validate(definition).isClean()).isTrue();
        ValidationReport report = validator.knownHandlers(Set.of("h.validate")::contains).validate(definition);
        assertThat(report.errors()).extracting(Problem::code).containsExactly(ProblemCode.UNKNOWN_HANDLER);
        assertThat(report.errors().get(0).toString()).contains("stage 'charge'", "handler 'h.charge' is not registered");
    }

    @Test
    void a_task_without_handler_only_warns() {
        ValidationReport report = validator.validate(valid().stage(StageDefinition.task("noop", null))
                .transition("charge", "noop", "maybe").transition("noop", "done").build());
        assertThat(report.hasErrors()).isFalse();
        assertThat(report.warnings()).extracting(Problem::code).containsExactly(ProblemCode.NO_HANDLER);
    }

    @Test
    void bad_timeouts_and_retry_policies_are_reported_with_the_allowed_range() {
        CaseDefinition definition = valid().build().withStages(List.of(
                StageDefinition.task("validate", "h.validate").withTimeout(Duration.ZERO)
                        .withRetry(new RetryPolicy(0, Duration.ofSeconds(-1), 0.5, Duration.ofSeconds(1))),
                StageDefinition.service("charge", "h.charge", "payments", "charge").withReplyTimeout(Duration.ofDays(90)),
                StageDefinition.end("done"),
                StageDefinition.end("declined")));
        ValidationReport report = validator.validate(definition);
        assertThat(report.errors()).extracting(Problem::code).contains(ProblemCode.BAD_TIMEOUT, ProblemCode.BAD_REPLY_TIMEOUT,
                ProblemCode.BAD_RETRY);
        assertThat(report.describe()).contains("\"timeout\" is PT0S but must be positive", "retry.maxAttempts is 0",
                "Use 1 (no retry) to 100", "longer than the allowed PT720H");
    }

    @Test
    void every_problem_is_found_in_one_pass() {
        CaseDefinition definition = new CaseDefinition("", "v1", 0, null, "a",
                List.of(new StageDefinition("a", StageKind.SERVICE, null, null, null, null, null, null, null)),
                List.of(TransitionDefinition.of("a", "b")));
        assertThat(codes(definition)).contains(ProblemCode.MISSING_CASE_NAME, ProblemCode.SERVICE_WITHOUT_SERVICE,
                ProblemCode.SERVICE_WITHOUT_COMMAND, ProblemCode.DANGLING_TRANSITION, ProblemCode.NO_END_STAGE);
    }
}
