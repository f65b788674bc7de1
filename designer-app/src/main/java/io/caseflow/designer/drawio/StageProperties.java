package io.caseflow.designer.drawio;

import static io.caseflow.designer.drawio.DrawioAttributes.*;

import io.caseflow.definition.Layout;
import io.caseflow.definition.RetryPolicy;
import io.caseflow.definition.StageDefinition;
import io.caseflow.definition.StageKind;
import io.caseflow.designer.editor.Durations;
import java.time.Duration;
import java.util.Map;

/** A stage from the caseflow attributes of a shape's {@code <object>} ("Edit Data"); bad values are reported and defaulted. */
final class StageProperties {
    private StageProperties() {
    }

    /** The kind the attributes ask for, or null when they do not say (or say something unknown, which is reported). */
    static StageKind kind(Map<String, String> a, String what, ImportIssues issues) {
        if (a.containsKey(KIND)) {
            try {
                return StageKind.fromJson(a.get(KIND));
            } catch (IllegalArgumentException e) {
                issues.page(what + ": " + e.getMessage());
            }
        }
        return a.containsKey(SERVICE) ? StageKind.SERVICE : null;
    }

    static StageDefinition stage(String name, StageKind kind, Map<String, String> a, Layout layout, ImportIssues issues) {
        String what = "stage '" + name + "'";
        Duration timeout = duration(a, TIMEOUT, what, issues);
        Duration replyTimeout = duration(a, REPLY_TIMEOUT, what, issues);
        RetryPolicy retry = null;
        if (a.keySet().stream().anyMatch(k -> k.startsWith("retry."))) {
            Integer attempts = null;
            Double multiplier = null;
            try {
                attempts = a.containsKey(RETRY_ATTEMPTS) ? Integer.valueOf(a.get(RETRY_ATTEMPTS).strip()) : null;
            } catch (NumberFormatException e) {
                issues.page(what + ": " + RETRY_ATTEMPTS + " '" + a.get(RETRY_ATTEMPTS) + "' is not a whole number; the default was used");
            }
            try {
                multiplier = a.containsKey(RETRY_MULTIPLIER) ? Double.valueOf(a.get(RETRY_MULTIPLIER).strip()) : null;
                if (multiplier != null && !Double.isFinite(multiplier)) {
                    throw new NumberFormatException();
                }
            } catch (NumberFormatException e) {
                multiplier = null;
                issues.page(what + ": " + RETRY_MULTIPLIER + " '" + a.get(RETRY_MULTIPLIER) + "' is not a number; the default was used");
            }
            retry = new RetryPolicy(attempts, duration(a, RETRY_BACKOFF, what, issues), multiplier,
                    duration(a, RETRY_MAX_BACKOFF, what, issues));
        }
        for (String key : a.keySet()) {
            if (!STAGE.contains(key)) {
                issues.page(what + ": attribute '" + key + "' is not a stage property; it was ignored");
            }
        }
        return new StageDefinition(name, kind, a.get(HANDLER), a.get(SERVICE), a.get(COMMAND), timeout, replyTimeout, retry, layout);
    }

    private static Duration duration(Map<String, String> a, String key, String what, ImportIssues issues) {
        String value = a.get(key);
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Durations.parse(value);
        } catch (IllegalArgumentException e) {
            issues.page(what + ": " + key + ": " + e.getMessage() + "; the default was used");
            return null;
        }
    }
}
