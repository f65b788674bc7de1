package io.caseflow.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A process's free data is kept as each field's text, cut out of the stored object without a tree: every kind of JSON
 * value, in every formatting a database hands back, must come out as exactly its value, and anything else be refused.
 */
class JsonFieldsTest {

    private static final String EVERY_KIND = """
            {"text":"a \\"quoted\\", comma: , and } brace","unicode":"東京 😀 \\u00e9","int":-12,"exp":1.5E+3,
            "zero":0,"t":true,"f":false,"n":null,"empty":{},"none":[],"nested":{"a":[1,{"b":[[],{}]},"x,y"],"c":{"d":null}},
            "list":[1,2.5,"three",true,null]}""";

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void each_field_is_cut_out_as_exactly_its_value() {
        JsonNode tree = Json.parse(EVERY_KIND);
        JsonFields fields = JsonFields.parse(utf8(EVERY_KIND));

        assertThat(fields.names()).containsExactlyElementsOf(() -> tree.fieldNames());
        for (String name : fields.names()) {
            assertThat(Json.parse(fields.encoded(name))).as(name).isEqualTo(tree.get(name));
        }
        assertThat(new String(fields.encoded("text"), StandardCharsets.UTF_8)).isEqualTo("\"a \\\"quoted\\\", comma: , and } brace\"");
        assertThat(new String(fields.encoded("int"), StandardCharsets.UTF_8)).isEqualTo("-12");
        assertThat(fields.asObject()).isEqualTo(tree);
    }

    @Test
    void white_space_as_postgresql_and_people_write_it_is_left_out() {
        String spaced = " \n{ \"a\" : 1 ,\t\"b\":  [ 1, 2 ] \r\n, \"c\" : \"x\" ,\"d\":{ \"e\" : null }  } \n";
        JsonFields fields = JsonFields.parse(utf8(spaced));

        assertThat(new String(fields.encoded("a"), StandardCharsets.UTF_8)).isEqualTo("1");
        assertThat(new String(fields.encoded("b"), StandardCharsets.UTF_8)).isEqualTo("[ 1, 2 ]");
        assertThat(new String(fields.encoded("c"), StandardCharsets.UTF_8)).isEqualTo("\"x\"");
        assertThat(new String(fields.encoded("d"), StandardCharsets.UTF_8)).isEqualTo("{ \"e\" : null }");
        assertThat(fields.asObject()).isEqualTo(Json.parse(spaced));
    }

    @Test
    void the_object_written_from_its_fields_reads_back_as_the_same_fields() {
        JsonFields fields = JsonFields.parse(utf8(EVERY_KIND)).with("added \"name\" ü", Json.parse("{\"k\":[1]}")).without("n");

        byte[] written = fields.toJson();

        assertThat(Json.parse(written)).isEqualTo(fields.asObject());
        JsonFields back = JsonFields.parse(written);
        assertThat(back.names()).containsExactlyElementsOf(fields.names());
        for (String name : fields.names()) {
            assertThat(back.encoded(name)).as(name).isEqualTo(fields.encoded(name));
        }
        assertThat(new String(JsonFields.empty().toJson(), StandardCharsets.UTF_8)).isEqualTo("{}");
    }

    @Test
    void the_raw_node_writes_the_fields_text_inside_a_message_as_it_is() {
        JsonFields fields = JsonFields.parse(utf8(EVERY_KIND)).with("added", Json.parse("[\"ü\"]"));
        ObjectNode message = Json.object().put("taskId", "t-1");
        message.set("payload", fields.asRawNode());
        message.put("replyTo", "q");

        String written = message.toString();

        assertThat(written).contains("\"payload\":" + new String(fields.toJson(), StandardCharsets.UTF_8) + ",\"replyTo\"");
        JsonNode back = Json.parse(written);
        assertThat(back.get("payload")).isEqualTo(fields.asObject());
        assertThat(back.get("replyTo").asText()).isEqualTo("q");
        ObjectNode empty = Json.object();
        empty.set("payload", JsonFields.empty().asRawNode());
        assertThat(empty.toString()).isEqualTo("{\"payload\":{}}");
    }

