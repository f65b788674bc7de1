package io.caseflow.designer.app;

import javafx.scene.Node;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import javafx.scene.shape.SVGPath;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.shape.StrokeLineJoin;

/** Line icons for the toolbar and menus, drawn as stroked SVG paths on an 18 × 18 grid. */
final class Glyphs {
    static final String NEW = "M4 1.5h6.5l3.5 3.5v11.5H4z M10.5 1.5v3.5h3.5 M9 8v5 M6.5 10.5h5";
    static final String OPEN = "M1.5 4.5h5l1.5 1.5h8.5v9.5h-15z M1.5 8h15";
    static final String SAVE = "M2.5 2.5h10.5l2.5 2.5v10.5h-13z M5.5 2.5v4h7v-4 M5.5 15.5v-5h7v5";
    static final String UNDO = "M6 3L2.5 6.5 6 10 M2.5 6.5h8a4.5 4.5 0 0 1 0 9H6";
    static final String REDO = "M12 3l3.5 3.5L12 10 M15.5 6.5h-8a4.5 4.5 0 0 0 0 9H12";
    static final String DELETE = "M3 4.5h12 M7 4.5v-2h4v2 M4.5 4.5l1 11h7l1-11 M7.5 7.5v5 M10.5 7.5v5";
    static final String ZOOM_IN = "M7.5 2a5.5 5.5 0 1 0 0.01 0z M11.5 11.5l5 5 M5 7.5h5 M7.5 5v5";
    static final String ZOOM_OUT = "M7.5 2a5.5 5.5 0 1 0 0.01 0z M11.5 11.5l5 5 M5 7.5h5";
    static final String FIT = "M2 6.5V2h4.5 M11.5 2H16v4.5 M16 11.5V16h-4.5 M6.5 16H2v-4.5 M6 6h6v6H6z";
    static final String GRID = "M2 2h14v14H2z M2 6.7h14 M2 11.3h14 M6.7 2v14 M11.3 2v14";
    static final String LAYOUT = "M1.5 7h4v4h-4z M12.5 2h4v4h-4z M12.5 12h4v4h-4z M5.5 9h3.5 M9 4v10 M9 4h3.5 M9 14h3.5";
    static final String PLAY = "M5 3.2v11.6l9.5-5.8z";
    static final String DEPLOY = "M9 12.5V2.5 M5 6.5l4-4 4 4 M2.5 11v4.5h13V11";
    static final String ACTUAL = "M3 5l2-1.5V14 M9 7.5v0.5 M9 12v0.5 M13 5l2-1.5V14";

    private Glyphs() {
    }

    static Node icon(String path) {
        return icon(path, Color.web("#374151"));
    }

    static Node icon(String path, Color color) {
        SVGPath svg = new SVGPath();
        svg.setContent(path);
        svg.setFill(Color.TRANSPARENT);
        svg.setStroke(color);
        svg.setStrokeWidth(1.5);
        svg.setStrokeLineCap(StrokeLineCap.ROUND);
        svg.setStrokeLineJoin(StrokeLineJoin.ROUND);
        StackPane box = new StackPane(svg);
        box.setMinSize(18, 18);
        box.setPrefSize(18, 18);
        box.setMaxSize(18, 18);
        return box;
    }
}
