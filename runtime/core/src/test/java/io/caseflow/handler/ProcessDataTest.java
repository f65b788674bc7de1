package io.caseflow.handler;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.caseflow.definition.CaseKey;
import io.caseflow.json.Json;
import io.caseflow.json.JsonFields;
import io.caseflow.json.JsonText;
import io.caseflow.process.StageResults;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What a handler is handed is shared with the store, which keeps it per step: changing it must change the run's own
 * view and what the run commits, never what the store keeps; and reading nothing must copy nothing.
 */
class ProcessDataTest {
    private final JsonFields stored = JsonFields.of((ObjectNode) Json.tree(Map.of("order", Map.of("status", "new",
            "items", List.of(1, 2)), "note", "kept", "gone", "x"))).without("gone").with("nothing", NullNode.getInstance());
    private final String storedText = new String(stored.toJson(), StandardCharsets.UTF_8);

    @Test
    void untouched_data_is_committed_as_the_very_fields_stored() {
        ProcessData data = new ProcessData(stored);
        assertThat(data.getText("note", "?")).isEqualTo("kept");
        assertThat(data.get("order").orElseThrow().path("status").asText()).as("read, not changed").isEqualTo("new");
        assertThat(data.get("order", Order.class).orElseThrow().items()).containsExactly(1, 2);
        assertThat(data.get("nothing")).as("JSON null reads as nothing").isEmpty();
        assertThat(data.get("nothing", Order.class)).isEmpty();
        assertThat(data.fields()).as("nothing to write").isSameAs(stored);
    }

    record Order(String status, List<Integer> items) {
    }

    @Test
    void a_value_put_is_taken_as_it_is_when_put_and_committed_as_its_text_beside_the_stored_text() {
        ProcessData data = new ProcessData(stored);
        Map<String, Object> total = new java.util.HashMap<>(Map.of("amount", 42));
        data.put("total", total);
        total.put("amount", -1);

        JsonFields committed = data.fields();
        assertThat(committed.get("total").path("amount").asInt()).isEqualTo(42);
        assertThat(committed.encoded("order")).as("an untouched value keeps its stored text").isSameAs(stored.encoded("order"));
        assertThat(data.get("total", Map.class).orElseThrow()).containsEntry("amount", 42);
    }

    @Test
    void an_object_read_and_changed_in_place_is_committed_and_the_stored_data_stays_as_it_was() {
        ProcessData data = new ProcessData(stored);
        ((ObjectNode) data.get("order").orElseThrow()).put("status", "paid");
        data.get("order", ObjectNode.class).orElseThrow().withArray("items").add(3);

        assertThat(data.asJson().path("order").path("status").asText()).isEqualTo("paid");
        assertThat(data.asJson().path("order").path("items")).hasSize(3);
        assertThat(data.get("order").orElseThrow()).as("the same value on the next read").isSameAs(data.get("order").orElseThrow());
        assertThat(new String(stored.toJson(), StandardCharsets.UTF_8)).isEqualTo(storedText);
    }

    @Test
    void a_tree_read_as_its_type_or_put_is_the_handler_s_to_change_until_the_run_ends() {
        ProcessData data = new ProcessData(stored);
        data.get("order", ObjectNode.class).orElseThrow().put("status", "paid");
        ObjectNode note = Json.object().put("by", "first");
        data.put("note", note);
        note.put("by", "second");

        assertThat(data.fields().get("order").path("status").asText()).isEqualTo("paid");
        assertThat(data.fields().get("note").path("by").asText()).isEqualTo("second");
        assertThat(data.get("note").orElseThrow()).isSameAs(note);
        data.remove("note").put("note", note);
        assertThat(data.fields().get("note").path("by").asText()).as("put again after a remove").isEqualTo("second");
        assertThat(new String(stored.toJson(), StandardCharsets.UTF_8)).isEqualTo(storedText);
    }

    @Test
    void put_and_remove_change_the_run_s_data_only() {
        ProcessData data = new ProcessData(stored);
        data.put("total", 42).remove("note");

        assertThat(data.asJson().path("total").asInt()).isEqualTo(42);
        assertThat(data.asJson().has("note")).isFalse();
        assertThat(data.get("note")).isEmpty();
        assertThat(new String(stored.toJson(), StandardCharsets.UTF_8)).isEqualTo(storedText);
    }

    @Test
    void the_input_results_and_reply_handed_out_are_copies() {
        JsonText input = JsonText.of(Map.of("amount", 40));
        JsonNode result = Json.tree(Map.of("checked", true));
        StageResults results = StageResults.empty().with("validate", result);
        StageContext ctx = new StageContext("p-1", new CaseKey("orders", "v1"), 1, "ship", 1, input, results, "validate",
                new ProcessData(stored), "ship");

        ((ObjectNode) ctx.input()).put("amount", -1);
        assertThat(ctx.input().path("amount").asInt()).as("the run's own copy, kept").isEqualTo(-1);
        assertThat(ctx.input(ObjectNode.class).path("amount").asInt()).isEqualTo(-1);
        ((ObjectNode) ctx.result("validate").orElseThrow()).put("checked", false);
        ((ObjectNode) ctx.results().get("validate")).put("checked", false);
        ((ObjectNode) ctx.reply().orElseThrow()).put("checked", false);

        assertThat(input.path("amount").asInt()).isEqualTo(40);
        assertThat(result.path("checked").asBoolean()).isTrue();
        assertThat(ctx.result("validate").orElseThrow().path("checked").asBoolean()).isTrue();
        assertThat(ctx.reply().orElseThrow().path("checked").asBoolean()).isTrue();
        assertThat(results.get("validate").path("checked").asBoolean()).as("what the store keeps").isTrue();
    }
}
