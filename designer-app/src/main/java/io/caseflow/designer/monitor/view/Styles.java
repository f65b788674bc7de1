package io.caseflow.designer.monitor.view;

import io.caseflow.process.ProcessStatus;
import io.caseflow.process.StageRunStatus;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import javafx.css.PseudoClass;
import javafx.scene.control.Label;

/** Status pills, times and durations, the same everywhere in the monitor. */
final class Styles {
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());
    static final DateTimeFormatter TIME_MS = DateTimeFormatter.ofPattern("HH:mm:ss.SSS").withZone(ZoneId.systemDefault());
    static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.systemDefault());

    /** The pill colours, one pseudo-class each (status-running and so on); process and stage-run pills share them. */
    private static final Map<String, PseudoClass> PILL_COLOURS = new LinkedHashMap<>();

    static {
        for (ProcessStatus s : ProcessStatus.values()) {
            PILL_COLOURS.put(styleClass(s), PseudoClass.getPseudoClass(styleClass(s)));
        }
    }

    private Styles() {
    }

    static String label(ProcessStatus status) {
        String n = status.name();
        return n.charAt(0) + n.substring(1).toLowerCase(Locale.ROOT);
    }

    static String styleClass(ProcessStatus status) {
        return "status-" + status.name().toLowerCase(Locale.ROOT);
    }

    /** A rounded status pill ("Failed" in red and so on). */
    static Label pill(ProcessStatus status) {
        Label l = new Label();
        l.getStyleClass().add("status-pill");
        setPill(l, status);
        return l;
    }

    /** Shows {@code status} on a pill (a process's status; none: blank). */
    static void setPill(Label l, ProcessStatus status) {
        colourPill(l, status == null ? null : styleClass(status), status == null ? "" : label(status));
    }

    /** Shows a stage run's status on a pill: "Timed out" in the failed colour and so on. */
    static void setRunPill(Label l, StageRunStatus status) {
        String colour = switch (status) {
            case COMPLETED -> "status-completed";
            case WAITING -> "status-waiting";
            case FAILED, TIMED_OUT -> "status-failed";
            case CANCELLED -> "status-cancelled";
        };
        String n = status.name().replace('_', ' ').toLowerCase(Locale.ROOT);
        colourPill(l, colour, Character.toUpperCase(n.charAt(0)) + n.substring(1));
    }

    /**
     * The colour follows a pseudo-class, not a style class: table cells change status many times a second under
     * live events, and a style class change makes JavaFX look the node's styles up again, where a pseudo-class only
     * switches between styles already found. The text is set only when it changes.
     */
    private static void colourPill(Label l, String colour, String text) {
        PILL_COLOURS.forEach((name, pseudoClass) -> l.pseudoClassStateChanged(pseudoClass, name.equals(colour)));
        if (!text.equals(l.getText())) {
            l.setText(text);
        }
    }

    static String time(Instant at) {
        return at == null ? "" : TIME.format(at);
    }

    /** "850 ms", "4.2 s", "3 min 05 s", "2 h 10 min". */
    static String duration(Duration d) {
        if (d == null) {
            return "";
        }
        long ms = d.toMillis();
        if (ms < 1000) {
            return ms + " ms";
        }
        if (ms < 60_000) {
            return String.format(Locale.ROOT, "%.1f s", ms / 1000.0);
        }
        long s = d.toSeconds();
        if (s < 3600) {
            return String.format(Locale.ROOT, "%d min %02d s", s / 60, s % 60);
        }
        return String.format(Locale.ROOT, "%d h %02d min", s / 3600, (s % 3600) / 60);
    }

    /**
     * The distinctive end of a process id: ids are time-ordered UUIDs, so processes started together
     * share their first characters and differ in the last ones.
     */
    static String shortId(String id) {
        return id == null || id.length() <= 13 ? String.valueOf(id) : "…" + id.substring(id.length() - 12);
    }
}
