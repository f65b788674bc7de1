package io.caseflow.designer.drawio;

/** A connector read as a transition: {@code from} and {@code to} are the stage cells, in the direction its arrowhead points. */
record Link(RawCell edge, RawCell from, RawCell to) {
}
