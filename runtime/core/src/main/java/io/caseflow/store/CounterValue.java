package io.caseflow.store;

/**
 * One counter of a node, or a total over nodes.
 *
 * @param meter the Micrometer name, e.g. {@code caseflow.duplicates.dropped}
 * @param tags  its tags as {@code key=value} pairs joined by commas, sorted by key ({@code reason=stale_step}); empty for none
 * @param value the count
 */
public record CounterValue(String meter, String tags, long value) {
    public CounterValue {
        if (meter == null || meter.isBlank() || meter.length() > 200) {
            throw new IllegalArgumentException("a counter's meter name must be 1 to 200 characters, was '" + meter + "'");
        }
        if (tags == null || tags.length() > 500) {
            throw new IllegalArgumentException("a counter's tags must be at most 500 characters");
        }
    }
}
