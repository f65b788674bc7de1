package io.caseflow.designer.editor;

/** What lies under a point of the canvas. */
public sealed interface Hit {
    Hit NONE = new Nothing();

    /** Empty canvas. */
    record Nothing() implements Hit {
    }

    /** The inside of a stage: a drag moves it. */
    record StageBody(String stage) implements Hit {
    }

    /** A stage's port or border: a drag starts a new transition. */
    record StagePort(String stage) implements Hit {
    }

    /** A transition's curve or label. */
    record Edge(int index) implements Hit {
    }

    /** The handle at one end of a selected transition: a drag reconnects that end. */
    record EdgeEnd(int index, boolean sourceEnd) implements Hit {
    }
}
