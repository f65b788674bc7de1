package io.caseflow.designer.canvas;

import io.caseflow.definition.StageDefinition;
import io.caseflow.definition.StageKind;
import io.caseflow.designer.editor.NodeGeometry;
import io.caseflow.designer.editor.Rect;
import java.util.EnumMap;
import java.util.Map;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.TextAlignment;

/** The skin of each stage kind: task and service cards with a coloured side, end stages as pills. */
public final class StageSkins {
    /** Below this zoom, details (second line, icon) are left out; below {@link #NO_TEXT}, all text. */
    public static final double NO_DETAILS = 0.55;
    public static final double NO_TEXT = 0.3;
    private static final double ARC = 10;

    private static final Map<StageKind, StageSkin> SKINS = new EnumMap<>(StageKind.class);

    static {
        SKINS.put(StageKind.TASK, (g, s, st, t) -> card(g, s, st, t,
                s.handler() == null ? "no handler" : s.handler()));
        SKINS.put(StageKind.SERVICE, (g, s, st, t) -> card(g, s, st, t,
                (s.service() == null ? "?" : s.service()) + " · " + (s.command() == null ? "?" : s.command())));
        SKINS.put(StageKind.END, StageSkins::pill);
    }

    private StageSkins() {
    }

    public static StageSkin of(StageKind kind) {
        return SKINS.get(kind);
    }

    private static void frame(GraphicsContext g, Rect b, StageSkin.State st, double arc, Color fill, Color border, double borderWidth) {
        double px = 1 / Math.min(1, st.scale());
        if (st.selected()) {
            g.setFill(Theme.SELECTION_HALO);
            g.fillRoundRect(b.x() - 4, b.y() - 4, b.width() + 8, b.height() + 8, arc + 8, arc + 8);
        }
        if (st.scale() >= NO_DETAILS) {
            g.setFill(Color.rgb(15, 23, 42, 0.07));
            g.fillRoundRect(b.x() + 1, b.y() + 2, b.width(), b.height(), arc, arc);
        }
        g.setFill(fill);
        g.fillRoundRect(b.x(), b.y(), b.width(), b.height(), arc, arc);
        g.setStroke(st.dropTarget() ? Theme.DROP_TARGET : st.selected() ? Theme.SELECTION : border);
        g.setLineWidth((st.dropTarget() || st.selected() ? 2.2 : borderWidth) * px);
        g.strokeRoundRect(b.x(), b.y(), b.width(), b.height(), arc, arc);
    }

    private static void card(GraphicsContext g, StageDefinition s, StageSkin.State st, TextFitter text, String detail) {
        Rect b = NodeGeometry.bounds(s);
        Color accent = Theme.accent(s.kind());
        frame(g, b, st, ARC, Theme.NODE_FILL, Theme.NODE_BORDER, 1);
        g.setFill(accent);
        g.fillRoundRect(b.x(), b.y(), 6, b.height(), 6, 6);
        g.fillRect(b.x() + 3, b.y(), 3, b.height());
        if (st.scale() < NO_TEXT) {
            return;
        }
        g.setTextBaseline(VPos.BASELINE);
        g.setTextAlign(TextAlignment.LEFT);
        if (st.scale() < NO_DETAILS) {
            g.setFont(Theme.NAME);
            g.setFill(Theme.TEXT);
            g.fillText(text.fit(s.name(), Theme.NAME, b.width() - 22), b.x() + 14, b.y() + b.height() / 2 + 5);
            return;
        }
        StageKindIcon.draw(g, s.kind(), b.x() + 14, b.y() + 12, 18);
        double textX = b.x() + 40;
        double room = b.maxX() - textX - 10;
        g.setFont(Theme.NAME);
        g.setFill(Theme.TEXT);
        g.fillText(text.fit(s.name(), Theme.NAME, room), textX, b.y() + 26);
        g.setFont(Theme.DETAIL);
        g.setFill(s.kind() == StageKind.SERVICE ? accent.darker() : Theme.TEXT_MUTED);
        g.fillText(text.fit(detail, Theme.DETAIL, b.maxX() - b.x() - 24), b.x() + 14, b.y() + 48);
    }

    private static void pill(GraphicsContext g, StageDefinition s, StageSkin.State st, TextFitter text) {
        Rect b = NodeGeometry.bounds(s);
        double px = 1 / Math.min(1, st.scale());
        frame(g, b, st, b.height(), Theme.END_FILL, Theme.END, 2);
        g.setStroke(Theme.END.deriveColor(0, 1, 1, 0.35));
        g.setLineWidth(1 * px);
        g.strokeRoundRect(b.x() + 4, b.y() + 4, b.width() - 8, b.height() - 8, b.height() - 8, b.height() - 8);
        if (st.scale() < NO_TEXT) {
            return;
        }
        g.setTextBaseline(VPos.BASELINE);
        boolean details = st.scale() >= NO_DETAILS;
        if (details) {
            StageKindIcon.draw(g, StageKind.END, b.x() + 16, b.y() + b.height() / 2 - 9, 18);
        }
        double left = b.x() + (details ? 40 : 16);
        double room = b.maxX() - 18 - left;
        g.setFont(Theme.NAME);
        g.setFill(Theme.TEXT);
        g.setTextAlign(TextAlignment.LEFT);
        g.fillText(text.fit(s.name(), Theme.NAME, room), left, b.y() + (details ? 27 : b.height() / 2 + 5));
        if (details) {
            g.setFont(Theme.DETAIL);
            g.setFill(Theme.END.darker());
            g.fillText(text.fit(s.handler() == null ? "end" : "end · " + s.handler(), Theme.DETAIL, room), left, b.y() + 44);
        }
    }
}
