package io.caseflow.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The heap a tree holds, as a cache of trees counts it. The constants were checked against the heap itself (300 trees
 * parsed and kept, the heap read after full collections): an item list of 16 KB of text held 66 KB and was estimated at
 * 76 KB, one of 256 KB held 1,193 KB and was estimated at 1,183 KB, one string of 16 KB held 20 KB and was estimated at
 * 17 KB.
 */
class JsonFootprintTest {

    @Test
    void a_string_costs_about_its_length_and_twice_that_beyond_latin_1() {
        long ascii = JsonFootprint.of(Json.tree("r".repeat(16_384)));
        assertThat(ascii).isBetween(16_384L, 16_384L + 100);
        long cyrillic = JsonFootprint.of(Json.tree("я".repeat(16_384)));
        assertThat(cyrillic).isBetween(2 * 16_384L, 2 * 16_384L + 100);
    }

    @Test
    void an_item_list_costs_several_times_its_text_which_is_what_a_cache_counting_text_missed() {
        ObjectNode document = Json.object();
        ArrayNode items = document.putArray("items");
        Random random = new Random(1);
        for (int i = 0; i < 60; i++) {
            ObjectNode item = items.addObject();
            item.put("sku", "SKU-" + random.nextInt(1_000_000));
            item.put("name", "blue steel kit");
            item.put("qty", random.nextInt(20));
            item.put("price", random.nextDouble() * 100);
            item.put("gift", random.nextBoolean());
            item.putArray("tags").add("spare").add("bundle");
        }
        long text = Json.writeBytes(document).length;
        assertThat(JsonFootprint.of(document)).isBetween(3 * text, 8 * text);
        assertThat(JsonFootprint.of(Json.parse(Json.writeBytes(document)))).as("the same parsed back").isEqualTo(JsonFootprint.of(document));
    }

    @Test
    void shared_values_and_nothing_cost_nothing_of_their_own() {
        assertThat(JsonFootprint.of(null)).isZero();
        ArrayNode flags = Json.object().putArray("flags");
        long empty = JsonFootprint.of(flags);
        flags.add(true).add(false).addNull();
        assertThat(JsonFootprint.of(flags)).as("three array slots, no objects").isLessThan(empty + 3 * 8);
    }

    @Test
    void a_tree_deeper_than_any_stack_is_walked_without_recursion() {
        ArrayNode root = Json.object().arrayNode();
        ArrayNode deepest = root;
        for (int i = 0; i < 200_000; i++) {
            deepest = deepest.addArray();
        }
        assertThat(JsonFootprint.of(root)).isGreaterThan(200_000L * 40);
    }
}
