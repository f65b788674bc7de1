package io.caseflow.definition;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Where the designer draws a stage: the top-left corner of its node, in canvas units, and
 * optionally the lane (swimlane, pool) it sits in, as read from a draw.io diagram and written back
 * on export. Only the designer reads it; the runtime ignores it. {@code lane} is left out of the
 * JSON when absent, so files without lanes read and write as before.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Layout(double x, double y, String lane) {
    public static final Layout ORIGIN = new Layout(0, 0);

    @JsonCreator
    public Layout(@JsonProperty("x") double x, @JsonProperty("y") double y, @JsonProperty("lane") String lane) {
        this.x = x;
        this.y = y;
        this.lane = lane == null || lane.isBlank() ? null : lane.strip();
    }

    public Layout(double x, double y) {
        this(x, y, null);
    }

    /** The same lane at another position: moving a stage keeps its lane. */
    public Layout at(double newX, double newY) {
        return new Layout(newX, newY, lane);
    }

    public Layout withLane(String newLane) {
        return new Layout(x, y, newLane);
    }
}
