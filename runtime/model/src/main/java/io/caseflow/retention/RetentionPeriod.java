package io.caseflow.retention;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;

/**
 * How long a finished process is kept: an ISO-8601 duration ({@code PT12H}, {@code P90D}, {@code P1DT6H}) or
 * period ({@code P1Y}, {@code P6M}, {@code P2W}), or {@code forever}. Periods count calendar months and years
 * in UTC. At least {@link #MIN} (a message that arrives late for a process that just finished must still find
 * it), at most {@link #MAX_DAYS} days.
 *
 * <pre>{@code
 * RetentionPeriod p = RetentionPeriod.parse("P90D");
 * Optional<Instant> deleteFinishedBefore = p.cutoff(Instant.now());
 * }</pre>
 */
public final class RetentionPeriod {
    public static final Duration MIN = Duration.ofHours(1);
    public static final long MAX_DAYS = 36_500;
    public static final String FOREVER_TEXT = "forever";
    public static final RetentionPeriod FOREVER = new RetentionPeriod(FOREVER_TEXT, null, null);

    private final String text;
    private final Duration duration;
    private final Period period;

    private RetentionPeriod(String text, Duration duration, Period period) {
        this.text = text;
        this.duration = duration;
        this.period = period;
    }

    /** Reads {@code text}; a bad value is refused with an {@link IllegalArgumentException} naming the field {@code period}. */
    @JsonCreator
    public static RetentionPeriod parse(String text) {
        return parse("period", text);
    }

    /** Like {@link #parse(String)}, naming {@code field} in the error. */
    public static RetentionPeriod parse(String field, String text) {
        String value = text == null ? "" : text.trim().toUpperCase(Locale.ROOT);
        if (value.equals("FOREVER")) {
            return FOREVER;
        }
        String example = "'" + field + "' must be an ISO-8601 duration or period such as P90D, PT12H or P1Y (at least "
                + MIN.toHours() + " hour, at most " + MAX_DAYS + " days), or 'forever'; was '" + text + "'";
        if (value.isEmpty() || value.startsWith("-")) {
            throw new IllegalArgumentException(example);
        }
        Duration asDuration = null;
        Period asPeriod = null;
        try {
            asDuration = Duration.parse(value);
        } catch (DateTimeParseException notDuration) {
            try {
                asPeriod = Period.parse(value);
            } catch (DateTimeParseException notPeriod) {
                throw new IllegalArgumentException(example);
            }
        }
        Duration approximate = asDuration != null ? asDuration
                : Duration.ofDays(asPeriod.getYears() * 366L + asPeriod.getMonths() * 31L + asPeriod.getDays());
        if (asPeriod != null && asPeriod.isNegative() || approximate.compareTo(MIN) < 0
                || approximate.compareTo(Duration.ofDays(MAX_DAYS + 400)) > 0) {
            throw new IllegalArgumentException(example);
        }
        return new RetentionPeriod(value, asDuration, asPeriod);
    }

    public boolean isForever() {
        return duration == null && period == null;
    }

    /** Finished before this instant means expired at {@code now}; empty for {@code forever}. */
    public Optional<Instant> cutoff(Instant now) {
        if (duration != null) {
            return Optional.of(now.minus(duration));
        }
        if (period != null) {
            return Optional.of(now.atOffset(ZoneOffset.UTC).minus(period).toInstant());
        }
        return Optional.empty();
    }

    @JsonValue
    @Override
    public String toString() {
        return text;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RetentionPeriod that && text.equals(that.text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }
}
