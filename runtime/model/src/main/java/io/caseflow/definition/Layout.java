package io.caseflow.definition;

/** Where the designer draws a stage: the top-left corner of its node, in canvas units. */
public record Layout(double x, double y) {
    public static final Layout ORIGIN = new Layout(0, 0);
}
