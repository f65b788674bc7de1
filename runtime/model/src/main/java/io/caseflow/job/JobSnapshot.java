package io.caseflow.job;

import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

/**
 * A bulk job as it is now: what was asked, by whom, its state and how many of its {@code total} processes
 * have each result.
 */
public record JobSnapshot(String id, JobKind kind, JobRequest request, String requestedBy, JobState state, long total,
                          Map<ItemState, Long> counts, Instant createdAt, Instant updatedAt) {

    public JobSnapshot {
        EnumMap<ItemState, Long> copy = new EnumMap<>(ItemState.class);
        copy.putAll(counts);
        counts = Map.copyOf(copy);
    }

    public long count(ItemState state) {
        return counts.getOrDefault(state, 0L);
    }

    /** How many processes have a result (anything but pending). */
    public long finished() {
        return total - count(ItemState.PENDING);
    }

    /** One line for people: "retry job 0190…: RUNNING, 4,000 of 10,000 (done 3,990, moved on 10)". */
    public String describe() {
        StringBuilder text = new StringBuilder(kind.jsonName() + " job " + id + ": " + state + ", " + finished() + " of " + total);
        StringBuilder parts = new StringBuilder();
        for (ItemState each : ItemState.values()) {
            if (each != ItemState.PENDING && count(each) > 0) {
                parts.append(parts.isEmpty() ? "" : ", ").append(each.name().toLowerCase().replace('_', ' ')).append(' ').append(count(each));
            }
        }
        return parts.isEmpty() ? text.toString() : text.append(" (").append(parts).append(')').toString();
    }
}
