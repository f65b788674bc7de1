package io.caseflow.designer.editor;

import static org.assertj.core.api.Assertions.assertThat;

import io.caseflow.definition.CaseDefinition;
import io.caseflow.definition.Layout;
import io.caseflow.definition.StageDefinition;
import io.caseflow.designer.editor.StageNavigator.Direction;
import org.junit.jupiter.api.Test;

class StageNavigatorTest {
    /**
     * <pre>
     *   a (0,0)        b (300,0)
     *   c (0,200)      d (300,180)     e (600,400)
     * </pre>
     */
    private static final CaseDefinition CASE = CaseDefinition.builder("grid", "v1")
            .stage(stage("a", 0, 0)).stage(stage("b", 300, 0)).stage(stage("c", 0, 200)).stage(stage("d", 300, 180))
            .stage(stage("e", 600, 400)).build();

    private static StageDefinition stage(String name, double x, double y) {
        return StageDefinition.task(name, null).withLayout(new Layout(x, y));
    }

    @Test
    void arrows_go_to_the_nearest_stage_that_way_preferring_one_straight_ahead() {
        assertThat(StageNavigator.nearest(CASE, "a", Direction.RIGHT)).contains("b");
        assertThat(StageNavigator.nearest(CASE, "a", Direction.DOWN)).contains("c");
        assertThat(StageNavigator.nearest(CASE, "d", Direction.LEFT)).contains("c");
        assertThat(StageNavigator.nearest(CASE, "d", Direction.UP)).contains("b");
        assertThat(StageNavigator.nearest(CASE, "d", Direction.RIGHT)).contains("e");
        assertThat(StageNavigator.nearest(CASE, "a", Direction.LEFT)).isEmpty();
        assertThat(StageNavigator.nearest(CASE, "e", Direction.DOWN)).isEmpty();
    }

    @Test
    void with_nothing_selected_the_first_stage_is_the_start() {
        assertThat(StageNavigator.nearest(CASE, null, Direction.LEFT)).contains("a");
        assertThat(StageNavigator.nearest(CASE, "gone", Direction.UP)).contains("a");
        assertThat(StageNavigator.nearest(CaseDefinition.builder("empty", "v1").build(), null, Direction.UP)).isEmpty();
    }

    @Test
    void next_and_previous_follow_the_case_order_and_stop_at_its_ends() {
        assertThat(StageNavigator.next(CASE, "a", true)).contains("b");
        assertThat(StageNavigator.next(CASE, "b", false)).contains("a");
        assertThat(StageNavigator.next(CASE, "e", true)).isEmpty();
        assertThat(StageNavigator.next(CASE, "a", false)).isEmpty();
        assertThat(StageNavigator.last(CASE)).contains("e");
    }

    @Test
    void type_ahead_offers_names_starting_with_the_text_first_then_containing_it() {
        CaseDefinition d = CaseDefinition.builder("names", "v1").stage(stage("approve", 0, 0)).stage(stage("check", 0, 0))
                .stage(stage("reApply", 0, 0)).stage(stage("apply", 0, 0)).build();
        assertThat(StageNavigator.matching(d, "AP", "check")).containsExactly("approve", "apply", "reApply");
        assertThat(StageNavigator.matching(d, "", "check")).containsExactly("approve", "reApply", "apply");
    }
}
