package io.caseflow.designer.monitor;

import io.caseflow.CaseflowRuntime;
import io.caseflow.audit.AuditEvent;
import io.caseflow.process.ActionResult;
import io.caseflow.process.ProcessSnapshot;
import io.caseflow.store.JdbcAuditLog;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Actions the designer's user takes on a runtime in this JVM (the embedded one, Play) go to the same audit trail
 * as a server's API actions, as the local user, so a process's Audit tab tells the whole story either way.
 */
final class LocalAudit {
    private static final Logger LOG = LoggerFactory.getLogger(LocalAudit.class);
    private static final String ACTOR = "designer:" + System.getProperty("user.name", "user");

    private LocalAudit() {
    }

    /** Runs {@code action} on {@code processId} and records it, with its result or its failure. */
    static <T> T record(CaseflowRuntime runtime, String action, String processId, Supplier<T> work) {
        try {
            T result = work.get();
            String outcome = result instanceof ActionResult r && !r.changed() ? "unchanged" : "ok";
            String id = processId != null ? processId : result instanceof ProcessSnapshot p ? p.id() : null;
            append(runtime, action, id, 200, outcome);
            return result;
        } catch (RuntimeException e) {
            append(runtime, action, processId, 500, e.getClass().getSimpleName() + ": " + e.getMessage());
            throw e;
        }
    }

    private static void append(CaseflowRuntime runtime, String action, String processId, int status, String outcome) {
        try {
            new JdbcAuditLog(runtime.database()).append(new AuditEvent(0, runtime.clock().instant(), ACTOR, "admin", action + " (designer)",
                    processId, null, null, status, outcome, "this computer", null));
        } catch (RuntimeException e) {
            LOG.warn("could not record '{}' on {} in the audit trail: {}", action, processId, e.getMessage());
        }
    }
}
