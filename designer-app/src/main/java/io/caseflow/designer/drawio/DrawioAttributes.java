package io.caseflow.designer.drawio;

import java.util.List;
import java.util.Set;

/** The attribute names caseflow keeps on draw.io {@code <object>} wrappers. */
final class DrawioAttributes {
    static final String KIND = "kind";
    static final String HANDLER = "handler";
    static final String SERVICE = "service";
    static final String COMMAND = "command";
    static final String TIMEOUT = "timeout";
    static final String REPLY_TIMEOUT = "replyTimeout";
    static final String RETRY_ATTEMPTS = "retry.maxAttempts";
    static final String RETRY_BACKOFF = "retry.backoff";
    static final String RETRY_MULTIPLIER = "retry.multiplier";
    static final String RETRY_MAX_BACKOFF = "retry.maxBackoff";
    static final String OUTCOME = "outcome";

    static final String CASE_NAME = "caseName";
    static final String CASE_API = "api";
    static final String CASE_VERSION = "version";
    static final String CASE_DESCRIPTION = "description";
    static final String START_STAGE = "startStage";

    static final List<String> STAGE = List.of(KIND, HANDLER, SERVICE, COMMAND, TIMEOUT, REPLY_TIMEOUT,
            RETRY_ATTEMPTS, RETRY_BACKOFF, RETRY_MULTIPLIER, RETRY_MAX_BACKOFF);
    /** Attributes draw.io itself puts on {@code <object>}; not stage properties. */
    static final Set<String> DRAWIO_OWN = Set.of("id", "label", "placeholders", "tooltip", "link", "tags");

    private DrawioAttributes() {
    }
}
