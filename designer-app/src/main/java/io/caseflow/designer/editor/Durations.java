package io.caseflow.designer.editor;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as people type them: ISO-8601 ({@code PT30S}) or short forms such as {@code 500ms},
 * {@code 30s}, {@code 5m}, {@code 2h}, {@code 1d}, and back to the short form for display.
 */
public final class Durations {
    private static final Pattern SHORT = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ms|s|m|h|d)");

    private Durations() {
    }

    /** Parses {@code text}; throws {@link IllegalArgumentException} with a sentence saying what is accepted. */
    public static Duration parse(String text) {
        String value = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        Matcher m = SHORT.matcher(value);
        if (m.matches()) {
            double amount = Double.parseDouble(m.group(1));
            double millis = switch (m.group(2)) {
                case "ms" -> amount;
                case "s" -> amount * 1_000;
                case "m" -> amount * 60_000;
                case "h" -> amount * 3_600_000;
                default -> amount * 86_400_000;
            };
            return Duration.ofMillis(Math.round(millis));
        }
        try {
            return Duration.parse(value.toUpperCase(Locale.ROOT));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + text + "' is not a duration; write e.g. 30s, 500ms, 5m, 2h or PT30S");
        }
    }

    /** The shortest exact short form: {@code 30s}, {@code 1.5s}, {@code 5m}, {@code 250ms}. */
    public static String format(Duration duration) {
        if (duration == null) {
            return "";
        }
        long ms = duration.toMillis();
        if (ms != 0 && ms % 86_400_000 == 0) {
            return ms / 86_400_000 + "d";
        }
        if (ms != 0 && ms % 3_600_000 == 0) {
            return ms / 3_600_000 + "h";
        }
        if (ms != 0 && ms % 60_000 == 0) {
            return ms / 60_000 + "m";
        }
        if (ms % 1000 == 0) {
            return ms / 1000 + "s";
        }
        if (ms > 1000 && ms % 100 == 0) {
            return (ms / 1000) + "." + (ms % 1000) / 100 + "s";
        }
        return ms + "ms";
    }
}
