package io.caseflow.designer.layout;

import static org.assertj.core.api.Assertions.assertThat;

import io.caseflow.definition.CaseDefinition;
import io.caseflow.definition.Layout;
import io.caseflow.designer.editor.Edits;
import io.caseflow.designer.editor.NodeGeometry;
import io.caseflow.designer.editor.Rect;
import io.caseflow.designer.bench.GeneratedCases;
import io.caseflow.samples.BusinessCase1;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

public class AutoLayoutTest {

    public static void assertNoOverlaps(CaseDefinition d) {
        List<Rect> boxes = new ArrayList<>();
        d.stages().forEach(s -> boxes.add(NodeGeometry.bounds(s)));
        for (int i = 0; i < boxes.size(); i++) {
            for (int j = i + 1; j < boxes.size(); j++) {
                assertThat(boxes.get(i).intersects(boxes.get(j))).as("stages %d and %d overlap", i, j).isFalse();
            }
        }
    }

    @Test
    void the_sample_reads_left_to_right_without_overlaps() {
        CaseDefinition sample = BusinessCase1.definition();
        Map<String, Layout> layout = AutoLayout.compute(sample);
        CaseDefinition laidOut = Edits.layout(layout).apply(sample);
        assertNoOverlaps(laidOut);
        double startX = layout.get("validateOrder").x();
        assertThat(layout.values()).allMatch(l -> l.x() >= startX);
        assertThat(layout.get("reserveStock").x()).isGreaterThan(startX);
        assertThat(layout.get("completed").x()).isGreaterThan(layout.get("notifyCustomer").x());
        assertThat(layout.values()).allMatch(l -> l.x() % 20 == 0 && l.y() % 20 == 0);
    }

    @Test
    void five_hundred_stages_are_laid_out_without_overlaps() {
        CaseDefinition big = GeneratedCases.generate(500, 42);
        CaseDefinition laidOut = Edits.layout(AutoLayout.compute(big)).apply(big);
        assertNoOverlaps(laidOut);
    }
}
