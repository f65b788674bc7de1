package io.caseflow.designer.canvas;

import static org.assertj.core.api.Assertions.assertThat;

import io.caseflow.definition.Layout;
import io.caseflow.definition.TransitionDefinition;
import io.caseflow.designer.Samples;
import io.caseflow.designer.editor.CaseDocument;
import io.caseflow.designer.editor.Hit;
import io.caseflow.designer.editor.Point;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Gestures in screen pixels through a zoomed, panned viewport; no toolkit. */
class CanvasGesturesTest {
    private CaseDocument document;
    private Viewport viewport;
    private CanvasGestures gestures;
    private boolean snap = true;
    private final List<Hit> editRequests = new ArrayList<>();
    private final List<String> messages = new ArrayList<>();

    @BeforeEach
    void setUp() {
        document = CaseDocument.untitled(Samples.tiny());
        viewport = new Viewport();
        viewport.set(2.0, 10, 20);
        gestures = new CanvasGestures(document, viewport, () -> snap);
        gestures.onEditRequest(editRequests::add);
        gestures.onMessage(messages::add);
    }

    private Point screen(double mx, double my) {
        return viewport.toScreen(new Point(mx, my));
    }

    private void drag(Point from, Point to, boolean shift) {
        gestures.press(from.x(), from.y(), CanvasGestures.Button.PRIMARY, shift, false, 1);
        for (int i = 1; i <= 5; i++) {
            gestures.drag(from.x() + (to.x() - from.x()) * i / 5, from.y() + (to.y() - from.y()) * i / 5);
        }
        gestures.release(to.x(), to.y());
    }

    @Test
    void dragging_a_stage_moves_it_snapped_in_one_undoable_step() {
        drag(screen(100, 120), screen(100 + 47, 120 + 13), false);
        assertThat(document.definition().stage("start").orElseThrow().layout()).isEqualTo(new Layout(80, 120));
        assertThat(document.stack().undoSize()).isEqualTo(1);
        document.stack().undo();
        assertThat(document.definition()).isEqualTo(Samples.tiny());
    }

    @Test
    void without_snapping_a_drag_moves_by_exactly_the_pointer_distance() {
        snap = false;
        drag(screen(100, 120), screen(100 + 47, 120 + 13), false);
        assertThat(document.definition().stage("start").orElseThrow().layout()).isEqualTo(new Layout(87, 113));
    }

    @Test
    void dragging_moves_every_selected_stage_together() {
        document.selection().set(List.of("start", "call"), List.of());
        drag(screen(300, 120), screen(300, 160), false);
        assertThat(document.definition().stage("start").orElseThrow().layout()).isEqualTo(new Layout(40, 140));
        assertThat(document.definition().stage("call").orElseThrow().layout()).isEqualTo(new Layout(260, 140));
        assertThat(document.stack().undoLabel()).contains("Move 2 stages");
    }

    @Test
    void the_preview_shows_the_move_before_it_is_committed() {
        Point from = screen(100, 120);
        gestures.press(from.x(), from.y(), CanvasGestures.Button.PRIMARY, false, false, 1);
        gestures.drag(from.x() + 80, from.y());
        assertThat(gestures.overlay().preview().stage("start").orElseThrow().layout().x()).isEqualTo(80);
        assertThat(document.definition()).isEqualTo(Samples.tiny());
        gestures.cancel();
        assertThat(gestures.overlay().preview()).isNull();
    }

    @Test
    void dragging_from_a_port_onto_a_stage_connects_them() {
        drag(screen(40 + 168, 130), screen(560, 130), false);
        assertThat(document.definition().transitions()).contains(new TransitionDefinition("start", "done", "branch1"));
        assertThat(document.selection().transitions()).containsExactly(2);
    }

    @Test
    void dropping_a_connection_on_empty_space_adds_nothing() {
        drag(screen(40 + 168, 130), screen(300, 400), false);
        assertThat(document.definition().transitions()).hasSize(2);
        assertThat(document.stack().canUndo()).isFalse();
    }

    @Test
    void dragging_a_selected_transitions_end_reconnects_it() {
        document.selection().selectTransition(0);
        drag(screen(260, 130), screen(560, 130), false);
        assertThat(document.definition().transitions().get(0)).isEqualTo(TransitionDefinition.of("start", "done"));
    }

    @Test
    void shift_drag_on_empty_space_selects_an_area_and_plain_drag_pans() {
        drag(screen(0, 60), screen(420, 200), true);
        assertThat(document.selection().stages()).containsExactlyInAnyOrder("start", "call");
        assertThat(document.selection().transitions()).containsExactly(0);

        double tx = viewport.translateX();
        Point empty = screen(300, 400);
        drag(empty, new Point(empty.x() + 50, empty.y()), false);
        assertThat(viewport.translateX()).isEqualTo(tx + 50);
    }

    @Test
    void click_selects_shift_click_adds_and_click_on_empty_space_clears() {
        Point a = screen(100, 120);
        gestures.press(a.x(), a.y(), CanvasGestures.Button.PRIMARY, false, false, 1);
        gestures.release(a.x(), a.y());
        Point b = screen(320, 120);
        gestures.press(b.x(), b.y(), CanvasGestures.Button.PRIMARY, true, false, 1);
        gestures.release(b.x(), b.y());
        assertThat(document.selection().stages()).containsExactlyInAnyOrder("start", "call");
        Point empty = screen(300, 400);
        gestures.press(empty.x(), empty.y(), CanvasGestures.Button.PRIMARY, false, false, 1);
        gestures.release(empty.x(), empty.y());
        assertThat(document.selection().isEmpty()).isTrue();
    }

    @Test
    void double_click_asks_to_edit_in_place() {
        Point a = screen(100, 120);
        gestures.press(a.x(), a.y(), CanvasGestures.Button.PRIMARY, false, false, 2);
        gestures.release(a.x(), a.y());
        assertThat(editRequests).containsExactly(new Hit.StageBody("start"));
    }
}
