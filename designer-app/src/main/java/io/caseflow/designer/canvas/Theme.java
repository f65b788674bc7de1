package io.caseflow.designer.canvas;

import io.caseflow.definition.StageKind;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;

/** Colours and fonts of the canvas, in one place. */
public final class Theme {
    public static final Color BACKGROUND = Color.web("#f6f7f9");
    public static final Color GRID_DOT = Color.web("#cfd5dd");
    public static final Color NODE_FILL = Color.WHITE;
    public static final Color NODE_BORDER = Color.web("#c3cad4");
    public static final Color TEXT = Color.web("#1f2937");
    public static final Color TEXT_MUTED = Color.web("#6b7280");
    public static final Color TASK = Color.web("#2f6fb5");
    public static final Color SERVICE = Color.web("#7c4dbc");
    public static final Color END = Color.web("#23865a");
    public static final Color END_FILL = Color.web("#e9f6ef");
    public static final Color START = Color.web("#16a34a");
    public static final Color SELECTION = Color.web("#2563eb");
    public static final Color SELECTION_HALO = Color.web("#2563eb", 0.16);
    public static final Color EDGE = Color.web("#64748b");
    public static final Color LABEL_BORDER = Color.web("#cbd5e1");
    public static final Color ERROR = Color.web("#dc2626");
    public static final Color WARNING = Color.web("#f59e0b");
    public static final Color DIFF_ADDED = Color.web("#16a34a");
    public static final Color DIFF_CHANGED = Color.web("#d97706");
    public static final Color DIFF_REMOVED = Color.web("#dc2626");
    public static final Color DROP_TARGET = Color.web("#16a34a");
    public static final Color BOX_FILL = Color.web("#2563eb", 0.08);

    public static final Font NAME = Font.font("System", FontWeight.BOLD, 12.5);
    public static final Font DETAIL = Font.font("System", FontWeight.NORMAL, 10.5);
    public static final Font LABEL = Font.font("System", FontWeight.NORMAL, 10.5);
    public static final Font TAG = Font.font("System", FontWeight.BOLD, 8.5);

    private Theme() {
    }

    public static Color accent(StageKind kind) {
        return switch (kind) {
            case TASK -> TASK;
            case SERVICE -> SERVICE;
            case END -> END;
        };
    }
}
