package io.caseflow.designer.editor;

/** Snapping to the canvas grid. */
public final class Grid {
    public static final double DEFAULT_SIZE = 20;

    private Grid() {
    }

    public static double snap(double value, double size) {
        return Math.round(value / size) * size;
    }
}
