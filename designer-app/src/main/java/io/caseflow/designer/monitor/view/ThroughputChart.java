package io.caseflow.designer.monitor.view;

import io.caseflow.designer.monitor.ThroughputHistory;
import java.time.Instant;
import java.util.Locale;
import java.util.function.Supplier;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;

/**
 * The small chart: stage runs per second over the last two minutes (an area) and failures per
 * minute over the last half hour (bars), each with its current value. Painted on a canvas once a
 * second; no chart nodes per point.
 */
public final class ThroughputChart extends Pane {
    private static final Color RATE = Color.web("#2563eb");
    private static final Color FAIL = Color.web("#dc2626");
    private static final Font VALUE = Font.font("System", FontWeight.BOLD, 15);
    private static final Font CAPTION = Font.font("System", FontWeight.NORMAL, 10.5);
    private final Canvas canvas = new Canvas();
    private final ThroughputHistory history;
    private final Supplier<Instant> now;

    public ThroughputChart(ThroughputHistory history, Supplier<Instant> now) {
        this.history = history;
        this.now = now;
        getStyleClass().add("throughput-chart");
        setId("throughputChart");
        getChildren().add(canvas);
        setMinHeight(58);
        setPrefHeight(58);
        setPrefWidth(520);
        widthProperty().addListener((o, a, b) -> paint());
        heightProperty().addListener((o, a, b) -> paint());
    }

    @Override
    protected void layoutChildren() {
        canvas.setWidth(getWidth());
        canvas.setHeight(getHeight());
    }

    public void paint() {
        double w = getWidth();
        double h = getHeight();
        canvas.setWidth(w);
        canvas.setHeight(h);
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.clearRect(0, 0, w, h);
        if (w < 80) {
            return;
        }
        Instant t = now.get();
        double half = (w - 12) / 2;
        long[] rate = history.stagesPerSecond(t);
        long[] fails = history.failuresPerMinute(t);
        panel(g, 0, half, h, String.format(Locale.ROOT, "%.0f", history.currentRate(t)), "stages per second · last 2 min", rate, RATE, false);
        panel(g, half + 12, half, h, String.valueOf(history.recentFailuresPerMinute(t)), "failures per minute · last 30 min", fails, FAIL, true);
    }

    private static void panel(GraphicsContext g, double x, double w, double h, String value, String caption, long[] values,
                              Color color, boolean bars) {
        g.setFill(Color.WHITE);
        g.fillRoundRect(x, 0, w, h, 8, 8);
        g.setStroke(Color.web("#e3e7ec"));
        g.setLineWidth(1);
        g.strokeRoundRect(x + 0.5, 0.5, w - 1, h - 1, 8, 8);
        g.setFill(Color.web("#111827"));
        g.setFont(VALUE);
        g.setTextBaseline(VPos.TOP);
        g.fillText(value, x + 10, 8);
        long peak = 0;
        for (long v : values) {
            peak = Math.max(peak, v);
        }
        g.setFill(Color.web("#6b7280"));
        g.setFont(CAPTION);
        String[] words = caption.split(" · ", 2);
        g.fillText(words[0], x + 10, 28);
        g.setFill(Color.web("#9ca3af"));
        g.fillText(words.length > 1 ? words[1] + " · peak " + peak : "peak " + peak, x + 10, 41);
        double cx = x + Math.min(150, Math.max(118, w * 0.36));
        double cw = x + w - 8 - cx;
        double top = 8;
        double bottom = h - 8;
        long max = 1;
        for (long v : values) {
            max = Math.max(max, v);
        }
        g.setStroke(Color.web("#eef1f4"));
        g.strokeLine(cx, bottom + 0.5, cx + cw, bottom + 0.5);
        if (bars) {
            double step = cw / values.length;
            g.setFill(color.deriveColor(0, 1, 1, 0.85));
            for (int i = 0; i < values.length; i++) {
                if (values[i] > 0) {
                    double bh = Math.max(2, (bottom - top) * values[i] / max);
                    g.fillRect(cx + i * step + 1, bottom - bh, Math.max(1, step - 2), bh);
                }
            }
        } else {
            double step = cw / (values.length - 1);
            g.beginPath();
            g.moveTo(cx, bottom);
            for (int i = 0; i < values.length; i++) {
                g.lineTo(cx + i * step, bottom - (bottom - top) * values[i] / max);
            }
            g.lineTo(cx + cw, bottom);
            g.closePath();
            g.setFill(color.deriveColor(0, 1, 1, 0.16));
            g.fill();
            g.beginPath();
            for (int i = 0; i < values.length; i++) {
                double px = cx + i * step;
                double py = bottom - (bottom - top) * values[i] / max;
                if (i == 0) {
                    g.moveTo(px, py);
                } else {
                    g.lineTo(px, py);
                }
            }
            g.setStroke(color);
            g.setLineWidth(1.5);
            g.stroke();
        }
    }
}
