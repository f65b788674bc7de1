package io.caseflow.cli;

import io.caseflow.job.JobRequestException;
import io.caseflow.job.JobSelection;
import io.caseflow.process.ProcessStatus;
import io.caseflow.json.Json;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import picocli.CommandLine.Option;

/** Which processes a bulk command selects: a query ({@code --stage --status --case …}) or {@code --ids}. */
final class JobSelectionOptions {
    @Option(names = "--status", paramLabel = "STATUS", description = "RUNNING, WAITING, COMPLETED, FAILED, CANCELLED (comma-separated). "
            + "Default: FAILED for retry, the ones not ended for cancel.")
    String status;

    @Option(names = "--case", paramLabel = "CASE") String caseName;

    @Option(names = "--api", paramLabel = "API") String api;

    @Option(names = "--case-version", paramLabel = "N", description = "Only processes on this version of the case.") Integer version;

    @Option(names = "--stage", paramLabel = "STAGE", description = "Current stage (of a failed process: the stage that failed).") String stage;

    @Option(names = "--error-contains", paramLabel = "TEXT", description = "A substring of the failure message (any case).") String errorContains;

    @Option(names = "--since", paramLabel = "WHEN", description = "Last changed at or after: an instant (2026-01-31T12:00:00Z) or an age (90m, 2h, 3d).")
    String since;

    @Option(names = "--until", paramLabel = "WHEN", description = "Last changed before: an instant or an age.") String until;

    @Option(names = "--ids", paramLabel = "ID,ID", split = ",", description = "These processes instead of a query.") List<String> ids;

    boolean isEmpty() {
        return status == null && caseName == null && api == null && version == null && stage == null && errorContains == null
                && since == null && until == null && (ids == null || ids.isEmpty());
    }

    JobSelection selection() {
        if (ids != null && !ids.isEmpty()) {
            return JobSelection.ofIds(ids);
        }
        Set<ProcessStatus> statuses = status == null ? Set.of() : JobSelection.statuses(Json.MAPPER.getNodeFactory().textNode(status));
        return new JobSelection(statuses, caseName, api, version, stage, errorContains, when("--since", since), when("--until", until), List.of());
    }

    private static Instant when(String option, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException notAnInstant) {
            String lower = text.trim().toLowerCase(Locale.ROOT);
            char unit = lower.charAt(lower.length() - 1);
            try {
                long amount = Long.parseLong(lower.substring(0, lower.length() - 1));
                Duration age = switch (unit) {
                    case 's' -> Duration.ofSeconds(amount);
                    case 'm' -> Duration.ofMinutes(amount);
                    case 'h' -> Duration.ofHours(amount);
                    case 'd' -> Duration.ofDays(amount);
                    default -> null;
                };
                if (age != null) {
                    return Instant.now().minus(age);
                }
            } catch (NumberFormatException ignored) {
                // falls through to the error below
            }
            throw new JobRequestException(option, option + " must be an instant such as 2026-01-31T12:00:00Z or an age such as "
                    + String.join(", ", Arrays.asList("90m", "2h", "3d")) + ", was '" + text + "'");
        }
    }
}
