package io.caseflow.handler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.caseflow.json.Json;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StageOutcomeTest {

    record Line(String sku, int qty, double price, LocalDate due) {
    }

    @Test
    void a_result_given_as_a_value_is_encoded_straight_to_the_text_its_tree_would_give() {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("lines", List.of(new Line("book", 2, 12.5, LocalDate.of(2026, 12, 7))));
        value.put("note", "é😀 \"quoted\"");
        value.put("missing", null);
        StageOutcome.Next next = (StageOutcome.Next) StageOutcome.next("ok", value);

        assertThat(new String(next.resultJson(), StandardCharsets.UTF_8))
                .isEqualTo(new String(Json.writeBytes(Json.tree(value)), StandardCharsets.UTF_8));
        assertThat(next.result()).isEqualTo(Json.tree(value));
        assertThat(next.result().path("lines").path(0).path("due").asText()).isEqualTo("2026-12-07");
        assertThat(next.outcome()).isEqualTo("ok");
    }

    @Test
    void a_value_changed_after_the_handler_returned_does_not_change_the_result() {
        List<String> items = new ArrayList<>(List.of("a"));
        StageOutcome.Next next = (StageOutcome.Next) StageOutcome.next("ok", Map.of("items", items));
        items.add("b");
        assertThat(next.result().path("items")).hasSize(1);
    }

    @Test
    void a_result_given_as_a_tree_is_kept_and_encoded_when_asked() {
        ObjectNode tree = Json.object().put("receipt", "R-1");
        StageOutcome.Next next = (StageOutcome.Next) StageOutcome.next("ok", tree);
        assertThat(next.result()).isSameAs(tree);
        assertThat(new String(next.resultJson(), StandardCharsets.UTF_8)).isEqualTo("{\"receipt\":\"R-1\"}");
        assertThat(next).isEqualTo(StageOutcome.next("ok", Map.of("receipt", "R-1")))
                .hasSameHashCodeAs(StageOutcome.next("ok", Map.of("receipt", "R-1")));
        assertThat(next).isNotEqualTo(StageOutcome.next("other", tree));
        assertThat(new StageOutcome.Next(null, null)).as("no outcome compares as the record did")
                .isEqualTo(new StageOutcome.Next(null, null)).isNotEqualTo(next);
        assertThat(next.toString()).contains("ok", "R-1");
    }

    @Test
    void no_result_is_null_both_ways() {
        StageOutcome.Next next = (StageOutcome.Next) StageOutcome.next("ok");
        assertThat(next.result()).isNull();
        assertThat(next.resultJson()).isNull();
        assertThat(((StageOutcome.Next) StageOutcome.next("ok", null)).resultJson()).isNull();
    }

    @Test
    void a_value_that_is_not_json_is_refused_when_the_handler_returns_it_naming_why() {
        Object unwritable = new Object() {
            @SuppressWarnings("unused")
            public JsonNode getSelf() {
                throw new IllegalStateException("cannot be read");
            }
        };
        assertThatThrownBy(() -> StageOutcome.next("ok", unwritable))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cannot be written as JSON");
    }
}
