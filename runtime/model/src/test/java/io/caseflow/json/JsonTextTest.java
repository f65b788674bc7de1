package io.caseflow.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A process's input is kept as its text: encoded once from the caller's value, parsed afresh for each reader. */
class JsonTextTest {

    record Order(String id, LocalDate due, List<Integer> items) {
    }

    @Test
    void a_callers_value_is_encoded_to_the_text_its_tree_gives() {
        Order order = new Order("A-1", LocalDate.of(2026, 12, 7), List.of(1, 2));

        JsonText text = JsonText.of(order);

        assertThat(text.toString()).isEqualTo(Json.write(Json.tree(order)));
        assertThat(text.path("due").asText()).isEqualTo("2026-12-07");
        assertThat(text.as(Order.class)).isEqualTo(order);
    }

    @Test
    void every_reader_gets_its_own_tree() {
        JsonText text = JsonText.of(Map.of("items", List.of(1)));

        ((ObjectNode) text.tree()).putArray("items").add(99);

        assertThat(text.tree().path("items")).hasSize(1);
    }

    @Test
    void an_object_is_told_from_other_values_by_its_text() {
        assertThat(JsonText.of(Map.of()).isObject()).isTrue();
        assertThat(JsonText.ofEncoded(" \n\t{\"a\":1}".getBytes(StandardCharsets.UTF_8)).isObject()).isTrue();
        assertThat(JsonText.of(List.of(1)).isObject()).isFalse();
        assertThat(JsonText.of("{not an object}").isObject()).as("a string that looks like one").isFalse();
        assertThat(JsonText.of(null).isObject()).isFalse();
        assertThat(JsonText.of(12).isObject()).isFalse();
    }

    @Test
    void stored_text_that_is_malformed_is_reported_when_read_naming_why() {
        JsonText text = JsonText.ofEncoded("{\"a\":".getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(text::tree).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("malformed");
        assertThatThrownBy(() -> JsonText.ofEncoded(new byte[0])).hasMessageContaining("no JSON text");
    }

    @Test
    void values_compare_as_json_not_as_text() {
        assertThat(JsonText.ofEncoded("{ \"a\" : 1, \"b\": [2] }".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(JsonText.of(Map.of("b", List.of(2), "a", 1)))
                .isNotEqualTo(JsonText.of(Map.of("a", 1)));
    }
}
