package io.caseflow.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.caseflow.json.Json;
import io.caseflow.json.JsonFootprint;
import io.caseflow.process.StageResults;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The payload cache counts the heap its trees hold, not their text (results, kept as text, count as text), and stays within
 * its bound by that count.
 */
class PayloadCacheTest {

    private static ObjectNode document(int items) {
        ObjectNode document = Json.object();
        for (int i = 0; i < items; i++) {
            document.set("item" + i, Json.tree(Map.of("sku", "SKU-" + i, "qty", i, "price", i * 1.5, "name", "blue steel kit")));
        }
        return document;
    }

    @Test
    void an_entry_counts_its_trees_and_its_results_as_text_and_one_step_on_only_what_changed() {
        ObjectNode input = document(50);
        ObjectNode data = document(10);
        PayloadCache.Entry entry = PayloadCache.Entry.of(3, input, data, StageResults.empty(), null);
        long expected = JsonFootprint.of(input) + JsonFootprint.of(data);
        assertThat(entry.bytes()).isEqualTo(expected);
        assertThat(entry.bytes()).as("several times the text").isGreaterThan(3L * (Json.writeBytes(input).length + Json.writeBytes(data).length));

        ObjectNode output = document(50);
        byte[] outputText = Json.writeBytes(output);
        StageResults results = StageResults.empty().with("stage", outputText);
        PayloadCache.Entry kept = entry.next(4, data, entry.dataBytes(), results, null);
        assertThat(kept.bytes() - expected).as("a result is held as its text, not as a tree four times its size")
                .isBetween((long) outputText.length, outputText.length + 200L)
                .isLessThan(JsonFootprint.of(output) / 3);

        ObjectNode smaller = document(1);
        StageResults more = results.with("other", Json.writeBytes(smaller));
        PayloadCache.Entry changed = kept.next(5, smaller, JsonFootprint.of(smaller), more, null);
        assertThat(changed.bytes()).isEqualTo(kept.bytes() - JsonFootprint.of(data) + JsonFootprint.of(smaller)
                + more.heapBytes() - results.heapBytes());
        assertThat(changed.dataBytes()).isEqualTo(JsonFootprint.of(smaller));
    }

    @Test
    void the_bound_holds_by_heap() {
        ObjectNode input = document(40);
        long each = PayloadCache.Entry.of(1, input, Json.object(), StageResults.empty(), null).bytes();
        // Room for ten entries by their heap; their text alone would have let over thirty in.
        PayloadCache cache = new PayloadCache(10 * each);
        for (int i = 0; i < 30; i++) {
            cache.put("p" + i, PayloadCache.Entry.of(1, input, Json.object(), StageResults.empty(), null));
        }
        assertThat(cache.bytes()).isBetween(9 * each, 10 * each);
        assertThat(cache.get("p29", 1)).isNotNull();
        assertThat(cache.get("p0", 1)).as("the least recently used went first").isNull();
        assertThat(cache.get("p29", 2)).as("another step").isNull();
    }

}
