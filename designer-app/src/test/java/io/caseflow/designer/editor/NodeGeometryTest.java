package io.caseflow.designer.editor;

import static org.assertj.core.api.Assertions.assertThat;

import io.caseflow.definition.Layout;
import io.caseflow.definition.StageDefinition;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class NodeGeometryTest {

    private static StageDefinition at(String name, double x, double y) {
        return StageDefinition.task(name, "h").withLayout(new Layout(x, y));
    }

    @Test
    void stages_drawn_closer_than_a_node_overlap_and_spread_ones_do_not() {
        assertThat(NodeGeometry.overlapping(List.of(at("a", 0, 0), at("b", 120, 20), at("c", 400, 0)))).isEqualTo(2);
        assertThat(NodeGeometry.overlapping(List.of(at("a", 0, 0), at("b", NodeGeometry.WIDTH, 0), at("c", 0, NodeGeometry.HEIGHT))))
                .as("touching edges are not overlapping").isZero();
        assertThat(NodeGeometry.overlapping(List.of())).isZero();
    }

    @Test
    void a_large_case_is_checked_by_a_sweep_not_every_pair() {
        List<StageDefinition> grid = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            grid.add(at("s" + i, (i % 200) * 200.0, (i / 200) * 100.0));
        }
        grid.add(at("on-top", 10, 10));
        assertThat(NodeGeometry.overlapping(grid)).isEqualTo(2);
    }
}
