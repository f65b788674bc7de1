package io.caseflow.designer.monitor;

import io.caseflow.process.ProcessEvent;
import io.caseflow.process.ProcessStatus;
import io.caseflow.process.ProcessQuery;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * The process table's filters, as the user set them: statuses (none: all), case, api, version,
 * current stage, and text found in the id or the data. The store does the filtering
 * ({@link #toQuery}); {@link #matches} decides for a live event whether it belongs in the table.
 */
public record ProcessFilter(Set<ProcessStatus> statuses, String caseName, String api, Integer version, String stage, String text) {
    public static final ProcessFilter NONE = new ProcessFilter(Set.of(), null, null, null, null, null);

    /** Whether a live event matches, as far as an event can tell (events do not carry the data). */
    public enum Match { YES, NO, UNKNOWN }

    public ProcessFilter {
        statuses = statuses == null || statuses.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(statuses));
        caseName = blankToNull(caseName);
        api = blankToNull(api);
        stage = blankToNull(stage);
        text = blankToNull(text);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    public ProcessQuery toQuery(int offset, int limit) {
        return new ProcessQuery(statuses, caseName, api, version, stage, text, offset, limit);
    }

    public ProcessFilter withStatuses(Set<ProcessStatus> value) {
        return new ProcessFilter(value, caseName, api, version, stage, text);
    }

    public ProcessFilter withCase(String name, String newApi) {
        return new ProcessFilter(statuses, name, newApi, version, stage, text);
    }

    public ProcessFilter withVersion(Integer value) {
        return new ProcessFilter(statuses, caseName, api, value, stage, text);
    }

    public ProcessFilter withStage(String value) {
        return new ProcessFilter(statuses, caseName, api, version, value, text);
    }

    public ProcessFilter withText(String value) {
        return new ProcessFilter(statuses, caseName, api, version, stage, value);
    }

    public boolean isEmpty() {
        return equals(NONE);
    }

    public Match matches(ProcessEvent e) {
        if (!fieldsMatch(e.caseKey().name(), e.caseKey().api(), e.version(), e.status(), e.stage())) {
            return Match.NO;
        }
        if (text == null || e.processId().toLowerCase(Locale.ROOT).contains(text.toLowerCase(Locale.ROOT))) {
            return Match.YES;
        }
        // The text may be in the data, which only the store can see.
        return Match.UNKNOWN;
    }

    /** Whether a row still matches by its own fields (the text is not looked at: it may be in the data). */
    public boolean matchesFields(ProcessRow r) {
        return fieldsMatch(r.caseKey().name(), r.caseKey().api(), r.caseVersion(), r.status(), r.stage());
    }

    private boolean fieldsMatch(String name, String caseApi, int caseVersion, ProcessStatus status, String at) {
        return (statuses.isEmpty() || statuses.contains(status))
                && (caseName == null || caseName.equals(name))
                && (api == null || api.equals(caseApi))
                && (version == null || version == caseVersion)
                && (stage == null || stage.equals(at));
    }
}