    @Test
    void a_field_set_again_keeps_its_place_and_the_others_keep_their_text() {
        JsonFields fields = JsonFields.of((ObjectNode) Json.tree(Map.of("a", List.of(1, 2))))
                .with("b", Json.parse("2")).with("c", Json.parse("3"));

        JsonFields changed = fields.with("b", Json.parse("\"two\""));

        assertThat(changed.names()).containsExactly("a", "b", "c");
        assertThat(changed.encoded("a")).isSameAs(fields.encoded("a"));
        assertThat(changed.get("b").asText()).isEqualTo("two");
        assertThat(fields.get("b").asInt()).as("the first is unchanged").isEqualTo(2);
        assertThat(fields.without("missing")).isSameAs(fields);
    }

    @Test
    void what_a_reader_changes_in_what_it_got_never_reaches_the_fields() {
        JsonFields fields = JsonFields.parse(utf8("{\"order\":{\"items\":[1]}}"));

        ((ObjectNode) fields.get("order")).putArray("items").add(99);
        fields.asObject().putObject("order");

        assertThat(fields.get("order").path("items")).hasSize(1);
    }

    @Test
    void json_null_and_no_text_are_no_fields() {
        assertThat(JsonFields.parse(null)).isSameAs(JsonFields.empty());
        assertThat(JsonFields.parse(new byte[0])).isSameAs(JsonFields.empty());
        assertThat(JsonFields.parse(utf8(" null "))).isSameAs(JsonFields.empty());
        assertThat(JsonFields.parse(utf8("{}"))).isSameAs(JsonFields.empty());
    }

    @Test
    void text_that_is_not_one_json_object_is_refused_naming_why() {
        assertThatThrownBy(() -> JsonFields.parse(utf8("[1,2]"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not an object");
        assertThatThrownBy(() -> JsonFields.parse(utf8("\"text\""))).hasMessageContaining("not an object");
        assertThatThrownBy(() -> JsonFields.parse(utf8("{\"a\":1} {\"b\":2}"))).hasMessageContaining("not one object");
        assertThatThrownBy(() -> JsonFields.parse(utf8("{\"a\":1"))).hasMessageContaining("malformed");
        assertThatThrownBy(() -> JsonFields.parse(utf8("{\"a\":[1,}"))).hasMessageContaining("malformed");
        assertThatThrownBy(() -> JsonFields.parse(utf8("{a:1}"))).hasMessageContaining("malformed");
        assertThatThrownBy(() -> JsonFields.parse(utf8("{\"a\":tru}"))).hasMessageContaining("malformed");
    }

    @Test
    void an_object_with_more_fields_than_the_bound_is_refused() {
        StringBuilder many = new StringBuilder("{");
        for (int i = 0; i <= JsonFields.MAX_FIELDS; i++) {
            many.append(i == 0 ? "" : ",").append("\"f").append(i).append("\":").append(i);
        }
        byte[] text = utf8(many.append('}').toString());

        assertThatThrownBy(() -> JsonFields.parse(text)).hasMessageContaining("more than " + JsonFields.MAX_FIELDS + " fields");
    }

    @Test
    void the_heap_counted_is_the_text_and_an_entry_each_not_a_tree() {
        ObjectNode document = Json.object();
        for (int i = 0; i < 200; i++) {
            document.putObject("item" + i).put("sku", "SKU-" + i).put("qty", i).put("name", "blue steel kit");
        }
        JsonFields fields = JsonFields.of(document);

        assertThat(fields.textBytes()).isEqualTo(fields.toJson().length - 2 - 199 - document.size() * 3L
                - document.properties().stream().mapToLong(e -> e.getKey().length()).sum());
        assertThat(fields.heapBytes()).isLessThan(JsonFootprint.of(document) / 2);
    }
}
