package io.caseflow.designer.editor;

import io.caseflow.definition.CaseDefinition;
import io.caseflow.definition.StageDefinition;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Where the keyboard moves the selection on the canvas: to the nearest stage in a direction (by
 * stage centres, a stage straight ahead beating a closer one off to the side), or to the next or
 * previous stage in the case's order. No toolkit.
 */
public final class StageNavigator {
    /** A direction on the canvas, as the arrow keys mean it (y grows downwards). */
    public enum Direction {
        LEFT(-1, 0), RIGHT(1, 0), UP(0, -1), DOWN(0, 1);

        private final int dx;
        private final int dy;

        Direction(int dx, int dy) {
            this.dx = dx;
            this.dy = dy;
        }
    }

    /** How much sideways distance counts against a stage, compared to distance straight ahead. */
    private static final double SIDEWAYS_WEIGHT = 2;

    private StageNavigator() {
    }

    /**
     * The nearest stage from {@code from} towards {@code direction}; the first stage when
     * {@code from} is null or gone; empty when no stage lies that way (or the case has none).
     */
    public static Optional<String> nearest(CaseDefinition d, String from, Direction direction) {
        Optional<StageDefinition> origin = from == null ? Optional.empty() : d.stage(from);
        if (origin.isEmpty()) {
            return first(d);
        }
        Point c = NodeGeometry.bounds(origin.get()).center();
        String best = null;
        double bestScore = Double.MAX_VALUE;
        for (StageDefinition s : d.stages()) {
            if (s.name().equals(from)) {
                continue;
            }
            Point p = NodeGeometry.bounds(s).center();
            double vx = p.x() - c.x();
            double vy = p.y() - c.y();
            double ahead = vx * direction.dx + vy * direction.dy;
            double sideways = Math.abs(vx * direction.dy - vy * direction.dx);
            if (ahead <= 0.5 || sideways > ahead * 3) {
                continue;
            }
            double score = ahead + SIDEWAYS_WEIGHT * sideways;
            if (score < bestScore) {
                bestScore = score;
                best = s.name();
            }
        }
        return Optional.ofNullable(best);
    }

    /** The stage after (or, when {@code forward} is false, before) {@code from} in the case's order; empty past either end. */
    public static Optional<String> next(CaseDefinition d, String from, boolean forward) {
        List<StageDefinition> stages = d.stages();
        int at = -1;
        for (int i = 0; i < stages.size(); i++) {
            if (stages.get(i).name().equals(from)) {
                at = i;
            }
        }
        if (at < 0) {
            return forward ? first(d) : last(d);
        }
        int to = at + (forward ? 1 : -1);
        return to >= 0 && to < stages.size() ? Optional.of(stages.get(to).name()) : Optional.empty();
    }

    public static Optional<String> first(CaseDefinition d) {
        return d.stages().isEmpty() ? Optional.empty() : Optional.of(d.stages().get(0).name());
    }

    public static Optional<String> last(CaseDefinition d) {
        return d.stages().isEmpty() ? Optional.empty() : Optional.of(d.stages().get(d.stages().size() - 1).name());
    }

    /** The names a type-ahead offers for {@code typed}: names starting with it first, then names containing it, case ignored. */
    public static List<String> matching(CaseDefinition d, String typed, String except) {
        String t = typed == null ? "" : typed.strip().toLowerCase(Locale.ROOT);
        List<String> names = d.stages().stream().map(StageDefinition::name).filter(n -> !n.equals(except)).toList();
        List<String> starts = names.stream().filter(n -> n.toLowerCase(Locale.ROOT).startsWith(t)).toList();
        List<String> contains = names.stream().filter(n -> !starts.contains(n) && n.toLowerCase(Locale.ROOT).contains(t)).toList();
        return Stream.concat(starts.stream(), contains.stream()).toList();
    }
}
