package io.caseflow.designer.canvas;

import io.caseflow.definition.StageDefinition;
import io.caseflow.definition.StageKind;
import io.caseflow.definition.TransitionDefinition;
import io.caseflow.designer.editor.CaseDocument;
import io.caseflow.designer.editor.EdgePath;
import io.caseflow.designer.editor.EditCommand;
import io.caseflow.designer.editor.EditRejectedException;
import io.caseflow.designer.editor.Edits;
import io.caseflow.designer.editor.Hit;
import io.caseflow.designer.editor.NodeGeometry;
import io.caseflow.designer.editor.Point;
import io.caseflow.designer.editor.Rect;
import java.util.List;
import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.AccessibleRole;
import javafx.scene.Cursor;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.DataFormat;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.StackPane;
import javafx.util.Duration;

/**
 * The drawing area: a canvas painted by {@link CanvasRenderer}, pointer gestures handled by
 * {@link CanvasGestures}, scroll bars, a minimap, an in-place editor for names and outcomes, and the
 * drop target for the palette. A thin view: what an edit means lives in the editor package.
 */
public final class CaseCanvas extends GraphCanvas {
    /** What the palette puts on the drag board: a stage kind's JSON name. */
    public static final DataFormat STAGE_KIND = new DataFormat("application/x-caseflow-stage-kind");

    private final CaseDocument document;
    private final ScrollBar hbar = new ScrollBar();
    private final ScrollBar vbar = new ScrollBar();
    private final Minimap minimap;
    private final TextField inlineEditor = new TextField();
    private final Tooltip tooltip = new Tooltip();
    private final BooleanProperty snapToGrid = new SimpleBooleanProperty(true);
    private final BooleanProperty minimapVisible = new SimpleBooleanProperty(true);
    private final CanvasGestures gestures;
    private final CanvasKeyboard keyboard;
    private final ConnectPicker picker;
    private Decorations decorations = Decorations.NONE;
    private Function<Hit, String> tooltipText = h -> null;
    private Consumer<String> messages = m -> { };
    private BiConsumer<StageKind, Point> dropHandler = (k, p) -> { };
    private Runnable inlineCommit;
    private boolean updatingBars;
    private boolean tooltipInstalled;
    private String hoverStage;

    public CaseCanvas(CaseDocument document) {
        super("caseCanvas", 800, 600);
        this.document = document;
        this.gestures = new CanvasGestures(document, viewport, snapToGrid::get);
        this.minimap = new Minimap(document::definition, viewport, canvas::getWidth, canvas::getHeight);
        getStyleClass().add("case-canvas");
        setId("designCanvas");
        canvas.setFocusTraversable(true);
        holder().getChildren().add(inlineEditor);
        inlineEditor.setVisible(false);
        inlineEditor.setManaged(false);
        inlineEditor.getStyleClass().add("inline-editor");
        inlineEditor.setId("inlineEditor");
        keyboard = new CanvasKeyboard(document, this::openConnect, this::selectAndReveal, this::selectTransitionAndReveal, this::execute,
                m -> messages.accept(m));
        picker = new ConnectPicker(keyboard::connected, canvas::requestFocus);
        holder().getChildren().add(picker);
        canvas.addEventHandler(KeyEvent.KEY_PRESSED, keyboard::keyPressed);
        canvas.addEventHandler(KeyEvent.KEY_TYPED, keyboard::keyTyped);
        canvas.setAccessibleRole(AccessibleRole.TEXT);
        canvas.setAccessibleRoleDescription("case diagram");
        canvas.setAccessibleHelp(CanvasKeyboard.HELP);

        StackPane center = new StackPane(holder(), minimap);
        StackPane.setAlignment(minimap, Pos.BOTTOM_RIGHT);
        StackPane.setMargin(minimap, new Insets(0, 12, 12, 0));
        minimap.visibleProperty().bind(minimapVisible);
        minimap.visibleProperty().addListener((o, a, b) -> requestRedraw());
        setCenter(center);
        hbar.setOrientation(Orientation.HORIZONTAL);
        vbar.setOrientation(Orientation.VERTICAL);
        setBottom(hbar);
        setRight(vbar);
        hbar.valueProperty().addListener((o, a, b) -> scrolled());
        vbar.valueProperty().addListener((o, a, b) -> scrolled());

        tooltip.setShowDelay(Duration.millis(350));
        tooltip.setWrapText(true);
        tooltip.setMaxWidth(420);

        document.stack().addListener((d, reason) -> {
            requestRedraw();
            describe();
        });
        document.selection().addListener(s -> {
            requestRedraw();
            describe();
        });
        describe();
        snapToGrid.addListener((o, a, b) -> requestRedraw());
        gestures.onOverlayChanged(this::requestRedraw);
        gestures.onMessage(m -> messages.accept(m));
        gestures.onEditRequest(this::editInPlace);
        wireMouse();
        wireDrop();
    }

