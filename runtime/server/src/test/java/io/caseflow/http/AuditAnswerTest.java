package io.caseflow.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The audit trail takes a start's process id and an error's code from the answer without parsing the rest of it. */
class AuditAnswerTest {

    @Test
    void the_top_level_id_and_the_error_code_are_found_past_any_other_value() {
        String start = "{\"input\":{\"id\":\"not this\",\"items\":[{\"id\":\"nor this\"}],\"error\":{\"code\":\"no\"}},"
                + "\"results\":{},\"id\":\"p-1\",\"result\":null}";
        assertThat(AuditTrail.Answer.of(start)).isEqualTo(new AuditTrail.Answer("p-1", null));

        String refused = "{\"error\":{\"message\":\"the body \\\"x\\\"\",\"details\":{\"code\":\"inner\"},\"code\":\"malformed_json\"}}";
        assertThat(AuditTrail.Answer.of(refused)).isEqualTo(new AuditTrail.Answer(null, "malformed_json"));
    }

    @Test
    void an_answer_that_is_not_json_gives_what_was_found_before_it_broke() {
        assertThat(AuditTrail.Answer.of("{\"id\":\"p-2\",\"x\":[1,")).isEqualTo(new AuditTrail.Answer("p-2", null));
        assertThat(AuditTrail.Answer.of("{oops")).isEqualTo(new AuditTrail.Answer(null, null));
        assertThat(AuditTrail.Answer.of("{\"id\":7}")).as("an id that is not text").isEqualTo(new AuditTrail.Answer(null, null));
    }
}
