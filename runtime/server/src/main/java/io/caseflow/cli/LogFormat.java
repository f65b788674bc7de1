package io.caseflow.cli;

import java.util.Locale;

/**
 * The one switch for JSON logs: {@code CASEFLOW_LOG_FORMAT=json} picks {@code logback-json.xml} (logback's
 * JsonEncoder, one object per line, the MDC as fields) instead of the text layout. Must run before the
 * first logger is made; an explicit {@code -Dlogback.configurationFile} wins.
 */
final class LogFormat {
    static final String JSON_CONFIG = "logback-json.xml";

    private LogFormat() {
    }

    static void apply(String format) {
        if (format == null || format.isBlank() || System.getProperty("logback.configurationFile") != null) {
            return;
        }
        String chosen = format.trim().toLowerCase(Locale.ROOT);
        if (chosen.equals("json")) {
            System.setProperty("logback.configurationFile", JSON_CONFIG);
        } else if (!chosen.equals("text")) {
            System.err.println("caseflow: CASEFLOW_LOG_FORMAT must be text or json, was '" + format + "'; logging as text");
        }
    }
}
