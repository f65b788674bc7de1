package io.caseflow.designer.drawio;

/** What a cell is in the picture its author drew, before it is mapped to a case. */
enum CellRole {
    /** A shape that does work: becomes a stage. */
    SHAPE,
    /** A diamond, gateway or connector that branches: a stage whose outgoing labels are outcomes. */
    DECISION,
    /** A picture (cloud product icon, image): a stage only when arrows connect it. */
    ICON,
    /** Free text: an edge's outcome when it sits next to one, else a note. */
    TEXT,
    /** A label whose parent is an edge. */
    EDGE_LABEL,
    /** A text or icon child that carries its parent shape's label. */
    PARENT_LABEL,
    POOL,
    LANE,
    /** A group, container or frame: holds shapes, is not one. */
    GROUP,
    /** A shape drawn behind others (a zone, a frame) with no arrows: not a stage. */
    BACKDROP,
    /** A connector. */
    EDGE,
    /** A cell that is neither a shape nor a connector. */
    OTHER;

    boolean isContainer() {
        return this == POOL || this == LANE || this == GROUP || this == BACKDROP;
    }

    String word() {
        return switch (this) {
            case SHAPE, DECISION -> "shape";
            case ICON -> "icon";
            case TEXT, EDGE_LABEL, PARENT_LABEL -> "text";
            case POOL -> "pool";
            case LANE -> "lane";
            case GROUP -> "group";
            case BACKDROP -> "backdrop";
            case EDGE -> "connector";
            case OTHER -> "cell";
        };
    }
}
