package io.caseflow.job;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** What a bulk job does to each process it selected. */
public enum JobKind {
    /** Resumes a FAILED process at the stage that failed. */
    RETRY("retry"),
    /** Resumes a FAILED process at a named stage ({@code fromStage}). */
    RETRY_FROM("retry-from"),
    /** Stops a process that has not ended. */
    CANCEL("cancel"),
    /** Moves a waiting or failed process to another version of its case ({@code toVersion}, {@code stageMapping}). */
    MIGRATE("migrate");

    private final String jsonName;

    JobKind(String jsonName) {
        this.jsonName = jsonName;
    }

    public String jsonName() {
        return jsonName;
    }

    /** The kind named {@code text} ({@code retry}, {@code retry-from}, {@code cancel}, {@code migrate}). */
    public static JobKind parse(String text) {
        for (JobKind kind : values()) {
            if (kind.jsonName.equals(text == null ? null : text.trim().toLowerCase(Locale.ROOT))) {
                return kind;
            }
        }
        throw new JobRequestException("kind", "unknown job kind '" + text + "'; use one of "
                + Arrays.stream(values()).map(JobKind::jsonName).collect(Collectors.joining(", ")));
    }
}
