package io.caseflow.definition;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Duration;

/**
 * How often a stage is attempted and how long to wait between attempts.
 *
 * <p>The wait before attempt {@code n} (n ≥ 2) is {@code backoff × multiplier^(n-2)}, capped at
 * {@code maxBackoff}. Values are checked by the validator, not here, so a bad file still loads and
 * every problem in it can be reported at once.
 */
public record RetryPolicy(int maxAttempts, Duration backoff, double multiplier, Duration maxBackoff) {

    public static final int DEFAULT_MAX_ATTEMPTS = 3;
    public static final Duration DEFAULT_BACKOFF = Duration.ofSeconds(1);
    public static final double DEFAULT_MULTIPLIER = 2.0;
    public static final Duration DEFAULT_MAX_BACKOFF = Duration.ofMinutes(1);

    /** Three attempts, 1 s then 2 s apart. */
    public static final RetryPolicy DEFAULT =
            new RetryPolicy(DEFAULT_MAX_ATTEMPTS, DEFAULT_BACKOFF, DEFAULT_MULTIPLIER, DEFAULT_MAX_BACKOFF);
    /** One attempt: a failure fails the process at once. */
    public static final RetryPolicy NONE = new RetryPolicy(1, Duration.ZERO, 1.0, Duration.ZERO);

    @JsonCreator
    public RetryPolicy(@JsonProperty("maxAttempts") Integer maxAttempts,
                       @JsonProperty("backoff") Duration backoff,
                       @JsonProperty("multiplier") Double multiplier,
                       @JsonProperty("maxBackoff") Duration maxBackoff) {
        this(maxAttempts == null ? DEFAULT_MAX_ATTEMPTS : maxAttempts,
                backoff == null ? DEFAULT_BACKOFF : backoff,
                multiplier == null ? DEFAULT_MULTIPLIER : multiplier,
                maxBackoff == null ? DEFAULT_MAX_BACKOFF : maxBackoff);
    }

    public static RetryPolicy attempts(int maxAttempts, Duration backoff) {
        return new RetryPolicy(maxAttempts, backoff, DEFAULT_MULTIPLIER, DEFAULT_MAX_BACKOFF);
    }

    /** True when another attempt may follow attempt number {@code attempt} (1-based). */
    public boolean allowsAttemptAfter(int attempt) {
        return attempt < maxAttempts;
    }

    /** The wait before attempt {@code nextAttempt} (2-based: the first retry is attempt 2). */
    public Duration delayBefore(int nextAttempt) {
        if (nextAttempt <= 1) {
            return Duration.ZERO;
        }
        double millis = backoff.toMillis() * Math.pow(multiplier, nextAttempt - 2);
        long capped = (long) Math.min(millis, (double) maxBackoff.toMillis());
        return Duration.ofMillis(Math.max(0, capped));
    }
}
