package io.caseflow.process;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.caseflow.json.Json;
import io.caseflow.json.JsonFootprint;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Results are kept as their text: read as fresh trees, never changed by a reader, counted at about their text's size. */
class StageResultsTest {

    @Test
    void each_read_is_a_tree_of_its_own_so_a_reader_cannot_change_what_is_kept() {
        StageResults results = StageResults.empty().with("charge", Json.object().put("receipt", "R-1"));
        ((ObjectNode) results.get("charge")).put("receipt", "changed");
        results.asObject().putObject("charge").put("receipt", "changed too");

        assertThat(results.get("charge").path("receipt").asText()).isEqualTo("R-1");
        assertThat(results.get("charge")).isNotSameAs(results.get("charge"));
        assertThat(results.get("missing")).isNull();
        assertThat(results.path("missing").isMissingNode()).isTrue();
    }

    @Test
    void with_leaves_the_original_alone_and_a_stage_run_again_keeps_its_place_with_its_newest_result() {
        StageResults first = StageResults.empty().with("a", Json.tree(1)).with("b", Json.tree(2));
        StageResults again = first.with("a", Json.tree(3));

        assertThat(first.get("a").asInt()).isEqualTo(1);
        assertThat(again.get("a").asInt()).isEqualTo(3);
        assertThat(again.stages()).containsExactly("a", "b");
        assertThat(StageResults.empty().isEmpty()).isTrue();
    }

    @Test
    void equal_by_value_whatever_the_formatting_a_store_keeps() {
        Map<String, byte[]> asPostgresFormatsIt = new LinkedHashMap<>();
        asPostgresFormatsIt.put("ship", "{\"to\": \"Oslo\", \"items\": [1, 2]}".getBytes(StandardCharsets.UTF_8));
        StageResults read = StageResults.ofEncoded(asPostgresFormatsIt);
        StageResults written = StageResults.of((ObjectNode) Json.parse("{\"ship\":{\"items\":[1,2],\"to\":\"Oslo\"}}"));

        assertThat(read).isEqualTo(written).hasSameHashCodeAs(written);
        assertThat(read).isNotEqualTo(written.with("ship", Json.tree(Map.of("to", "Bergen"))));
        assertThat(Json.write(read)).as("serialised as the object of all results").isEqualTo("{\"ship\":{\"to\":\"Oslo\",\"items\":[1,2]}}");
    }

    @Test
    void held_at_about_the_size_of_its_text_where_a_tree_holds_several_times_more() {
        ObjectNode document = Json.object();
        for (int i = 0; i < 200; i++) {
            document.set("item" + i, Json.tree(Map.of("sku", "SKU-" + i, "qty", i, "price", i * 1.5, "name", "blue steel kit")));
        }
        byte[] text = Json.writeBytes(document);
        StageResults results = StageResults.empty().with("reserve", text);

        assertThat(results.textBytes()).isEqualTo(text.length);
        assertThat(results.heapBytes()).isBetween((long) text.length, text.length + 200L);
        JsonNode tree = results.get("reserve");
        assertThat(JsonFootprint.of(tree)).as("the tree it replaces").isGreaterThan(3L * text.length);
        assertThat(tree).isEqualTo(document);
    }
}
