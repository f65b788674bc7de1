package io.caseflow.message;

import static org.assertj.core.api.Assertions.assertThat;

import io.caseflow.json.Json;
import org.junit.jupiter.api.Test;

class TraceParentTest {
    private static final String VALID = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

    @Test
    void a_well_formed_value_is_kept_and_names_its_trace() {
        assertThat(TraceParent.orNull(VALID)).isEqualTo(VALID);
        assertThat(TraceParent.traceId(VALID)).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
        // a later version may append fields: read as version 00, as the standard says
        assertThat(TraceParent.orNull("01-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01-extra"))
                .isEqualTo("01-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");
    }

    @Test
    void malformed_values_are_ignored() {
        assertThat(TraceParent.orNull(null)).isNull();
        assertThat(TraceParent.orNull("")).isNull();
        assertThat(TraceParent.orNull("00-not-a-trace-01")).isNull();
        assertThat(TraceParent.orNull(VALID.toUpperCase())).isNull();
        assertThat(TraceParent.orNull(VALID + "-extra")).as("version 00 has exactly four fields").isNull();
        assertThat(TraceParent.orNull("ff" + VALID.substring(2))).as("version ff is invalid").isNull();
        assertThat(TraceParent.orNull("00-00000000000000000000000000000000-00f067aa0ba902b7-01")).isNull();
        assertThat(TraceParent.orNull("00-4bf92f3577b34da6a3ce929d0e0e4736-0000000000000000-01")).isNull();
        assertThat(TraceParent.orNull(VALID.repeat(20))).isNull();
    }

    @Test
    void every_message_carries_it_and_a_malformed_one_does_not_refuse_the_message() throws Exception {
        StageDue due = (StageDue) Messages.parseInner(Messages.write(new StageDue("p-1", 3, "pack", VALID)));
        assertThat(due.traceparent()).isEqualTo(VALID);
        ReplyTimeout timeout = (ReplyTimeout) Messages.parseInner(Messages.write(new ReplyTimeout("p-1", 4, VALID)));
        assertThat(timeout.traceparent()).isEqualTo(VALID);
        ServiceRequest request = Messages.parseRequest(Messages.write(new ServiceRequest("t", "s", "c", Json.object(), "q", VALID)));
        assertThat(request.traceparent()).isEqualTo(VALID);
        ServiceReply reply = Messages.parseReply(Messages.write(ServiceReply.ok("t", "ok", null).withTraceparent(VALID)));
        assertThat(reply.traceparent()).isEqualTo(VALID);

        assertThat(Messages.parseInner("{\"type\":\"stageDue\",\"processId\":\"p\",\"step\":1,\"stage\":\"a\",\"traceparent\":42}")
                .traceparent()).isNull();
        assertThat(Messages.parseReply("{\"taskId\":\"t\",\"status\":\"ok\",\"traceparent\":\"garbage\"}").traceparent()).isNull();
        assertThat(Messages.write(new StageDue("p-1", 3, "pack"))).doesNotContain("traceparent");
    }

    @Test
    void stamping_a_body_adds_the_field_and_leaves_anything_else_alone() {
        assertThat(Messages.withTraceparent("{\"a\":1}", VALID)).isEqualTo("{\"a\":1,\"traceparent\":\"" + VALID + "\"}");
        assertThat(Messages.withTraceparent("{\"a\":1}", "bad")).isEqualTo("{\"a\":1}");
        assertThat(Messages.withTraceparent("[1]", VALID)).isEqualTo("[1]");
        assertThat(Messages.withTraceparent("not json", VALID)).isEqualTo("not json");
    }
}
