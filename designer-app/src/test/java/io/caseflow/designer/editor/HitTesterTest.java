package io.caseflow.designer.editor;

import static org.assertj.core.api.Assertions.assertThat;

import io.caseflow.definition.CaseDefinition;
import io.caseflow.designer.Samples;
import java.util.List;
import org.junit.jupiter.api.Test;

class HitTesterTest {
    private final CaseDefinition tiny = Samples.tiny();
    private final HitTester tester = HitTester.of(tiny);
    private final Selection none = new Selection();

    @Test
    void the_inside_of_a_node_is_its_body_and_the_border_its_port() {
        assertThat(tester.hit(new Point(120, 130), 1, none)).isEqualTo(new Hit.StageBody("start"));
        assertThat(tester.hit(new Point(40 + NodeGeometry.WIDTH, 130), 1, none)).isEqualTo(new Hit.StagePort("start"));
        assertThat(tester.hit(new Point(42, 130), 0, none)).isEqualTo(new Hit.StagePort("start"));
    }

    @Test
    void end_stages_have_no_port() {
        assertThat(tester.hit(new Point(480 + NodeGeometry.WIDTH - 1, 130), 0, none)).isEqualTo(new Hit.StageBody("done"));
    }

    @Test
    void a_point_on_a_transition_hits_it_and_empty_space_hits_nothing() {
        EdgePath path = tester.paths().get(0);
        assertThat(tester.hit(path.at(0.5), 3, none)).isEqualTo(new Hit.Edge(0));
        assertThat(tester.hit(new Point(1000, 1000), 3, none)).isEqualTo(Hit.NONE);
    }

    @Test
    void end_handles_of_a_selected_transition_come_first() {
        Selection sel = new Selection();
        sel.selectTransition(0);
        EdgePath path = tester.paths().get(0);
        assertThat(tester.hit(path.end(), 1, sel)).isEqualTo(new Hit.EdgeEnd(0, false));
        assertThat(tester.hit(path.start(), 1, sel)).isEqualTo(new Hit.EdgeEnd(0, true));
    }

    @Test
    void a_box_selects_the_stages_it_touches_and_the_transitions_between_them() {
        var stages = tester.stagesIn(new Rect(0, 0, 300, 300));
        assertThat(stages).containsExactly("start", "call");
        assertThat(tester.transitionsWithin(stages)).containsExactly(0);
    }

    @Test
    void edges_leave_right_and_enter_left_going_forward() {
        EdgePath p = tester.paths().get(0);
        assertThat(p.start()).isEqualTo(new Point(40 + NodeGeometry.WIDTH, 130));
        assertThat(p.end()).isEqualTo(new Point(260, 130));
    }

    @Test
    void selection_drops_what_the_case_no_longer_has() {
        Selection sel = new Selection();
        sel.set(List.of("start", "gone"), List.of(0, 7));
        sel.prune(tiny);
        assertThat(sel.stages()).containsExactly("start");
        assertThat(sel.transitions()).containsExactly(0);
    }
}
