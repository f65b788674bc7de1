package io.caseflow.designer.canvas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.caseflow.designer.editor.Point;
import io.caseflow.designer.editor.Rect;
import org.junit.jupiter.api.Test;

class ViewportTest {

    @Test
    void zooming_keeps_the_point_under_the_pointer_in_place() {
        Viewport v = new Viewport();
        v.set(1, 30, 40);
        Point before = v.toModel(200, 150);
        v.zoomAt(1.5, 200, 150);
        Point after = v.toModel(200, 150);
        assertThat(after.x()).isCloseTo(before.x(), within(1e-9));
        assertThat(after.y()).isCloseTo(before.y(), within(1e-9));
        assertThat(v.scale()).isEqualTo(1.5);
    }

    @Test
    void zoom_is_clamped() {
        Viewport v = new Viewport();
        v.zoomAt(1000, 0, 0);
        assertThat(v.scale()).isEqualTo(Viewport.MAX_SCALE);
        v.zoomAt(1e-6, 0, 0);
        assertThat(v.scale()).isEqualTo(Viewport.MIN_SCALE);
    }

    @Test
    void fit_shows_all_content_and_never_zooms_past_100_percent() {
        Viewport v = new Viewport();
        v.fit(new Rect(0, 0, 4000, 1000), 1000, 500, 0);
        assertThat(v.scale()).isEqualTo(0.25);
        Rect visible = v.visible(1000, 500);
        assertThat(visible.contains(new Rect(0, 0, 4000, 1000))).isTrue();
        v.fit(new Rect(0, 0, 100, 100), 1000, 500, 0);
        assertThat(v.scale()).isEqualTo(1.0);
    }

    @Test
    void reveal_scrolls_just_enough() {
        Viewport v = new Viewport();
        v.reveal(new Rect(1200, 100, 100, 50), 1000, 500, 0);
        Rect visible = v.visible(1000, 500);
        assertThat(visible.maxX()).isEqualTo(1300);
        assertThat(visible.contains(new Rect(1200, 100, 100, 50))).isTrue();
    }
}
