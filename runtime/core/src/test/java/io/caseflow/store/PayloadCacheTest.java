package io.caseflow.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.caseflow.json.Json;
import io.caseflow.json.JsonFields;
import io.caseflow.json.JsonText;
import io.caseflow.process.StageResults;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The payload cache counts the heap what it holds takes (input, data and results, all kept as text), and stays within its
 * bound by that count.
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
    void an_entry_counts_what_it_carries_as_text_and_one_step_on_only_what_changed() {
        JsonText input = JsonText.of(document(50));
        JsonFields data = JsonFields.of(document(10));
        PayloadCache.Entry entry = PayloadCache.Entry.of(3, input, data, StageResults.empty(), null);
        long text = input.bytes().length + data.toJson().length;
        assertThat(entry.bytes()).as("about the text, not trees four times its size").isBetween(text, text + 10 * 200L);

        byte[] outputText = Json.writeBytes(document(50));
        StageResults results = StageResults.empty().with("stage", outputText);
        PayloadCache.Entry kept = entry.next(4, data, results, null);
        assertThat(kept.bytes() - entry.bytes()).as("a result is held as its text").isBetween((long) outputText.length,
                outputText.length + 200L);

        JsonFields smaller = JsonFields.of(document(1));
        StageResults more = results.with("other", Json.writeBytes(document(1)));
        PayloadCache.Entry changed = kept.next(5, smaller, more, null);
        assertThat(changed.bytes()).isEqualTo(kept.bytes() - data.heapBytes() + smaller.heapBytes()
                + more.heapBytes() - results.heapBytes());
    }

    @Test
    void the_bound_holds_by_heap() {
        JsonText input = JsonText.of(document(40));
        long each = PayloadCache.Entry.of(1, input, JsonFields.empty(), StageResults.empty(), null).bytes();
        // Room for ten entries by their heap.
        PayloadCache cache = new PayloadCache(10 * each);
        for (int i = 0; i < 30; i++) {
            cache.put("p" + i, PayloadCache.Entry.of(1, input, JsonFields.empty(), StageResults.empty(), null));
        }
        assertThat(cache.bytes()).isBetween(9 * each, 10 * each);
        assertThat(cache.get("p29", 1)).isNotNull();
        assertThat(cache.get("p0", 1)).as("the least recently used went first").isNull();
        assertThat(cache.get("p29", 2)).as("another step").isNull();
    }

}
