package io.caseflow.designer.canvas;

import io.caseflow.definition.StageDefinition;
import javafx.scene.canvas.GraphicsContext;

/**
 * Draws one stage kind on the canvas, in model coordinates (the graphics context already carries
 * the viewport's transform). Found by kind through {@link StageSkins#of}.
 */
public interface StageSkin {
    /** How a node is to be drawn besides its own settings. */
    record State(boolean selected, boolean start, boolean dropTarget, double scale) {
    }

    void draw(GraphicsContext g, StageDefinition stage, State state, TextFitter text);
}