    private void wireMouse() {
        canvas.setOnMousePressed(e -> {
            canvas.requestFocus();
            commitInline();
            gestures.press(e.getX(), e.getY(), button(e.getButton()), e.isShiftDown(), e.isShortcutDown(), e.getClickCount());
            updateCursor(e.getX(), e.getY());
        });
        canvas.setOnMouseDragged(e -> {
            gestures.drag(e.getX(), e.getY());
            if (!gestures.isIdle()) {
                canvas.setCursor(gestures.overlay().rubberBand() != null ? Cursor.CROSSHAIR
                        : gestures.overlay().preview() != null ? Cursor.MOVE : canvas.getCursor());
            }
        });
        canvas.setOnMouseReleased(e -> {
            gestures.release(e.getX(), e.getY());
            updateCursor(e.getX(), e.getY());
        });
        canvas.setOnMouseMoved(e -> {
            Hit hit = gestures.hitAt(e.getX(), e.getY());
            String hover = hit instanceof Hit.StageBody b ? b.stage() : hit instanceof Hit.StagePort p ? p.stage() : null;
            if (!Objects.equals(hover, hoverStage)) {
                hoverStage = hover;
                requestRedraw();
            }
            updateCursor(e.getX(), e.getY());
            String text = tooltipText.apply(hit);
            if (text == null || text.isBlank()) {
                if (tooltipInstalled) {
                    Tooltip.uninstall(canvas, tooltip);
                    tooltipInstalled = false;
                }
            } else {
                tooltip.setText(text);
                if (!tooltipInstalled) {
                    Tooltip.install(canvas, tooltip);
                    tooltipInstalled = true;
                }
            }
        });
        canvas.setOnScroll(e -> {
            if (e.getDeltaY() != 0) {
                viewport.zoomAt(e.getDeltaY() > 0 ? Viewport.STEP : 1 / Viewport.STEP, e.getX(), e.getY());
            } else if (e.getDeltaX() != 0) {
                viewport.panBy(e.getDeltaX(), 0);
            }
            e.consume();
        });
        canvas.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                gestures.cancel();
                document.selection().clear();
            }
        });
        inlineEditor.setOnAction(e -> commitInline());
        inlineEditor.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                inlineCommit = null;
                hideInline();
                e.consume();
            }
        });
        inlineEditor.focusedProperty().addListener((o, was, is) -> {
            if (!is) {
                commitInline();
            }
        });
    }

    private void wireDrop() {
        canvas.setOnDragOver(e -> {
            if (e.getDragboard().hasContent(STAGE_KIND)) {
                e.acceptTransferModes(TransferMode.COPY);
            }
            e.consume();
        });
        canvas.setOnDragDropped(e -> {
            boolean done = false;
            if (e.getDragboard().hasContent(STAGE_KIND)) {
                dropStage(StageKind.fromJson((String) e.getDragboard().getContent(STAGE_KIND)), e.getX(), e.getY());
                done = true;
            }
            e.setDropCompleted(done);
            e.consume();
        });
    }

    /** A stage kind dropped at ({@code x}, {@code y}) on the canvas: the drop handler adds it there. */
    public void dropStage(StageKind kind, double x, double y) {
        dropHandler.accept(kind, viewport.toModel(x, y));
    }

    private static CanvasGestures.Button button(MouseButton b) {
        return switch (b) {
            case MIDDLE -> CanvasGestures.Button.MIDDLE;
            case SECONDARY -> CanvasGestures.Button.SECONDARY;
            default -> CanvasGestures.Button.PRIMARY;
        };
    }

    private void updateCursor(double x, double y) {
        Hit hit = gestures.hitAt(x, y);
        Cursor c = Cursor.DEFAULT;
        if (hit instanceof Hit.StagePort || hit instanceof Hit.EdgeEnd) {
            c = Cursor.CROSSHAIR;
        } else if (hit instanceof Hit.StageBody || hit instanceof Hit.Edge) {
            c = Cursor.HAND;
        }
        canvas.setCursor(c);
    }

    /** Opens the in-place editor: a stage's name, or a transition's outcome. */
    public void editInPlace(Hit hit) {
        commitInline();
        if (hit instanceof Hit.StageBody body) {
            document.definition().stage(body.stage()).ifPresent(this::renameInPlace);
        } else if (hit instanceof Hit.Edge edge) {
            editOutcomeInPlace(edge.index());
        }
    }

    public void renameInPlace(StageDefinition stage) {
        reveal(NodeGeometry.bounds(stage));
        Rect b = NodeGeometry.bounds(stage);
        Point tl = viewport.toScreen(new Point(b.x(), b.y()));
        showInline(stage.name(), tl.x() + 6, tl.y() + b.height() * viewport.scale() / 2 - 14, Math.max(140, b.width() * viewport.scale() - 12),
                () -> rename(stage.name(), inlineEditor.getText()));
    }

    /** Renames {@code from}; a selected stage stays selected under its new name. */
    private void rename(String from, String to) {
        boolean selected = document.selection().containsStage(from);
        if (execute(Edits.rename(from, to)) && selected) {
            document.selection().selectStage(to.strip());
        }
    }

    public void editOutcomeInPlace(int index) {
        EdgePath path = index < renderer.paths(document.definition()).size() ? renderer.paths(document.definition()).get(index) : null;
        if (path == null) {
            return;
        }
        TransitionDefinition t = document.definition().transitions().get(index);
        Point at = viewport.toScreen(path.labelPoint());
        showInline(t.outcome(), at.x() - 60, at.y() - 14, 120, () -> execute(Edits.setOutcome(index, inlineEditor.getText())));
    }

    private void showInline(String text, double x, double y, double width, Runnable commit) {
        inlineCommit = commit;
        inlineEditor.setText(text);
        inlineEditor.resizeRelocate(x, y, width, 28);
        inlineEditor.setVisible(true);
        inlineEditor.requestFocus();
        inlineEditor.selectAll();
    }

    private void commitInline() {
        Runnable commit = inlineCommit;
        inlineCommit = null;
        if (commit != null) {
            commit.run();
        }
        hideInline();
    }

    private void hideInline() {
        if (inlineEditor.isVisible()) {
            inlineEditor.setVisible(false);
            canvas.requestFocus();
        }
    }

    public boolean isEditingInPlace() {
        return inlineEditor.isVisible();
    }

    private boolean execute(EditCommand command) {
        try {
            return document.execute(command);
        } catch (EditRejectedException e) {
            messages.accept(e.getMessage());
            return false;
        }
    }

    /** Keeps what a screen reader says for the canvas in step with the selection, the case and its problems. */
    private void describe() {
        canvas.setAccessibleText(CanvasDescription.describe(document.definition(), document.selection(), tooltipText));
    }

    private void selectAndReveal(String stage) {
        document.selection().selectStage(stage);
        document.definition().stage(stage).ifPresent(s -> reveal(NodeGeometry.bounds(s)));
    }

    private void selectTransitionAndReveal(int index) {
        document.selection().selectTransition(index);
        List<EdgePath> paths = renderer.paths(document.definition());
        if (index < paths.size()) {
            Point label = paths.get(index).labelPoint();
            reveal(new Rect(label.x() - 60, label.y() - 20, 120, 40));
        }
    }

    /** The connect type-ahead, just below {@code from} (kept inside the canvas). */
    private void openConnect(StageDefinition from) {
        commitInline();
        reveal(NodeGeometry.bounds(from));
        Rect b = NodeGeometry.bounds(from);
        Point at = viewport.toScreen(new Point(b.x(), b.maxY()));
        double x = Math.max(0, Math.min(at.x(), canvas.getWidth() - 230));
        double y = Math.max(0, Math.min(at.y() + 6, canvas.getHeight() - 220));
        picker.open(document.definition(), from.name(), x, y);
    }

    /** Whether the connect type-ahead is open. */
    public boolean isConnecting() {
        return picker.isOpen();
    }

    @Override
    protected void paint(GraphicsContext g, double width, double height) {
        renderer.render(g, width, height, new CanvasRenderer.Frame(document.definition(), document.selection(), viewport, decorations,
                gestures.overlay(), hoverStage, true));
        minimap.redraw();
        updateScrollBars();
    }

    private Rect contentBounds() {
        Rect visible = viewport.visible(canvas.getWidth(), canvas.getHeight());
        return NodeGeometry.bounds(document.definition()).map(b -> b.inflate(200)).map(b -> b.union(visible)).orElse(visible);
    }

    private void updateScrollBars() {
        updatingBars = true;
        try {
            Rect content = contentBounds();
            double s = viewport.scale();
            hbar.setMin(content.x() * s);
            hbar.setMax(Math.max(content.x() * s, content.maxX() * s - canvas.getWidth()));
            hbar.setVisibleAmount(canvas.getWidth());
            hbar.setValue(-viewport.translateX());
            vbar.setMin(content.y() * s);
            vbar.setMax(Math.max(content.y() * s, content.maxY() * s - canvas.getHeight()));
            vbar.setVisibleAmount(canvas.getHeight());
            vbar.setValue(-viewport.translateY());
            hbar.setUnitIncrement(20);
            vbar.setUnitIncrement(20);
            hbar.setBlockIncrement(canvas.getWidth() * 0.8);
            vbar.setBlockIncrement(canvas.getHeight() * 0.8);
        } finally {
            updatingBars = false;
        }
    }

    private void scrolled() {
        if (!updatingBars) {
            viewport.set(viewport.scale(), -hbar.getValue(), -vbar.getValue());
        }
    }

    public void zoomIn() {
        viewport.zoomTo(viewport.scale() * Viewport.STEP, canvas.getWidth(), canvas.getHeight());
    }

    public void zoomOut() {
        viewport.zoomTo(viewport.scale() / Viewport.STEP, canvas.getWidth(), canvas.getHeight());
    }

    public void actualSize() {
        viewport.zoomTo(1.0, canvas.getWidth(), canvas.getHeight());
    }

    public void fitToWindow() {
        NodeGeometry.bounds(document.definition()).ifPresentOrElse(
                b -> viewport.fit(b.inflate(30).union(new Rect(b.x() - 40, b.y(), 1, 1)), canvas.getWidth(), canvas.getHeight(), 20),
                () -> viewport.set(1, 0, 0));
    }

    /** Scrolls so that {@code r} (model) is in view. */
    public void reveal(Rect r) {
        viewport.reveal(r, canvas.getWidth(), canvas.getHeight(), 40);
    }

    /** The centre of what is visible, in model coordinates (where a clicked palette item goes). */
    public Point visibleCenter() {
        return viewport.visible(canvas.getWidth(), canvas.getHeight()).center();
    }

    public Decorations decorations() {
        return decorations;
    }

    public void setDecorations(Decorations value) {
        decorations = value;
        requestRedraw();
        describe();
    }

    public void setTooltipText(Function<Hit, String> provider) {
        tooltipText = provider;
        describe();
    }

    public void setMessages(Consumer<String> sink) {
        messages = sink;
    }

    public void setDropHandler(BiConsumer<StageKind, Point> handler) {
        dropHandler = handler;
    }

    public BooleanProperty snapToGridProperty() {
        return snapToGrid;
    }

    public BooleanProperty minimapVisibleProperty() {
        return minimapVisible;
    }
}
