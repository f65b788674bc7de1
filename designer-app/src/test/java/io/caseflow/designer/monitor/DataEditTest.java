package io.caseflow.designer.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DataEditTest {
    @Test
    void an_object_is_accepted() {
        DataEdit.Result r = DataEdit.parse("{\"orderId\": \"ORD-1\", \"total\": 12.5}");
        assertThat(r.isValid()).isTrue();
        assertThat(r.data().path("total").decimalValue()).isEqualByComparingTo("12.5");
    }

    @Test
    void broken_json_says_where() {
        DataEdit.Result r = DataEdit.parse("{\n  \"orderId\": \"ORD-1\"\n  \"total\": 3\n}");
        assertThat(r.isValid()).isFalse();
        assertThat(r.error()).isEqualTo("Line 3, column 3: a comma is missing between two entries");
    }

    @Test
    void text_after_the_object_is_refused() {
        assertThat(DataEdit.parse("{\"a\": 1}\n{\"b\": 2}").error()).isEqualTo("Line 2, column 1: there is more text after the closing }");
        assertThat(DataEdit.parse("{\"a\": 1}\n}").error()).isEqualTo("Line 2, column 1: a closing } that closes nothing");
        assertThat(DataEdit.parse("{\"a\": 1} oops").error()).startsWith("Line 1, column").endsWith("'oops' is not JSON (text needs double quotes)");
    }

    @Test
    void anything_but_an_object_is_refused_plainly() {
        assertThat(DataEdit.parse("[1, 2]").error()).isEqualTo("The data must be a JSON object ({ … }), not an array.");
        assertThat(DataEdit.parse("  ").error()).startsWith("The data is empty");
        assertThat(DataEdit.parse("{\"a\": 1").error()).contains("Line 1").contains("ends too early");
        assertThat(DataEdit.parse("{a: 1}").error()).isEqualTo("Line 1, column 2: unexpected character 'a': "
                + "expected double-quote to start field name");
    }
}
