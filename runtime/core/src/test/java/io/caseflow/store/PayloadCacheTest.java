package io.caseflow.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.caseflow.json.Json;
import io.caseflow.json.JsonFootprint;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The payload cache counts the heap its trees hold, not their text, and stays within its bound by that count. */
class PayloadCacheTest {

    private static ObjectNode document(int items) {
        ObjectNode document = Json.object();
        for (int i = 0; i < items; i++) {
            document.set("item" + i, Json.tree(Map.of("sku", "SKU-" + i, "qty", i, "price", i * 1.5, "name", "blue steel kit")));
        }
        return document;
    }

    @Test
    void an_entry_counts_its_trees_and_one_step_on_only_what_changed() {
        ObjectNode input = document(50);
        ObjectNode data = document(10);
        PayloadCache.Entry entry = PayloadCache.Entry.of(3, input, data, Json.object(), null);
        long expected = JsonFootprint.of(input) + JsonFootprint.of(data) + JsonFootprint.of(Json.object());
        assertThat(entry.bytes()).isEqualTo(expected);
        assertThat(entry.bytes()).as("several times the text").isGreaterThan(3L * (Json.writeBytes(input).length + Json.writeBytes(data).length));

        ObjectNode output = document(5);
        ObjectNode results = Json.object().set("stage", output);
        PayloadCache.Entry kept = entry.next(4, data, entry.dataBytes(), results, JsonFootprint.of(output), null);
        assertThat(kept.bytes()).isEqualTo(expected + JsonFootprint.of(output));

        ObjectNode smaller = document(1);
        PayloadCache.Entry changed = kept.next(5, smaller, JsonFootprint.of(smaller), results, 0, null);
        assertThat(changed.bytes()).isEqualTo(kept.bytes() - JsonFootprint.of(data) + JsonFootprint.of(smaller));
        assertThat(changed.dataBytes()).isEqualTo(JsonFootprint.of(smaller));
    }

    @Test
    void the_bound_holds_by_heap() {
        ObjectNode input = document(40);
        long each = PayloadCache.Entry.of(1, input, Json.object(), Json.object(), null).bytes();
        // Room for ten entries by their heap; their text alone would have let over thirty in.
        PayloadCache cache = new PayloadCache(10 * each);
        for (int i = 0; i < 30; i++) {
            cache.put("p" + i, PayloadCache.Entry.of(1, input, Json.object(), Json.object(), null));
        }
        assertThat(cache.bytes()).isBetween(9 * each, 10 * each);
        assertThat(cache.get("p29", 1)).isNotNull();
        assertThat(cache.get("p0", 1)).as("the least recently used went first").isNull();
        assertThat(cache.get("p29", 2)).as("another step").isNull();
    }

}
