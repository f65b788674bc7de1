package io.caseflow.designer.canvas;

import java.util.HashMap;
import java.util.Map;
import javafx.scene.text.Font;
import javafx.scene.text.Text;

/** Measures text and shortens it with an ellipsis to fit a width; results are cached. */
public final class TextFitter {
    private static final int MAX_ENTRIES = 20_000;
    private final Map<String, String> fitted = new HashMap<>();
    private final Map<String, Double> widths = new HashMap<>();
    private final Text probe = new Text();

    public double width(String text, Font font) {
        String key = font.getName() + font.getSize() + "\u0000" + text;
        Double w = widths.get(key);
        if (w == null) {
            if (widths.size() > MAX_ENTRIES) {
                widths.clear();
            }
            probe.setFont(font);
            probe.setText(text);
            w = probe.getLayoutBounds().getWidth();
            widths.put(key, w);
        }
        return w;
    }

    public String fit(String text, Font font, double maxWidth) {
        if (text == null) {
            return "";
        }
        String key = font.getName() + font.getSize() + "\u0000" + maxWidth + "\u0000" + text;
        String result = fitted.get(key);
        if (result == null) {
            if (fitted.size() > MAX_ENTRIES) {
                fitted.clear();
            }
            result = text;
            if (width(text, font) > maxWidth) {
                int lo = 0;
                int hi = text.length();
                while (lo < hi) {
                    int mid = (lo + hi + 1) / 2;
                    if (width(text.substring(0, mid) + "…", font) <= maxWidth) {
                        lo = mid;
                    } else {
                        hi = mid - 1;
                    }
                }
                result = text.substring(0, lo) + "…";
            }
            fitted.put(key, result);
        }
        return result;
    }
}
