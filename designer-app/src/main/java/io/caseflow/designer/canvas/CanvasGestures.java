package io.caseflow.designer.canvas;

import io.caseflow.definition.CaseDefinition;
import io.caseflow.definition.Layout;
import io.caseflow.definition.StageDefinition;
import io.caseflow.definition.TransitionDefinition;
import io.caseflow.designer.editor.CaseDocument;
import io.caseflow.designer.editor.EdgePath;
import io.caseflow.designer.editor.EdgeRouter;
import io.caseflow.designer.editor.EditCommand;
import io.caseflow.designer.editor.EditRejectedException;
import io.caseflow.designer.editor.Edits;
import io.caseflow.designer.editor.Grid;
import io.caseflow.designer.editor.Hit;
import io.caseflow.designer.editor.HitTester;
import io.caseflow.designer.editor.NodeGeometry;
import io.caseflow.designer.editor.Point;
import io.caseflow.designer.editor.Rect;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * What pointer gestures on the canvas mean, as a plain state machine over screen points that it
 * turns into model coordinates with the {@link Viewport}: press on a stage and drag moves the
 * selection (one {@code Edits.move} on release, snapped to the grid when snapping is on); drag
 * from a port or border connects; drag a selected transition's end handle reconnects it; drag on
 * empty space pans, with Shift (or Ctrl) it draws a selection box; a double click asks to edit in
 * place. The renderer draws {@link #overlay()} while a gesture runs.
 *
 * <p>No toolkit: the FX canvas forwards mouse events, tests call the methods directly.
 */
public final class CanvasGestures {
    public enum Button { PRIMARY, MIDDLE, SECONDARY }

    /** What a running gesture wants drawn on top of the case. */
    public record Overlay(CaseDefinition preview, EdgePath rubberBand, String dropTarget, Rect box) {
        public static final Overlay NONE = new Overlay(null, null, null, null);
    }

    private enum Mode { IDLE, PRESSED_STAGE, MOVING, CONNECTING, RECONNECTING, PRESSED_EMPTY, PANNING, BOX, PRESSED_EDGE }

    /** Screen pixels the pointer must travel before a press becomes a drag. */
    public static final double DRAG_THRESHOLD = 4;
    /** Screen pixels of slack when hitting thin things. */
    public static final double TOLERANCE_PX = 5;

    private final CaseDocument document;
    private final Viewport viewport;
    private final BooleanSupplier snap;
    private Consumer<Hit> onEditRequest = h -> { };
    private Consumer<String> onMessage = m -> { };
    private Runnable onOverlayChanged = () -> { };

    private Mode mode = Mode.IDLE;
    private double pressX;
    private double pressY;
    private double lastX;
    private double lastY;
    private boolean additive;
    private String pressedStage;
    private int pressedEdge = -1;
    private boolean reconnectSource;
    private Map<String, Layout> moveOrigins = Map.of();
    private Map<String, Layout> moveTargets = Map.of();
    private Overlay overlay = Overlay.NONE;
    private CaseDefinition testerFor;
    private HitTester tester;

    public CanvasGestures(CaseDocument document, Viewport viewport, BooleanSupplier snap) {
        this.document = document;
        this.viewport = viewport;
        this.snap = snap;
    }

    public void onEditRequest(Consumer<Hit> handler) {
        this.onEditRequest = handler;
    }

    public void onMessage(Consumer<String> handler) {
        this.onMessage = handler;
    }

    public void onOverlayChanged(Runnable handler) {
        this.onOverlayChanged = handler;
    }

    public Overlay overlay() {
        return overlay;
    }

    public boolean isIdle() {
        return mode == Mode.IDLE;
    }

    /** The hit tester for the current definition (cached until it changes). */
    public HitTester hitTester() {
        CaseDefinition current = document.definition();
        if (current != testerFor) {
            tester = HitTester.of(current);
            testerFor = current;
        }
        return tester;
    }

    public Hit hitAt(double sx, double sy) {
        return hitTester().hit(viewport.toModel(sx, sy), TOLERANCE_PX / viewport.scale(), document.selection());
    }

    public void press(double sx, double sy, Button button, boolean shift, boolean shortcut, int clickCount) {
        pressX = lastX = sx;
        pressY = lastY = sy;
        additive = shift || shortcut;
        if (button != Button.PRIMARY) {
            mode = Mode.PANNING;
            return;
        }
        Hit hit = hitAt(sx, sy);
        var selection = document.selection();
        if (clickCount >= 2 && (hit instanceof Hit.StageBody || hit instanceof Hit.Edge || hit instanceof Hit.StagePort)) {
            mode = Mode.IDLE;
            onEditRequest.accept(hit instanceof Hit.StagePort p ? new Hit.StageBody(p.stage()) : hit);
            return;
        }
        if (hit instanceof Hit.StageBody body) {
            pressedStage = body.stage();
            if (shift) {
                selection.toggleStage(body.stage());
            } else if (!selection.containsStage(body.stage())) {
                selection.selectStage(body.stage());
            }
            mode = selection.containsStage(body.stage()) ? Mode.PRESSED_STAGE : Mode.IDLE;
        } else if (hit instanceof Hit.StagePort port) {
            pressedStage = port.stage();
            mode = Mode.CONNECTING;
        } else if (hit instanceof Hit.EdgeEnd end) {
            pressedEdge = end.index();
            reconnectSource = end.sourceEnd();
            mode = Mode.RECONNECTING;
        } else if (hit instanceof Hit.Edge edge) {
            if (shift) {
                selection.toggleTransition(edge.index());
            } else {
                selection.selectTransition(edge.index());
            }
            mode = Mode.PRESSED_EDGE;
        } else {
            mode = Mode.PRESSED_EMPTY;
        }
    }

    public void drag(double sx, double sy) {
        boolean beyond = Math.hypot(sx - pressX, sy - pressY) >= DRAG_THRESHOLD;
        Point p = viewport.toModel(sx, sy);
        switch (mode) {
            case PRESSED_STAGE -> {
                if (beyond) {
                    startMove();
                    mode = Mode.MOVING;
                    updateMove(p);
                }
            }
            case MOVING -> updateMove(p);
            case CONNECTING -> {
                if (beyond) {
                    StageDefinition from = document.definition().stage(pressedStage).orElse(null);
                    if (from == null) {
                        cancel();
                        return;
                    }
                    Optional<String> target = hitTester().stageAt(p, 0).filter(t -> !t.equals(pressedStage));
                    EdgePath band = target.flatMap(t -> document.definition().stage(t))
                            .map(t -> EdgeRouter.route(-1, NodeGeometry.bounds(from), NodeGeometry.bounds(t), false, 0))
                            .orElse(EdgeRouter.toPoint(NodeGeometry.bounds(from), p));
                    setOverlay(new Overlay(null, band, target.orElse(null), null));
                }
            }
            case RECONNECTING -> updateReconnect(p);
            case PRESSED_EMPTY -> {
                if (beyond) {
                    mode = additive ? Mode.BOX : Mode.PANNING;
                    drag(sx, sy);
                    return;
                }
            }
            case PANNING -> viewport.panBy(sx - lastX, sy - lastY);
            case BOX -> {
                Rect box = Rect.between(viewport.toModel(pressX, pressY), p);
                setOverlay(new Overlay(null, null, null, box));
            }
            default -> {
            }
        }
        lastX = sx;
        lastY = sy;
    }

    public void release(double sx, double sy) {
        Point p = viewport.toModel(sx, sy);
        var selection = document.selection();
        try {
            switch (mode) {
                case MOVING -> {
                    updateMove(p);
                    if (moveTargets.entrySet().stream().anyMatch(e -> !e.getValue().equals(moveOrigins.get(e.getKey())))) {
                        execute(Edits.move(moveTargets));
                    }
                }
                case CONNECTING -> {
                    Optional<String> target = hitTester().stageAt(p, 0).filter(t -> !t.equals(pressedStage));
                    if (target.isPresent() && Math.hypot(sx - pressX, sy - pressY) >= DRAG_THRESHOLD) {
                        int before = document.definition().transitions().size();
                        if (execute(Edits.connect(pressedStage, target.get(), null))
                                && document.definition().transitions().size() > before) {
                            selection.selectTransition(before);
                        }
                    } else if (Math.hypot(sx - pressX, sy - pressY) < DRAG_THRESHOLD) {
                        if (additive) {
                            selection.toggleStage(pressedStage);
                        } else {
                            selection.selectStage(pressedStage);
                        }
                    }
                }
                case RECONNECTING -> {
                    Optional<String> target = hitTester().stageAt(p, 0);
                    List<TransitionDefinition> edges = document.definition().transitions();
                    if (target.isPresent() && pressedEdge < edges.size()) {
                        TransitionDefinition t = edges.get(pressedEdge);
                        execute(reconnectSource ? Edits.reconnect(pressedEdge, target.get(), t.to())
                                : Edits.reconnect(pressedEdge, t.from(), target.get()));
                    }
                }
                case PRESSED_STAGE -> {
                    if (!additive && selection.size() > 1) {
                        selection.selectStage(pressedStage);
                    }
                }
                case PRESSED_EMPTY -> {
                    if (!additive) {
                        selection.clear();
                    }
                }
                case BOX -> {
                    Rect box = Rect.between(viewport.toModel(pressX, pressY), p);
                    HitTester t = hitTester();
                    Set<String> stages = t.stagesIn(box);
                    List<Integer> edges = t.transitionsWithin(stages);
                    if (additive) {
                        selection.add(stages, edges);
                    } else {
                        selection.set(stages, edges);
                    }
                }
                default -> {
                }
            }
        } finally {
            mode = Mode.IDLE;
            pressedStage = null;
            pressedEdge = -1;
            setOverlay(Overlay.NONE);
        }
    }

    /** Escape: drops whatever the gesture was doing; nothing is committed. */
    public void cancel() {
        mode = Mode.IDLE;
        setOverlay(Overlay.NONE);
    }

    private void startMove() {
        Map<String, Layout> origins = new LinkedHashMap<>();
        Set<String> selected = new HashSet<>(document.selection().stages());
        for (StageDefinition s : document.definition().stages()) {
            if (selected.contains(s.name())) {
                origins.put(s.name(), s.layout());
            }
        }
        moveOrigins = origins;
        moveTargets = origins;
    }

    private void updateMove(Point p) {
        Point start = viewport.toModel(pressX, pressY);
        double dx = p.x() - start.x();
        double dy = p.y() - start.y();
        Layout anchor = moveOrigins.get(pressedStage);
        if (anchor != null && snap.getAsBoolean()) {
            dx = Grid.snap(anchor.x() + dx, Grid.DEFAULT_SIZE) - anchor.x();
            dy = Grid.snap(anchor.y() + dy, Grid.DEFAULT_SIZE) - anchor.y();
        }
        Map<String, Layout> targets = new LinkedHashMap<>();
        for (Map.Entry<String, Layout> e : moveOrigins.entrySet()) {
            targets.put(e.getKey(), new Layout(e.getValue().x() + dx, e.getValue().y() + dy));
        }
        moveTargets = targets;
        setOverlay(new Overlay(Edits.move(targets).apply(document.definition()), null, null, null));
    }

    private void updateReconnect(Point p) {
        List<TransitionDefinition> edges = document.definition().transitions();
        if (pressedEdge >= edges.size()) {
            return;
        }
        TransitionDefinition t = edges.get(pressedEdge);
        Optional<String> target = hitTester().stageAt(p, 0);
        String fixed = reconnectSource ? t.to() : t.from();
        Optional<StageDefinition> fixedStage = document.definition().stage(fixed);
        if (fixedStage.isEmpty()) {
            return;
        }
        Rect fixedBox = NodeGeometry.bounds(fixedStage.get());
        EdgePath band;
        Optional<StageDefinition> over = target.flatMap(n -> document.definition().stage(n));
        if (over.isPresent()) {
            Rect o = NodeGeometry.bounds(over.get());
            band = reconnectSource ? EdgeRouter.route(-1, o, fixedBox, over.get().name().equals(fixed), 0)
                    : EdgeRouter.route(-1, fixedBox, o, over.get().name().equals(fixed), 0);
        } else {
            band = reconnectSource ? new EdgePath(-1, p, p.plus(40, 0), fixedBox.center().plus(-fixedBox.width() / 2 - 40, 0),
                    new Point(fixedBox.x(), fixedBox.center().y())) : EdgeRouter.toPoint(fixedBox, p);
        }
        setOverlay(new Overlay(null, band, target.orElse(null), null));
    }

    private boolean execute(EditCommand command) {
        try {
            return document.execute(command);
        } catch (EditRejectedException e) {
            onMessage.accept(e.getMessage());
            return false;
        }
    }

    private void setOverlay(Overlay next) {
        overlay = next;
        onOverlayChanged.run();
    }
}
