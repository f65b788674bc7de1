package io.caseflow.designer.drawio;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A cell's draw.io style string read into its parts: the named styles at its start
 * ({@code "ellipse;whiteSpace=wrap;html=1;"} → {@code ellipse}) and its {@code key=value} pairs.
 * Keys and names are kept as written; {@link #shape()} is the lower-cased shape, whichever way it was given.
 */
record DrawioStyle(String text, Set<String> names, Map<String, String> values) {
    /** Longest style string read; longer ones are cut (draw.io's own are a few hundred characters). */
    static final int MAX_LENGTH = 20_000;

    static DrawioStyle parse(String style) {
        String text = style == null ? "" : style.length() > MAX_LENGTH ? style.substring(0, MAX_LENGTH) : style;
        Set<String> names = new LinkedHashSet<>();
        Map<String, String> values = new LinkedHashMap<>();
        for (String part : text.split(";")) {
            String p = part.strip();
            int eq = p.indexOf('=');
            if (eq > 0) {
                values.put(p.substring(0, eq).strip(), p.substring(eq + 1).strip());
            } else if (!p.isEmpty()) {
                names.add(p);
            }
        }
        return new DrawioStyle(text, Set.copyOf(names), Map.copyOf(values));
    }

    String get(String key) {
        return values.get(key);
    }

    boolean is(String key, String value) {
        return value.equals(values.get(key));
    }

    boolean has(String name) {
        return names.contains(name);
    }

    /** The shape: {@code shape=...} if given, else the first named style that draws one ({@code ellipse}, {@code rhombus}). */
    String shape() {
        String shape = values.get("shape");
        if (shape != null) {
            return shape.toLowerCase(Locale.ROOT);
        }
        for (String name : names) {
            return name.toLowerCase(Locale.ROOT);
        }
        return "";
    }

    /** Whether the line has an arrowhead at its end ({@code endArrow} defaults to an arrow in draw.io). */
    boolean endArrow() {
        String end = values.get("endArrow");
        return end == null || !(end.isBlank() || end.equals("none"));
    }

    boolean startArrow() {
        String start = values.get("startArrow");
        return start != null && !(start.isBlank() || start.equals("none"));
    }

    boolean html() {
        return "1".equals(values.get("html"));
    }
}
